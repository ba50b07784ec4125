import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { ISSUES_KEPT, ISSUE_TEXT_MAX, checkCheckpoint, countIssue, newSummary } from '../../../../functions/importer/importSummary';
import { MalformedInputError } from '../../../../functions/lib/errors';

const fresh = () => newSummary(',', { unknownColumns: ['Company'], unknownColumnCount: 1 }, 1);

describe('the import summary', () => {
  it('counts every issue and keeps the lowest rows of each kind, in row order', () => {
    const summary = fresh();
    for (let row = 40; row >= 2; row -= 1) countIssue(summary, 'invalid', { row, email: `x${row}`, reason: 'no email address' });
    expect(summary.totals.invalid).toBe(39);
    expect(summary.issues.invalid.map((i) => i.row)).toEqual(Array.from({ length: ISSUES_KEPT }, (_, i) => i + 2));
  });

  it('keeps issue text short and on one line', () => {
    const summary = fresh();
    countIssue(summary, 'invalid', { row: 2, email: `a\nb${'x'.repeat(1_000)}`, reason: 'r' });
    const [issue] = summary.issues.invalid;
    expect(issue.email).toHaveLength(ISSUE_TEXT_MAX);
    expect(issue.email.startsWith('a b')).toBe(true);
    expect(issue.email.endsWith('…')).toBe(true);
  });

  it('is plain data a DynamoDB item can hold: JSON round trip, marshalled without options, well under 400 KB full', () => {
    const summary = fresh();
    for (const kind of ['invalid', 'duplicates', 'rejected', 'notInvited'] as const) {
      for (let row = 2; row < 2 + ISSUES_KEPT; row += 1) countIssue(summary, kind, { row, email: 'e'.repeat(400), reason: 'r'.repeat(400), firstRow: kind === 'duplicates' ? 1 : undefined });
    }
    summary.stopped = { row: 2, errorType: 'LimitExceeded', reason: 'x'.repeat(300), errorInfo: { limit: 'maxInvitationsPerDay' } };
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(() => marshall(summary)).not.toThrow();
    expect(JSON.stringify(summary).length).toBeLessThan(64 * 1024);
  });

  it('takes back a checkpoint it wrote, and refuses anything else', () => {
    const summary = fresh();
    expect(checkCheckpoint(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
    expect(() => checkCheckpoint({ ...summary, version: 2 })).toThrow(MalformedInputError);
    expect(() => checkCheckpoint({ lastRow: 10 })).toThrow(MalformedInputError);
    expect(() => checkCheckpoint(null)).toThrow(MalformedInputError);
  });
});
