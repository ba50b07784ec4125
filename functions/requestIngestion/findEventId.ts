// The event a request is about: the first UUID-shaped id (what util.autoId() gives events)
// in the subject, else in the text body. Whether the sender may act on it is the API's call
// (startImport refuses other organizers' and cancelled events), not this module's.

/** A UUID (any version), not part of a longer run of hex digits and dashes. */
const EVENT_ID = /(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f-])/i;

/** The first event id in the subject, then in the text, lower-cased as ids are made; null when neither has one. */
export function findEventId(subject: string | undefined, text: string | undefined): string | null {
  for (const value of [subject, text]) {
    const found = value ? EVENT_ID.exec(value) : null;
    if (found) return found[0].toLowerCase();
  }
  return null;
}
