// The `events` list walks two DynamoDB queries: upcoming events (startsAt >= pivot,
// ascending), then past ones (startsAt < pivot, descending). Its nextToken records which
// phase comes next, the pivot instant (fixed on the first page so that pages never
// overlap) and DynamoDB's own token within that phase. The resolver base64-encodes it.

export const EVENTS_PAGE = { defaultLimit: 20, maxLimit: 100 } as const;

export type EventsPhase = 'upcoming' | 'past';

export type EventsCursor = { phase: EventsPhase; pivot: string; token: string | null };

const VERSION = 'events.v1';

export function cursorText(cursor: EventsCursor): string {
  return [VERSION, cursor.phase, cursor.pivot, cursor.token ?? ''].join('|');
}

/** The cursor a token's text describes, or null when the text is not one of ours. */
export function parseCursorText(text: string): EventsCursor | null {
  const parts = text.split('|');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const phase = parts[1];
  if (phase !== 'upcoming' && phase !== 'past') return null;
  if (parts[2].length === 0) return null;
  return { phase, pivot: parts[2], token: parts[3].length > 0 ? parts[3] : null };
}
