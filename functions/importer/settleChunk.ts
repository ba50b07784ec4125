// The API's answer for a chunk, back on the rows: each address it reports is matched to its
// candidate by attendee key (`normalizeEmail`, as the API keys attendees), so a reason lands
// on the row it is about. A candidate the answer does not mention was not invited.
import { normalizeEmail } from '../../resolvers/lib/keys';
import type { InviteCandidate, InviteOutcome } from './invitePort';
import type { IssueKind, RowIssue } from './importSummary';

export const UNREPORTED_REASON = 'the invite call did not report this address';

export type ChunkSettlement = { invited: number; issues: { kind: IssueKind; issue: RowIssue }[] };

export function settleChunk(chunk: readonly InviteCandidate[], outcome: InviteOutcome): ChunkSettlement {
  const open = new Map(chunk.map((candidate) => [normalizeEmail(candidate.email), candidate]));
  const take = (email: string) => {
    const key = normalizeEmail(email);
    const candidate = open.get(key);
    open.delete(key);
    return candidate;
  };
  let invited = 0;
  const issues: ChunkSettlement['issues'] = [];
  for (const attendee of outcome.invited) if (take(attendee.email)) invited += 1;
  const lists: [IssueKind, InviteOutcome['duplicates']][] = [
    ['duplicates', outcome.duplicates],
    ['invalid', outcome.invalid],
    ['rejected', outcome.rejected],
  ];
  for (const [kind, list] of lists) {
    for (const reported of list) {
      const candidate = take(reported.email);
      if (candidate) issues.push({ kind, issue: { row: candidate.row, email: candidate.email, reason: reported.reason } });
    }
  }
  for (const candidate of open.values()) issues.push({ kind: 'notInvited', issue: { row: candidate.row, email: candidate.email, reason: UNREPORTED_REASON } });
  return { invited, issues };
}
