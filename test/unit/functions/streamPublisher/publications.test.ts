import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { publicationsFor, publishInput, type Publication } from '../../../../functions/streamPublisher/publications';
import { readStreamRecord } from '../../../../functions/lib/stream/streamRecord';
import { makeAttendee, makeEvent, makeNotice, makeOrganizer, ORGANIZER_ID, streamRecord } from '../../../helpers/streamRecords';
import { schemaErrors } from '../../../helpers/topicSchemas';

type Images = Parameters<typeof streamRecord>[1];

function publish(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', images: Images, sequenceNumber?: string): Publication[] {
  const publications = publicationsFor(readStreamRecord(streamRecord(eventName, images, sequenceNumber)));
  for (const p of publications) expect(schemaErrors(p.message), p.message.messageId).toEqual([]);
  return publications;
}

describe('event updates', () => {
  it('publishes EVENT_UPDATED with the changed attendee-visible fields and their previous values', () => {
    const before = makeEvent({ sequence: 2, version: 4 });
    const after = makeEvent({ sequence: 3, version: 5, title: 'Launch party (moved)', location: null, startsAt: '2030-03-02T17:00:00.000Z', updatedAt: '2030-01-05T12:00:00.000Z' });
    const [publication, ...rest] = publish('MODIFY', { old: before, new: after });
    expect(rest).toEqual([]);
    expect(publication.topic).toBe('EVENT_UPDATED');
    expect(publication.attributes).toEqual({ type: 'EVENT_UPDATED', organizerId: ORGANIZER_ID, eventId: 'evt-1' });
    expect(publication.message).toEqual({
      type: 'EVENT_UPDATED',
      schemaVersion: 1,
      messageId: 'EVENT_UPDATED#evt-1#3',
      occurredAt: '2030-01-05T12:00:00.000Z',
      organizerId: ORGANIZER_ID,
      eventId: 'evt-1',
      sequence: 3,
      version: 5,
      event: {
        id: 'evt-1',
        organizerId: ORGANIZER_ID,
        title: 'Launch party (moved)',
        description: 'Drinks and demos.',
        location: null,
        startsAt: '2030-03-02T17:00:00.000Z',
        endsAt: '2030-03-01T20:00:00.000Z',
        timeZone: 'Europe/Paris',
        status: 'ACTIVE',
        sequence: 3,
        version: 5,
        createdAt: '2030-01-01T09:00:00.000Z',
        updatedAt: '2030-01-05T12:00:00.000Z',
        cancelledAt: null,
        cancelReason: null,
      },
      changedFields: ['title', 'location', 'startsAt'],
      previous: { title: 'Launch party', location: 'Paris', startsAt: '2030-03-01T17:00:00.000Z' },
    });
  });

  it('never shows the organizer’s notes, and treats an unset field as null', () => {
    const before = makeEvent({ description: undefined as never, notes: 'private' });
    const after = makeEvent({ description: 'Now described', notes: 'still private', sequence: 1, version: 2 });
    const [{ message }] = publish('MODIFY', { old: before, new: after });
    expect(JSON.stringify(message)).not.toContain('private');
    expect(message).toMatchObject({ changedFields: ['description'], previous: { description: null } });
  });

  it('publishes an update whose SEQUENCE grew with no visible difference, with no changed fields', () => {
    const [{ message }] = publish('MODIFY', { old: makeEvent(), new: makeEvent({ sequence: 1, version: 2 }) });
    expect(message).toMatchObject({ type: 'EVENT_UPDATED', changedFields: [], previous: {} });
  });

  it('publishes nothing for a version-only change (the notes) or a change that keeps the SEQUENCE', () => {
    expect(publish('MODIFY', { old: makeEvent(), new: makeEvent({ notes: 'bring badges', version: 2 }) })).toEqual([]);
    expect(publish('MODIFY', { old: makeEvent({ sequence: 4 }), new: makeEvent({ sequence: 4, version: 9 }) })).toEqual([]);
  });
});

