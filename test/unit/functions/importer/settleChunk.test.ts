import { describe, expect, it } from 'vitest';
import { UNREPORTED_REASON, settleChunk } from '../../../../functions/importer/settleChunk';

const CHUNK = [
  { email: 'ada@example.com', name: 'Ada', row: 2 },
  { email: 'Bob@example.com', name: null, row: 5 },
  { email: 'cy@example.com', name: null, row: 6 },
  { email: 'di@example.com', name: null, row: 9 },
];

describe('putting the API’s answer back on the rows', () => {
  it('counts the invited and gives each reported address its row and reason', () => {
    const settled = settleChunk(CHUNK, {
      invited: [{ email: 'ada@example.com' }],
      duplicates: [{ email: 'Bob@example.com', reason: 'already invited to this event' }],
      invalid: [{ email: 'cy@example.com', reason: 'not an email address (local@domain)' }],
      rejected: [{ email: 'di@example.com', reason: 'mail to this address bounced: it is suppressed' }],
    });
    expect(settled).toEqual({
      invited: 1,
      issues: [
        { kind: 'duplicates', issue: { row: 5, email: 'Bob@example.com', reason: 'already invited to this event' } },
        { kind: 'invalid', issue: { row: 6, email: 'cy@example.com', reason: 'not an email address (local@domain)' } },
        { kind: 'rejected', issue: { row: 9, email: 'di@example.com', reason: 'mail to this address bounced: it is suppressed' } },
      ],
    });
  });

  it('matches addresses by attendee key, whatever their case', () => {
    const settled = settleChunk(CHUNK.slice(0, 2), { invited: [{ email: 'ADA@example.com' }, { email: 'bob@example.com' }], duplicates: [], invalid: [], rejected: [] });
    expect(settled).toEqual({ invited: 2, issues: [] });
  });

  it('counts an address the answer leaves out as not invited, and ignores addresses it did not send', () => {
    const settled = settleChunk(CHUNK.slice(0, 2), { invited: [{ email: 'ada@example.com' }, { email: 'zed@example.com' }, { email: 'ada@example.com' }], duplicates: [], invalid: [], rejected: [] });
    expect(settled).toEqual({ invited: 1, issues: [{ kind: 'notInvited', issue: { row: 5, email: 'Bob@example.com', reason: UNREPORTED_REASON } }] });
  });
});
