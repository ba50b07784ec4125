import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../../functions/lib/errors';
import { itemKind, readStreamRecord } from '../../../../../functions/lib/stream/streamRecord';
import { attendeeKey, eventKey, noticeKey, organizerEmailKey, organizerKey } from '../../../../../resolvers/lib/keys';
import { makeEvent, streamRecord } from '../../../../helpers/streamRecords';

describe('itemKind', () => {
  it('knows event, attendee, organizer profile and notice items by the keys keys.ts builds, and nothing else', () => {
    expect(itemKind(eventKey('e1'))).toBe('event');
    expect(itemKind(attendeeKey('e1', 'Ada@Example.com'))).toBe('attendee');
    expect(itemKind(organizerKey('o1'))).toBe('organizerProfile');
    expect(itemKind(noticeKey('o1', '2030-01-01T00:00:00.000Z', 'n1'))).toBe('notice');
    expect(itemKind(organizerEmailKey('ada@example.com'))).toBe('other');
    expect(itemKind({ pk: 'organizer#o1', sk: 'attendee#ada@example.com' })).toBe('other');
    expect(itemKind({ pk: 'event#e1', sk: 'invitations#2030-01-01' })).toBe('other');
    expect(itemKind({ pk: 'message#m1', sk: 'message' })).toBe('other');
  });
});

describe('readStreamRecord', () => {
  it('unmarshalls the keys and images and dates the change', () => {
    const event = makeEvent();
    const change = readStreamRecord(streamRecord('INSERT', { new: event }, '12'));
    expect(change).toMatchObject({ eventName: 'INSERT', sequenceNumber: '12', keys: eventKey('evt-1'), kind: 'event', newImage: { title: 'Launch party', sequence: 0 } });
    expect(change.oldImage).toBeUndefined();
    expect(change.changedAt).toBe('2030-01-01T09:00:00.000Z');
  });

  it('refuses a record without a sequence number, an event name or string keys', () => {
    const record = streamRecord('INSERT', { new: makeEvent() });
    expect(() => readStreamRecord({ ...record, eventName: undefined })).toThrow(MalformedInputError);
    expect(() => readStreamRecord({ ...record, dynamodb: { ...record.dynamodb, SequenceNumber: undefined } })).toThrow(/SequenceNumber/);
    expect(() => readStreamRecord({ ...record, dynamodb: { ...record.dynamodb, Keys: { pk: { N: '1' } } } })).toThrow(/pk and sk/);
  });
});