describe('event cancellations', () => {
  it('publishes EVENT_CANCELLATION_REQUEST when an ACTIVE event is cancelled', () => {
    const before = makeEvent({ sequence: 1, version: 2 });
    const after = makeEvent({ status: 'CANCELLED', sequence: 2, version: 3, cancelledAt: '2030-01-06T08:00:00.000Z', cancelReason: 'Venue closed', updatedAt: '2030-01-06T08:00:00.000Z' });
    const [publication, ...rest] = publish('MODIFY', { old: before, new: after });
    expect(rest).toEqual([]);
    expect(publication.topic).toBe('EVENT_CANCELLATION_REQUEST');
    expect(publication.attributes).toEqual({ type: 'EVENT_CANCELLATION_REQUEST', organizerId: ORGANIZER_ID, eventId: 'evt-1' });
    expect(publication.message).toMatchObject({
      type: 'EVENT_CANCELLATION_REQUEST',
      schemaVersion: 1,
      messageId: 'EVENT_CANCELLATION_REQUEST#evt-1#2',
      occurredAt: '2030-01-06T08:00:00.000Z',
      organizerId: ORGANIZER_ID,
      eventId: 'evt-1',
      sequence: 2,
      version: 3,
      cancelReason: 'Venue closed',
      cancelledAt: '2030-01-06T08:00:00.000Z',
      event: { status: 'CANCELLED', cancelReason: 'Venue closed' },
    });
  });

  it('publishes only the cancellation when the same change also edits visible fields, and a null reason when none was given', () => {
    const after = makeEvent({ status: 'CANCELLED', title: 'Renamed', sequence: 1, version: 2, updatedAt: '2030-01-07T00:00:00.000Z' });
    const publications = publish('MODIFY', { old: makeEvent(), new: after });
    expect(publications.map((p) => p.topic)).toEqual(['EVENT_CANCELLATION_REQUEST']);
    expect(publications[0].message).toMatchObject({ cancelReason: null, cancelledAt: '2030-01-07T00:00:00.000Z' });
  });

  it('publishes nothing for changes to an event already cancelled', () => {
    const cancelled = makeEvent({ status: 'CANCELLED', sequence: 1, cancelledAt: '2030-01-06T08:00:00.000Z' });
    expect(publish('MODIFY', { old: cancelled, new: { ...cancelled, sequence: 2, version: 3, title: 'x' } })).toEqual([]);
    expect(publish('MODIFY', { old: cancelled, new: { ...cancelled, status: 'ACTIVE', sequence: 2 } })).toEqual([]);
  });
});

describe('new invitations', () => {
  it('publishes NEW_EVENT_INVITE for an attendee item inserted, with a messageId every retry repeats', () => {
    const attendee = makeAttendee();
    const [publication, ...rest] = publish('INSERT', { new: attendee });
    expect(rest).toEqual([]);
    expect(publication.topic).toBe('NEW_EVENT_INVITE');
    expect(publication.attributes).toEqual({ type: 'NEW_EVENT_INVITE', organizerId: ORGANIZER_ID, eventId: 'evt-1' });
    expect(publication.message).toEqual({
      type: 'NEW_EVENT_INVITE',
      schemaVersion: 1,
      messageId: 'NEW_EVENT_INVITE#evt-1#grace.hopper@example.com#2030-01-02T11:00:00.000Z',
      occurredAt: '2030-01-02T11:00:00.000Z',
      organizerId: ORGANIZER_ID,
      eventId: 'evt-1',
      attendee: { email: 'Grace.Hopper@example.com', name: 'Grace Hopper', source: 'API', invitedAt: '2030-01-02T11:00:00.000Z' },
    });
    // A retried stream record (another sequence number) publishes the same messageId.
    expect(publish('INSERT', { new: attendee }, '9001')[0].message.messageId).toBe(publication.message.messageId);
  });

  it('carries the source and a missing name as null, and tells re-invitations apart by invitedAt', () => {
    const [imported] = publish('INSERT', { new: makeAttendee({ source: 'IMPORT', name: undefined as never }) });
    expect(imported.message).toMatchObject({ attendee: { source: 'IMPORT', name: null } });
    const [emailed] = publish('INSERT', { new: makeAttendee({ source: 'EMAIL', name: null, invitedAt: '2030-01-09T08:00:00.000Z' }) });
    expect(emailed.message).toMatchObject({ occurredAt: '2030-01-09T08:00:00.000Z', attendee: { source: 'EMAIL', name: null } });
    expect(emailed.message.messageId).not.toBe(imported.message.messageId);
  });

  it('publishes nothing when an attendee answers, is delivered to, or is removed', () => {
    const invited = makeAttendee();
    const accepted = makeAttendee({ status: 'ACCEPTED', updatedAt: '2030-01-03T00:00:00.000Z' });
    const sent = makeAttendee({ delivery: { state: 'SENT', attempts: 1, sequence: 0 } });
    expect(publish('MODIFY', { old: invited, new: accepted })).toEqual([]);
    expect(publish('MODIFY', { old: invited, new: sent })).toEqual([]);
    expect(publish('REMOVE', { old: invited })).toEqual([]);
  });
});

