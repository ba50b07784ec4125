// The attendee's note on a REPLY. RFC 5546 section 3.2.3 allows COMMENT on the VEVENT
// (Outlook's "edit the response before sending"); iOS Mail writes the note as
// X-CALENDARSERVER-PRIVATE-COMMENT instead (itip.md section 6). Some clients put the note
// on the ATTENDEE line as an X- parameter: itip.md has no sample of those, so the two names
// below are read defensively, after the properties. A note is optional: null when none.
import type ICAL from 'ical.js';

/** VEVENT properties that carry the note, in the order they are trusted. */
const NOTE_PROPERTIES: readonly string[] = ['comment', 'x-calendarserver-private-comment'];
/** RFC 5545 section 3.3.11 escapes: ical.js undoes them for COMMENT, not for X- properties it does not know. */
const TEXT_ESCAPE = /\\([\\;,nN])/g;
/** ATTENDEE parameters that carry the note (unsourced client habits: read if present). */
const NOTE_PARAMETERS: readonly string[] = ['x-response-comment', 'x-calendarserver-private-comment'];

export function replyComment(vevent: ICAL.Component, attendee: ICAL.Property): string | null {
  for (const name of NOTE_PROPERTIES) {
    // Several COMMENTs are allowed; a reply's are one note in parts.
    const values = vevent.getAllProperties(name).flatMap((p) => p.getValues().map((v) => (p.type === 'text' ? String(v) : unescapeText(String(v)))));
    const note = values.join('\n').trim();
    if (note) return note;
  }
  for (const name of NOTE_PARAMETERS) {
    const value = attendee.getParameter(name);
    const note = (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
    if (note) return note;
  }
  return null;
}

function unescapeText(value: string): string {
  return value.replace(TEXT_ESCAPE, (_all, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
