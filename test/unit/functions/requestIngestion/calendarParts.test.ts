import type { Attachment } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { calendarParts, isCalendarPart } from '../../../../functions/requestIngestion/calendarParts';

const part = (mimeType: string, filename: string | null, disposition: Attachment['disposition'], text: string, method?: string): Attachment => ({
  mimeType,
  filename,
  disposition,
  content: new TextEncoder().encode(text),
  ...(method ? { method } : {}),
});

describe('calendarParts', () => {
  it('finds text/calendar, application/ics and any part named *.ics; nothing else', () => {
    expect(isCalendarPart({ mimeType: 'text/calendar', filename: null })).toBe(true);
    expect(isCalendarPart({ mimeType: 'application/ics', filename: 'invite.ics' })).toBe(true);
    expect(isCalendarPart({ mimeType: 'application/octet-stream', filename: 'iCal-1.ICS ' })).toBe(true);
    expect(isCalendarPart({ mimeType: 'Text/Calendar', filename: null })).toBe(true);
    expect(isCalendarPart({ mimeType: 'text/plain', filename: 'notes.txt' })).toBe(false);
    expect(isCalendarPart({ mimeType: 'image/png', filename: null })).toBe(false);
  });

  it('puts the inline text/calendar part first, then the attachments in message order, with their text and MIME method', () => {
    const parts = calendarParts([
      part('application/ics', 'invite.ics', 'attachment', 'copy'),
      part('image/png', 'logo.png', 'inline', 'png'),
      part('text/calendar', 'iCal-1.ics', 'attachment', 'attached'),
      part('text/calendar', null, null, 'inline', 'REPLY'),
    ]);
    expect(parts).toEqual([
      { text: 'inline', mimeMethod: 'REPLY', index: 3 },
      { text: 'copy', mimeMethod: null, index: 0 },
      { text: 'attached', mimeMethod: null, index: 2 },
    ]);
  });

  it('decodes bytes as UTF-8 and takes text as it is', () => {
    const [fromBytes] = calendarParts([{ mimeType: 'application/octet-stream', filename: 'a.ics', disposition: 'attachment', content: new TextEncoder().encode('COMMENT:gâteau').buffer as ArrayBuffer }]);
    expect(fromBytes!.text).toBe('COMMENT:gâteau');
    const [fromText] = calendarParts([{ mimeType: 'text/calendar', filename: null, disposition: null, content: 'BEGIN:VCALENDAR', encoding: 'utf8' }]);
    expect(fromText!.text).toBe('BEGIN:VCALENDAR');
  });
});
