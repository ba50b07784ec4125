// Factories for the table's items and the DynamoDB stream records Lambda hands the publisher
// (images marshalled as the stream carries them).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { attendeeKey, eventKey, noticeKey, organizerKey, TABLE_KEY } from '../../resolvers/lib/keys';
import type { AttendeeRecord, EventRecord, NoticeRecord, OrganizerRecord } from '../../resolvers/lib/records';

export const ORGANIZER_ID = 'org-1';

export function makeEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  const id = overrides.id ?? 'evt-1';
  return {
    ...eventKey(id),
    id,
    organizerId: ORGANIZER_ID,
    title: 'Launch party',
    description: 'Drinks and demos.',
    location: 'Paris',
    startsAt: '2030-03-01T17:00:00.000Z',
    endsAt: '2030-03-01T20:00:00.000Z',
    timeZone: 'Europe/Paris',
    status: 'ACTIVE',
    notes: null,
    sequence: 0,
    version: 1,
    createdAt: '2030-01-01T09:00:00.000Z',
    updatedAt: '2030-01-01T09:00:00.000Z',
    counts: { invited: 0, needsAction: 0, accepted: 0, declined: 0, tentative: 0 },
    ...overrides,
  };
}

export function makeOrganizer(overrides: Partial<OrganizerRecord> = {}): OrganizerRecord {
  const id = overrides.id ?? ORGANIZER_ID;
  return {
    ...organizerKey(id),
    id,
    email: 'ada@example.com',
    status: 'ACTIVE',
    limits: { maxActiveEvents: 3, maxInvitationsPerEvent: 100, maxInvitationsPerDay: 100 },
    activeEvents: 0,
    stats: { eventsCreated: 0, invitationsSent: 0 },
    createdAt: '2030-01-01T08:00:00.000Z',
    updatedAt: '2030-01-01T08:00:00.000Z',
    ...overrides,
  };
}

export function makeNotice(overrides: Partial<NoticeRecord> = {}): NoticeRecord {
  const id = overrides.id ?? 'notice-1';
  const createdAt = overrides.createdAt ?? '2030-01-02T10:00:00.000Z';
  return {
    ...noticeKey(overrides.organizerId ?? ORGANIZER_ID, createdAt, id),
    id,
    organizerId: ORGANIZER_ID,
    kind: 'REQUEST_REFUSED',
    subject: 'Your request to create an event was refused',
    message: 'Your request to create an event was refused: your account is suspended.',
    details: { operation: 'createEvent', errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' }, eventId: null },
    createdAt,
    expiresAt: 1_900_000_000,
    ...overrides,
  };
}

/** An attendee of makeEvent()'s event as inviteAttendees inserts it (keys follow eventId and email). */
export function makeAttendee(overrides: Partial<AttendeeRecord> = {}): AttendeeRecord {
  const eventId = overrides.eventId ?? 'evt-1';
  const email = overrides.email ?? 'Grace.Hopper@example.com';
  const invitedAt = overrides.invitedAt ?? '2030-01-02T11:00:00.000Z';
  return {
    ...attendeeKey(eventId, email),
    eventId,
    organizerId: ORGANIZER_ID,
    email,
    name: 'Grace Hopper',
    status: 'NEEDS_ACTION',
    delivery: { state: 'QUEUED', attempts: 0 },
    source: 'API',
    invitedAt,
    updatedAt: invitedAt,
    ...overrides,
  };
}

let sequence = 100_000_000_000_000_000_000n;

type Item = { pk: string; sk: string } & Record<string, unknown>;

/** A stream record as Lambda delivers it (NEW_AND_OLD_IMAGES). */
export function streamRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', images: { old?: Item; new?: Item }, sequenceNumber = String((sequence += 1n))): DynamoDBRecord {
  const item = images.new ?? images.old!;
  const image = (value: Item | undefined) => (value ? (marshall(value, { removeUndefinedValues: true }) as Record<string, AttributeValue>) : undefined);
  return {
    eventID: `id-${sequenceNumber}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_893_488_400,
      Keys: marshall({ [TABLE_KEY.partitionKey]: item.pk, [TABLE_KEY.sortKey]: item.sk }) as never,
      OldImage: image(images.old) as never,
      NewImage: image(images.new) as never,
      SequenceNumber: sequenceNumber,
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2030-01-01T00:00:00.000',
  };
}
