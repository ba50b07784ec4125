import { describe, expect, it } from 'vitest';
import { importNotice } from '../../../../functions/importer/importNotice';
import { newSummary, type ImportSummary, type ImportTotals } from '../../../../functions/importer/importSummary';
import { storedNotice } from '../../../../functions/streamPublisher/storedNotice';
import { noticeKey } from '../../../../resolvers/lib/keys';
import { NOTICE_TTL_SECONDS } from '../../../../resolvers/lib/notices';
import { schemaErrors, topicSchema } from '../../../helpers/topicSchemas';

const JOB = { id: 'job-1', eventId: 'evt-1', organizerId: 'org-1', fileName: 'guests.csv' };
const NOW = new Date('2030-01-06T09:00:00.000Z');
const LIMIT_REASON = 'Inviting 100 more would take "Launch" past the most invitations an event may have. Nobody was invited.';

function summary(totals: Partial<ImportTotals>, more: Partial<ImportSummary> = {}): ImportSummary {
  const s = newSummary(',', { unknownColumns: [], unknownColumnCount: 0 }, 1);
  return { ...s, totals: { ...s.totals, ...totals }, done: true, ...more };
}

const completed = summary({ rows: 7, valid: 5, invited: 4, duplicates: 1, invalid: 2, rejected: 0 });
const stopped = summary(
  { rows: 250, valid: 250, invited: 100, notInvited: 150 },
  { stopped: { row: 102, errorType: 'LimitExceeded', reason: LIMIT_REASON, errorInfo: { limit: 'maxInvitationsPerEvent' } } },
);

describe('the notice of an import that completed', () => {
  const notice = importNotice(JOB, { status: 'COMPLETED', summary: completed }, 'Launch', NOW);

  it('says how many were invited, and where every other row went', () => {
    expect(notice.subject).toBe('Import finished: 4 invited to Launch');
    expect(notice.message).toBe('"guests.csv" was imported into "Launch". Of 7 rows: 4 invited, 1 already invited or repeated, 2 invalid, 0 refused (bounced, complained or unsubscribed).');
  });

  it('is an IMPORT_FINISHED notice of the organizer, one per job, kept for the notice TTL', () => {
    expect(notice).toMatchObject({
      ...noticeKey('org-1', '2030-01-06T09:00:00.000Z', 'import-job-1'),
      id: 'import-job-1',
      organizerId: 'org-1',
      kind: 'IMPORT_FINISHED',
      createdAt: '2030-01-06T09:00:00.000Z',
      expiresAt: NOW.getTime() / 1000 + NOTICE_TTL_SECONDS,
    });
    expect(notice.details).toEqual({ eventId: 'evt-1', importId: 'job-1', status: 'COMPLETED', totals: completed.totals, stoppedAtRow: null, failureReason: null });
  });

  it('counts the valid rows the API left out as not invited, when there are any', () => {
    const n = importNotice(JOB, { status: 'COMPLETED', summary: summary({ rows: 3, valid: 3, invited: 2, notInvited: 1 }) }, 'Launch', NOW);
    expect(n.message).toBe('"guests.csv" was imported into "Launch". Of 3 rows: 2 invited, 0 already invited or repeated, 0 invalid, 0 refused (bounced, complained or unsubscribed), 1 not invited.');
  });

  it('calls a file without a name "Your guest list"', () => {
    const n = importNotice({ ...JOB, fileName: null }, { status: 'COMPLETED', summary: completed }, 'Launch', NOW);
    expect(n.message).toMatch(/^Your guest list was imported into "Launch"\./);
  });
});

describe('the notice of an import stopped at a limit', () => {
  const notice = importNotice(JOB, { status: 'COMPLETED', summary: stopped }, 'Launch', NOW);

  it('says where sending stopped and why, in the API’s words', () => {
    expect(notice.subject).toBe('Import stopped at a limit: Launch');
    expect(notice.message).toBe(
      `"guests.csv" was imported into "Launch" up to row 102, where sending stopped: ${LIMIT_REASON} Of 250 rows: 100 invited, 0 already invited or repeated, 0 invalid, 0 refused (bounced, complained or unsubscribed), 150 not invited.`,
    );
  });

  it('is COMPLETED, with the row it stopped at and the reason in the details', () => {
    expect(notice.details).toMatchObject({ status: 'COMPLETED', stoppedAtRow: 102, failureReason: LIMIT_REASON, totals: stopped.totals });
  });
});