describe('organizer notices', () => {
  it('tells the organizer an event was created (INSERT of an event item), in the event’s time zone', () => {
    const [publication, ...rest] = publish('INSERT', { new: makeEvent() });
    expect(rest).toEqual([]);
    expect(publication.topic).toBe('ORGANIZER_NOTICES');
    expect(publication.attributes).toEqual({ type: 'ORGANIZER_NOTICE', organizerId: ORGANIZER_ID, kind: 'EVENT_CREATED' });
    expect(publication.message).toMatchObject({
      type: 'ORGANIZER_NOTICE',
      schemaVersion: 1,
      messageId: 'ORGANIZER_NOTICE#EVENT_CREATED#evt-1',
      occurredAt: '2030-01-01T09:00:00.000Z',
      organizerId: ORGANIZER_ID,
      kind: 'EVENT_CREATED',
      subject: 'Event created: Launch party',
      details: { eventId: 'evt-1', title: 'Launch party', timeZone: 'Europe/Paris', location: 'Paris' },
    });
    const { message } = publication.message as { message: string };
    expect(message).toMatch(/from Friday,? 1 March 2030 at 18:00 to Friday,? 1 March 2030 at 21:00 /);
    expect(message).toContain('(Europe/Paris), at Paris');
  });

  it('tells the organizer a limit is reached when activeEvents goes from below maxActiveEvents to it', () => {
    const before = makeOrganizer({ activeEvents: 2 });
    const after = makeOrganizer({ activeEvents: 3, updatedAt: '2030-01-03T00:00:00.000Z' });
    const [publication, ...rest] = publish('MODIFY', { old: before, new: after }, '4200');
    expect(rest).toEqual([]);
    expect(publication.attributes).toEqual({ type: 'ORGANIZER_NOTICE', organizerId: ORGANIZER_ID, kind: 'LIMIT_REACHED' });
    expect(publication.message).toMatchObject({
      messageId: `ORGANIZER_NOTICE#LIMIT_REACHED#${ORGANIZER_ID}#maxActiveEvents#4200`,
      kind: 'LIMIT_REACHED',
      subject: 'You have reached your limit of 3 active events',
      details: { limit: 'maxActiveEvents', value: 3, current: 3 },
    });
    expect((publication.message as { message: string }).message).toContain('maxActiveEvents 3');
  });

  it('also when an administrator lowers the limit to what is in use, and not again while it stays reached', () => {
    const lowered = publish('MODIFY', { old: makeOrganizer({ activeEvents: 2 }), new: makeOrganizer({ activeEvents: 2, limits: { ...makeOrganizer().limits, maxActiveEvents: 2 } }) });
    expect(lowered.map((p) => p.message)).toMatchObject([{ kind: 'LIMIT_REACHED', details: { value: 2, current: 2 } }]);
    expect(publish('MODIFY', { old: makeOrganizer({ activeEvents: 3 }), new: makeOrganizer({ activeEvents: 3, status: 'SUSPENDED' }) })).toEqual([]);
    expect(publish('MODIFY', { old: makeOrganizer({ activeEvents: 1 }), new: makeOrganizer({ activeEvents: 2 }) })).toEqual([]);
    expect(publish('MODIFY', { old: makeOrganizer({ activeEvents: 3 }), new: makeOrganizer({ activeEvents: 2 }) })).toEqual([]);
  });

  it('publishes a notice item written by a resolver as it is stored', () => {
    const notice = makeNotice();
    const [publication] = publish('INSERT', { new: notice });
    expect(publication.attributes).toEqual({ type: 'ORGANIZER_NOTICE', organizerId: ORGANIZER_ID, kind: 'REQUEST_REFUSED' });
    expect(publication.message).toEqual({
      type: 'ORGANIZER_NOTICE',
      schemaVersion: 1,
      messageId: 'ORGANIZER_NOTICE#notice-1',
      occurredAt: notice.createdAt,
      organizerId: ORGANIZER_ID,
      kind: 'REQUEST_REFUSED',
      subject: notice.subject,
      message: notice.message,
      details: notice.details,
    });
  });
});

