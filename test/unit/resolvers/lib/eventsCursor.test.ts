import { describe, expect, it } from 'vitest';
import { cursorText, parseCursorText } from '../../../../resolvers/lib/eventsCursor';

describe('events cursor', () => {
  it('round-trips every phase, with and without a DynamoDB token', () => {
    for (const cursor of [
      { phase: 'upcoming' as const, pivot: '2030-01-01T00:00:00.000Z', token: 'abc' },
      { phase: 'past' as const, pivot: '2030-01-01T00:00:00.000Z', token: null },
    ]) {
      expect(parseCursorText(cursorText(cursor))).toEqual(cursor);
    }
  });

  it('refuses text that is not a cursor of this version', () => {
    for (const text of ['', 'garbage', 'events.v0|upcoming|x|', 'events.v1|sideways|x|', 'events.v1|past||t', 'events.v1|past|x']) {
      expect(parseCursorText(text), text).toBeNull();
    }
  });
});