describe('the notice of an import that failed', () => {
  const reason = 'The file has no email column: its first row must name the columns (email, required; name, optional).';

  it('gives the reason, and says that nobody was invited when nothing was sent', () => {
    const notice = importNotice(JOB, { status: 'FAILED', reason, summary: null }, 'Launch', NOW);
    expect(notice.subject).toBe('Import failed: Launch');
    expect(notice.message).toBe(`"guests.csv" could not be imported into "Launch": ${reason} Nobody was invited.`);
    expect(notice.details).toEqual({
      eventId: 'evt-1',
      importId: 'job-1',
      status: 'FAILED',
      totals: { rows: 0, valid: 0, invited: 0, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 },
      stoppedAtRow: null,
      failureReason: reason,
    });
  });

  it('says how many were invited before the failure', () => {
    const many = importNotice(JOB, { status: 'FAILED', reason, summary: summary({ rows: 120, valid: 100, invited: 100 }) }, 'Launch', NOW);
    expect(many.message).toMatch(/ Before that, 100 people were invited\.$/);
    const one = importNotice(JOB, { status: 'FAILED', reason, summary: summary({ rows: 1, valid: 1, invited: 1 }) }, 'Launch', NOW);
    expect(one.message).toMatch(/ Before that, 1 person was invited\.$/);
  });

  it('ends a reason without a full stop with one, before the next sentence', () => {
    const notice = importNotice(JOB, { status: 'FAILED', reason: 'not an import checkpoint of version 1', summary: null }, 'Launch', NOW);
    expect(notice.message).toBe('"guests.csv" could not be imported into "Launch": not an import checkpoint of version 1. Nobody was invited.');
    expect(notice.details.failureReason).toBe('not an import checkpoint of version 1');
  });
});

describe('the notice as the organizer notices topic publishes it', () => {
  it('has every key the schema’s IMPORT_FINISHED branch lists, of the types it gives', () => {
    const branch = topicSchema('ORGANIZER_NOTICE').allOf.find((b: { if: { properties: { kind: { const: string } } } }) => b.if.properties.kind.const === 'IMPORT_FINISHED');
    const details = branch.then.properties.details;
    const notice = importNotice(JOB, { status: 'COMPLETED', summary: stopped }, 'Launch', NOW);
    expect(Object.keys(notice.details).sort()).toEqual(Object.keys(details.properties).sort());
    expect(Object.keys(notice.details)).toEqual(expect.arrayContaining(details.required));
  });

  it.each([
    ['completed', { status: 'COMPLETED' as const, summary: completed }],
    ['stopped at a limit', { status: 'COMPLETED' as const, summary: stopped }],
    ['failed before sending', { status: 'FAILED' as const, reason: 'The file is empty.', summary: null }],
    ['failed after sending', { status: 'FAILED' as const, reason: 'A quote is never closed.', summary: stopped }],
  ])('is a valid ORGANIZER_NOTICE message when the import %s', (_, outcome) => {
    const message = storedNotice(importNotice(JOB, outcome, 'Launch', NOW));
    expect(schemaErrors(message)).toEqual([]);
    expect(message).toMatchObject({ messageId: 'ORGANIZER_NOTICE#import-job-1', occurredAt: '2030-01-06T09:00:00.000Z', kind: 'IMPORT_FINISHED' });
  });

  it('would be refused by the schema with a status other than COMPLETED or FAILED (the check bites)', () => {
    const message = storedNotice(importNotice(JOB, { status: 'COMPLETED', summary: completed }, 'Launch', NOW));
    expect(schemaErrors({ ...message, details: { ...message.details, status: 'RUNNING' } })).not.toEqual([]);
  });
});