describe('what publishes nothing', () => {
  it('skips REMOVEs, organizer inserts, notice changes and every other item', () => {
    expect(publish('REMOVE', { old: makeEvent() })).toEqual([]);
    expect(publish('REMOVE', { old: makeNotice() })).toEqual([]);
    expect(publish('MODIFY', { old: makeNotice(), new: makeNotice({ subject: 'edited' }) })).toEqual([]);
    expect(publish('INSERT', { new: makeOrganizer() })).toEqual([]);
    expect(publish('INSERT', { new: { pk: 'organizer-email#ada@example.com', sk: 'organizer', organizerId: ORGANIZER_ID } })).toEqual([]);
    expect(publish('INSERT', { new: { pk: 'message#x', sk: 'message' } })).toEqual([]);
  });
});

describe('malformed records', () => {
  it('throw a MalformedInputError naming the record and the attribute', () => {
    const bad = (images: Images, eventName: 'INSERT' | 'MODIFY' = 'MODIFY') => () => publicationsFor(readStreamRecord(streamRecord(eventName, images, '77')));
    expect(bad({ old: makeEvent(), new: { ...makeEvent(), sequence: 'three' as never } })).toThrow(MalformedInputError);
    expect(bad({ old: makeEvent(), new: { ...makeEvent(), sequence: 'three' as never } })).toThrow(/stream record 77.*NewImage: sequence must be an integer/);
    expect(bad({ new: { ...makeEvent(), title: undefined as never } }, 'INSERT')).toThrow(/title must be a non-empty string/);
    expect(bad({ new: makeEvent() })).toThrow(/OldImage: the image is missing/);
    expect(bad({ new: makeNotice({ kind: 'SOMETHING' as never }) }, 'INSERT')).toThrow(/kind must be a NoticeKind/);
    expect(bad({ old: makeOrganizer(), new: { ...makeOrganizer(), limits: {} as never } })).toThrow(/limits.maxActiveEvents/);
  });

  it('include an attendee image without what its invitation needs', () => {
    const bad = (attendee: Record<string, unknown>) => () => publicationsFor(readStreamRecord(streamRecord('INSERT', { new: { ...makeAttendee(), ...attendee } }, '78')));
    expect(bad({ organizerId: undefined })).toThrow(MalformedInputError);
    expect(bad({ organizerId: undefined })).toThrow(/INSERT of event#evt-1 \/ attendee#grace.hopper@example.com \(stream record 78\), NewImage: organizerId must be a non-empty string/);
    expect(bad({ invitedAt: '' })).toThrow(/invitedAt must be a non-empty string/);
    expect(bad({ email: 42 })).toThrow(/email must be a non-empty string/);
    expect(bad({ name: ['Grace'] })).toThrow(/name must be a string or null/);
    expect(bad({ source: 'FAX' })).toThrow(/source must be API, IMPORT or EMAIL/);
    const withoutImage = streamRecord('INSERT', { new: makeAttendee() });
    withoutImage.dynamodb!.NewImage = undefined;
    expect(() => publicationsFor(readStreamRecord(withoutImage))).toThrow(/NewImage: the image is missing/);
  });
});

describe('publishInput', () => {
  it('publishes the message as JSON with String attributes, to the topic’s ARN', () => {
    const [publication] = publish('INSERT', { new: makeEvent() });
    const arns = { NEW_EVENT_INVITE: 'arn:i', EVENT_UPDATED: 'arn:u', EVENT_CANCELLATION_REQUEST: 'arn:c', ORGANIZER_NOTICES: 'arn:n' };
    const input = publishInput(publication, arns);
    expect(input.TopicArn).toBe('arn:n');
    expect(JSON.parse(input.Message!)).toEqual(publication.message);
    expect(input.MessageAttributes).toEqual({
      type: { DataType: 'String', StringValue: 'ORGANIZER_NOTICE' },
      organizerId: { DataType: 'String', StringValue: ORGANIZER_ID },
      kind: { DataType: 'String', StringValue: 'EVENT_CREATED' },
    });
  });

  it('sends an invitation to the NEW_EVENT_INVITE topic with the eventId attribute for filter policies', () => {
    const [publication] = publish('INSERT', { new: makeAttendee() });
    const input = publishInput(publication, { NEW_EVENT_INVITE: 'arn:i', EVENT_UPDATED: 'arn:u', EVENT_CANCELLATION_REQUEST: 'arn:c', ORGANIZER_NOTICES: 'arn:n' });
    expect(input.TopicArn).toBe('arn:i');
    expect(input.MessageAttributes).toEqual({
      type: { DataType: 'String', StringValue: 'NEW_EVENT_INVITE' },
      organizerId: { DataType: 'String', StringValue: ORGANIZER_ID },
      eventId: { DataType: 'String', StringValue: 'evt-1' },
    });
  });
});
