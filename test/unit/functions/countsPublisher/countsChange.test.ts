import { describe, expect, it } from 'vitest';
import { countsChange } from '../../../../functions/countsPublisher/countsChange';
import { isPermanent } from '../../../../functions/lib/errors';
import { readStreamRecord } from '../../../../functions/lib/stream/streamRecord';
import { makeAttendee, makeEvent, streamRecord } from '../../../helpers/streamRecords';
import type { AttendeeCountsRecord } from '../../../../resolvers/lib/records';

const RECEIVED_AT = '2030-01-05T12:00:00.000Z';
// streamRecord's ApproximateCreationDateTime, 1_893_488_400 seconds.
const CHANGED_AT = '2030-01-01T09:00:00.000Z';

const counts = (overrides: Partial<AttendeeCountsRecord> = {}): AttendeeCountsRecord => ({ invited: 2, needsAction: 2, accepted: 0, declined: 0, tentative: 0, ...overrides });
const change = (before: Record<string, unknown>, after: Record<string, unknown>, eventName: 'MODIFY' | 'INSERT' | 'REMOVE' = 'MODIFY') =>
  readStreamRecord(streamRecord(eventName, { old: makeEvent(before), new: makeEvent(after) }, '7'));

describe('whether a stream record changes an event’s counts', () => {
  it('pushes the counts after an answer, with the event id and when DynamoDB made the change', () => {
    const answered = change({ counts: counts() }, { counts: counts({ needsAction: 1, accepted: 1 }) });
    expect(countsChange(answered, RECEIVED_AT)).toEqual({ eventId: 'evt-1', invited: 2, needsAction: 1, accepted: 1, declined: 0, tentative: 0, changedAt: CHANGED_AT });
  });

  it('pushes the counts after an invitation and after a removal', () => {
    expect(countsChange(change({ counts: counts() }, { counts: counts({ invited: 5, needsAction: 5 }) }), RECEIVED_AT)).toMatchObject({ invited: 5, needsAction: 5 });
    expect(countsChange(change({ counts: counts({ declined: 1, needsAction: 1 }) }, { counts: counts({ invited: 1, needsAction: 1 }) }), RECEIVED_AT)).toMatchObject({
      invited: 1,
      declined: 0,
    });
  });

  it('pushes nothing when the counts stay as they were: a new title, a cancellation', () => {
    expect(countsChange(change({ counts: counts() }, { counts: counts(), title: 'Renamed', sequence: 1, version: 2 }), RECEIVED_AT)).toBeNull();
    expect(countsChange(change({ counts: counts() }, { counts: counts(), status: 'CANCELLED' }), RECEIVED_AT)).toBeNull();
  });

  it('ignores inserts, removals and items that are not events', () => {
    expect(countsChange(change({}, {}, 'INSERT'), RECEIVED_AT)).toBeNull();
    expect(countsChange(change({}, {}, 'REMOVE'), RECEIVED_AT)).toBeNull();
    const attendee = readStreamRecord(streamRecord('MODIFY', { old: makeAttendee(), new: makeAttendee({ status: 'ACCEPTED' }) }));
    expect(countsChange(attendee, RECEIVED_AT)).toBeNull();
  });

  it('takes a missing counts map or field as 0, as DynamoDB’s ADD does', () => {
    const { counts: _none, ...legacy } = makeEvent();
    const record = readStreamRecord(streamRecord('MODIFY', { old: legacy, new: makeEvent({ counts: { invited: 1, needsAction: 1 } as AttendeeCountsRecord }) }));
    expect(countsChange(record, RECEIVED_AT)).toMatchObject({ invited: 1, needsAction: 1, accepted: 0, declined: 0, tentative: 0 });
  });

  it('uses the arrival time when the record does not say when the change happened', () => {
    const record = { ...change({ counts: counts() }, { counts: counts({ tentative: 1, needsAction: 1 }) }), changedAt: undefined };
    expect(countsChange(record, RECEIVED_AT)!.changedAt).toBe(RECEIVED_AT);
  });

  it('refuses, as permanent, counts that are not integers and a record without both images', () => {
    const bad = change({ counts: counts() }, { counts: { ...counts(), accepted: '1' } as unknown as AttendeeCountsRecord });
    const error = (() => {
      try {
        return countsChange(bad, RECEIVED_AT);
      } catch (e) {
        return e;
      }
    })();
    expect(isPermanent(error)).toBe(true);
    expect((error as Error).message).toMatch(/NewImage: counts\.accepted must be an integer/);
    const keysOnly = { ...change({}, {}), oldImage: undefined };
    expect(() => countsChange(keysOnly, RECEIVED_AT)).toThrow(/both images/);
  });
});
