// The iCalendar objects a message carries, best copy first. iMIP puts the object in a
// `text/calendar` part, alone, beside the text in multipart/alternative, or in
// multipart/mixed (RFC 6047 section 2.4); clients add copies as attachments too: Google an
// `application/ics` invite.ics (which can differ from the inline part), Apple Mail an
// `iCal-<n>.ics` attachment, others `application/octet-stream` named *.ics (itip.md
// sections 4 and 6). postal-mime hands every calendar part over as an attachment, already
// decoded (base64, quoted-printable) and in UTF-8 whatever its charset.
import type { Attachment } from 'postal-mime';

const CALENDAR_TYPES: readonly string[] = ['text/calendar', 'application/ics'];
const ICS_NAME = /\.ics$/i;

export type CalendarPart = {
  /** The object as text (lines still folded). */
  text: string;
  /** The MIME `method` parameter, upper-cased; it can disagree with the body's METHOD, which decides. */
  mimeMethod: string | null;
  /** Position among the message's attachments: which copy a reply was read from. */
  index: number;
};

export function isCalendarPart(attachment: Pick<Attachment, 'mimeType' | 'filename'>): boolean {
  return CALENDAR_TYPES.includes(attachment.mimeType.toLowerCase()) || (attachment.filename !== null && ICS_NAME.test(attachment.filename.trim()));
}

/**
 * The calendar parts in the order they are trusted: `text/calendar` parts not marked as
 * attachments (the iMIP part itself), then the other calendar parts, each group in message order.
 */
export function calendarParts(attachments: readonly Attachment[]): CalendarPart[] {
  const found = attachments.flatMap((attachment, index) =>
    isCalendarPart(attachment) ? [{ text: textOf(attachment.content), mimeMethod: attachment.method ?? null, index, rank: rankOf(attachment) }] : [],
  );
  return found.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ rank: _rank, ...part }) => part);
}

function rankOf(attachment: Pick<Attachment, 'mimeType' | 'disposition'>): number {
  return attachment.mimeType.toLowerCase() === 'text/calendar' && attachment.disposition !== 'attachment' ? 0 : 1;
}

function textOf(content: Attachment['content']): string {
  if (typeof content === 'string') return content;
  // Parts postal-mime does not decode as calendars (an .ics sent as octet-stream): UTF-8, the iCalendar default.
  return new TextDecoder('utf-8').decode(content instanceof Uint8Array ? content : new Uint8Array(content));
}
