// The organizer's notices of an emailed event request, as the table stores them and the
// organizer notices topic publishes them (checked against the schema's branches).
import { describe, expect, it } from 'vitest';
import type { RequestProgress } from '../../../../functions/requestIngestion/eventRequestClaim';
import { failedNotice, processedNotice } from '../../../../functions/requestIngestion/eventRequestNotice';
import { storedNotice } from '../../../../functions/streamPublisher/storedNotice';
import { noticeKey } from '../../../../resolvers/lib/keys';
import { schemaErrors, topicSchema } from '../../../helpers/topicSchemas';

const PROGRESS: RequestProgress = {
  eventId: 'evt-1',
  title: 'Launch review',
  startsAt: '2030-03-01T08:00:00.000Z',
  createdAt: '2030-01-06T09:00:00.000Z',
  chunksDone: 1,
  invited: 2,
  duplicates: [{ reason: 'already invited', count: 1 }],
  invalid: [{ reason: 'not a mailto: address', count: 1 }],
  rejected: [],
  stopped: null,
};
const NOW = new Date('2030-01-06T10:00:00.000Z');
const branch = (kind: string) => topicSchema('ORGANIZER_NOTICE').allOf.find((b: { if: { properties: { kind: { const: string } } } }) => b.if.properties.kind.const === kind);

describe('EVENT_REQUEST_PROCESSED', () => {
  it('sums up the event created and what inviting did, with counts and reasons but no address', () => {
    const notice = processedNotice('org-1', 'email-request-abc', PROGRESS, 'launch-1@example.org');
    expect(notice).toMatchObject({ ...noticeKey('org-1', PROGRESS.createdAt, 'email-request-abc'), kind: 'EVENT_REQUEST_PROCESSED', subject: 'Event created from your mail: Launch review' });
    expect(notice.message).toBe(
      '"Launch review", starting 2030-03-01T08:00:00.000Z, was created from your mail. Attendees: 2 invited, 1 already invited or listed twice, 1 invalid, 0 refused (bounced, complained or unsubscribed). Not invited: not a mailto: address (1).',
    );
    expect(notice.details).toEqual({
      eventId: 'evt-1',
      title: 'Launch review',
      startsAt: '2030-03-01T08:00:00.000Z',
      uid: 'launch-1@example.org',
      invited: 2,
      duplicates: { count: 1, reasons: [{ reason: 'already invited', count: 1 }] },
      invalid: { count: 1, reasons: [{ reason: 'not a mailto: address', count: 1 }] },
      rejected: { count: 0, reasons: [] },
      stopped: null,
    });
  });

  it('says why inviting stopped', () => {
    const notice = processedNotice('org-1', 'n', { ...PROGRESS, stopped: { errorType: 'LimitExceeded', reason: 'The day’s limit is reached' } }, null);
    expect(notice.message).toMatch(/Inviting stopped: LimitExceeded: The day’s limit is reached\.$/);
  });

  it('is a valid ORGANIZER_NOTICE message with every key of its schema branch', () => {
    const notice = processedNotice('org-1', 'n', PROGRESS, null);
    const details = branch('EVENT_REQUEST_PROCESSED').then.properties.details;
    expect(Object.keys(notice.details).sort()).toEqual(Object.keys(details.properties).sort());
    expect(schemaErrors(storedNotice(notice))).toEqual([]);
    expect(schemaErrors(storedNotice({ ...notice, details: { ...notice.details, invited: -1 } }))).not.toEqual([]);
    expect(schemaErrors(storedNotice({ ...notice, details: { ...notice.details, eventId: undefined } }))).not.toEqual([]);
  });
});

describe('EVENT_REQUEST_FAILED', () => {
  it('says nothing was created, and why', () => {
    const notice = failedNotice('org-1', 'email-request-failed-ses-1', { errorType: 'ValidationError', reason: 'Invalid input: endsAt must be after startsAt' }, { title: 'Launch review', uid: 'u-1' }, NOW);
    expect(notice).toMatchObject({ ...noticeKey('org-1', NOW.toISOString(), 'email-request-failed-ses-1'), kind: 'EVENT_REQUEST_FAILED', subject: 'Event not created from your mail: Launch review' });
    expect(notice.message).toBe('The event "Launch review" you mailed was not created: Invalid input: endsAt must be after startsAt. Nobody was invited.');
    expect(notice.details).toEqual({ errorType: 'ValidationError', reason: 'Invalid input: endsAt must be after startsAt', title: 'Launch review', uid: 'u-1' });
  });

  it('is a valid ORGANIZER_NOTICE message with every key of its schema branch, and the check bites', () => {
    const notice = failedNotice('org-1', 'n', { errorType: 'Unauthorized', reason: 'the organizer is SUSPENDED' }, { title: null, uid: null }, NOW);
    expect(notice.subject).toBe('Event not created from your mail');
    expect(Object.keys(notice.details).sort()).toEqual(Object.keys(branch('EVENT_REQUEST_FAILED').then.properties.details.properties).sort());
    expect(schemaErrors(storedNotice(notice))).toEqual([]);
    expect(schemaErrors(storedNotice({ ...notice, details: { errorType: 'Unauthorized' } }))).not.toEqual([]);
  });
});
