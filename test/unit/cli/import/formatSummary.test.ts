import { describe, expect, it } from 'vitest';
import { formatSummary, issueLines } from '../../../../cli/import/formatSummary';
import type { ImportIssueView } from '../../../../cli/import/importOperations';
import { makeImportJob } from '../../../helpers/importJob';

describe('import summary', () => {
  it('gives the outcome, the totals, the ignored columns and the issues with their rows', () => {
    const job = makeImportJob({
      status: 'COMPLETED',
      totals: { rows: 5, valid: 3, invited: 3, duplicates: 1, invalid: 1, rejected: 0, notInvited: 0 },
      unknownColumns: ['E-mail address', 'Team'],
      issues: [
        { kind: 'INVALID', row: 4, email: 'not-an-address', reason: 'not an email address (local@domain)', firstRow: null },
        { kind: 'DUPLICATE', row: 6, email: 'ADA@example.com', reason: 'repeats row 2', firstRow: 2 },
      ],
    });
    expect(formatSummary(job)).toBe(
      [
        'Import completed: 3 of 5 rows invited.',
        '  job job-1 of event event-1, file guests.csv',
        '',
        '  rows         5',
        '  valid        3',
        '  invited      3',
        '  duplicates   1',
        '  invalid      1',
        '  rejected     0',
        '  not invited  0',
        '',
        'Ignored columns: E-mail address, Team',
        '',
        'Issues:',
        '  row 4  INVALID    not-an-address: not an email address (local@domain)',
        '  row 6  DUPLICATE  ADA@example.com: repeats row 2',
        '',
      ].join('\n'),
    );
  });

  it('says where a limit stopped the invitations, and why', () => {
    const job = makeImportJob({
      status: 'COMPLETED',
      stoppedAtRow: 102,
      failureReason: 'maxInvitationsPerEvent (150) reached',
      totals: { rows: 250, valid: 250, invited: 100, duplicates: 0, invalid: 0, rejected: 0, notInvited: 150 },
    });
    const text = formatSummary(job);
    expect(text).toMatch(/^Import stopped at row 102: 100 of 250 rows invited, 150 not invited\.\n  Reason: maxInvitationsPerEvent \(150\) reached\n/);
    expect(text).not.toContain('Issues');
  });

  it('leads with the failure reason of a failed import', () => {
    const text = formatSummary(makeImportJob({ status: 'FAILED', failureReason: 'the header has no email column', fileName: null }));
    expect(text.split('\n').slice(0, 2)).toEqual(['Import failed: the header has no email column', '  job job-1 of event event-1']);
  });

  it('lists the first issues in row order and says how many there are', () => {
    const issues: ImportIssueView[] = [
      ...Array.from({ length: 8 }, (_, i) => ({ kind: 'INVALID' as const, row: 100 + i, email: `bad${i}`, reason: 'not an email address', firstRow: null })),
      ...Array.from({ length: 6 }, (_, i) => ({ kind: 'DUPLICATE' as const, row: 3 + i, email: `a${i}@example.com`, reason: 'repeats row 2', firstRow: 2 })),
    ];
    const lines = issueLines(issues);
    expect(lines[0]).toBe('Issues (first 10 of 14):');
    expect(lines.slice(1).map((l) => Number(/row +(\d+)/.exec(l)![1]))).toEqual([3, 4, 5, 6, 7, 8, 100, 101, 102, 103]);
    expect(lines[1]).toBe('  row   3  DUPLICATE  a0@example.com: repeats row 2');
  });

  it('marks an issue without an address', () => {
    expect(issueLines([{ kind: 'INVALID', row: 9, email: '', reason: 'no address in the email column', firstRow: null }])[1]).toBe(
      '  row 9  INVALID  (no address): no address in the email column',
    );
  });
});
