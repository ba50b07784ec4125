// The table items the publisher reads, checked against the shapes resolvers/lib/records.ts
// declares: an image without what a message needs is malformed (a retry cannot fix it), and
// the error says which attribute is wrong.
import type { AttendeeRecord, EventRecord, NoticeRecord, OrganizerRecord } from '../../resolvers/lib/records';
import { MalformedInputError } from '../lib/errors';
import { isInviteSource } from '../lib/messages/newEventInvite';
import { isNoticeKind } from '../lib/messages/organizerNotice';

type Item = Record<string, unknown>;

const EVENT_STATUSES: readonly unknown[] = ['ACTIVE', 'CANCELLED'] satisfies EventRecord['status'][];

export function asEventRecord(item: Item | undefined, where: string): EventRecord {
  const check = checker(item, where);
  for (const name of ['id', 'organizerId', 'title', 'startsAt', 'endsAt', 'timeZone', 'createdAt', 'updatedAt']) check.text(name);
  for (const name of ['description', 'location', 'cancelledAt', 'cancelReason']) check.optionalText(name);
  check.count('sequence');
  check.count('version');
  check.that('status', EVENT_STATUSES.includes(item?.status), 'ACTIVE or CANCELLED');
  return item as EventRecord;
}

export function asOrganizerRecord(item: Item | undefined, where: string): OrganizerRecord {
  const check = checker(item, where);
  check.text('id');
  check.count('activeEvents');
  const limits = item?.limits as Item | undefined;
  check.that('limits.maxActiveEvents', typeof limits?.maxActiveEvents === 'number' && Number.isInteger(limits.maxActiveEvents), 'an integer');
  return item as OrganizerRecord;
}

export function asNoticeRecord(item: Item | undefined, where: string): NoticeRecord {
  const check = checker(item, where);
  for (const name of ['id', 'organizerId', 'subject', 'message', 'createdAt']) check.text(name);
  check.that('kind', isNoticeKind(item?.kind), 'a NoticeKind');
  const details = item?.details;
  check.that('details', details === undefined || (typeof details === 'object' && details !== null && !Array.isArray(details)), 'a map');
  return item as NoticeRecord;
}

export function asAttendeeRecord(item: Item | undefined, where: string): AttendeeRecord {
  const check = checker(item, where);
  for (const name of ['eventId', 'organizerId', 'email', 'invitedAt']) check.text(name);
  check.optionalText('name');
  check.that('source', isInviteSource(item?.source), 'API, IMPORT or EMAIL');
  return item as AttendeeRecord;
}

function checker(item: Item | undefined, where: string) {
  if (!item) throw new MalformedInputError(`${where}: the image is missing.`);
  const that = (name: string, ok: boolean, expected: string) => {
    if (!ok) throw new MalformedInputError(`${where}: ${name} must be ${expected}.`);
  };
  return {
    that,
    text: (name: string) => that(name, typeof item[name] === 'string' && (item[name] as string).length > 0, 'a non-empty string'),
    optionalText: (name: string) => that(name, item[name] === undefined || item[name] === null || typeof item[name] === 'string', 'a string or null'),
    count: (name: string) => that(name, Number.isInteger(item[name]) && (item[name] as number) >= 0, 'an integer of 0 or more'),
  };
}
