// The account-level suppression list (SES API v2): addresses SES accepts mail for but does
// not send to, each with its reason (BOUNCE or COMPLAINT) and last update time.
// https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html ;
// https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutSuppressedDestination.html
// Addresses compare without regard to case (mailbox names are case-sensitive in RFC 5321,
// but SES's list is not documented as such; lower case is the safe local choice).
import type { Clock } from '../shared/clock';
import type { SuppressionReason } from './options';

export type SuppressedDestination = { emailAddress: string; reason: SuppressionReason; lastUpdateTime: Date };

export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['BOUNCE', 'COMPLAINT'];

export class SuppressionList {
  private readonly entries = new Map<string, SuppressedDestination>();

  constructor(private readonly clock: Clock) {}

  put(emailAddress: string, reason: SuppressionReason): void {
    this.entries.set(emailAddress.toLowerCase(), { emailAddress, reason, lastUpdateTime: new Date(this.clock.now()) });
  }

  get(emailAddress: string): SuppressedDestination | undefined {
    return this.entries.get(emailAddress.toLowerCase());
  }

  /** Whether it was on the list. */
  delete(emailAddress: string): boolean {
    return this.entries.delete(emailAddress.toLowerCase());
  }

  /** Newest first, filtered by reasons and by the last update time range (both ends inclusive). */
  list(filter: { reasons?: SuppressionReason[]; startDate?: Date; endDate?: Date } = {}): SuppressedDestination[] {
    return [...this.entries.values()]
      .filter((e) => !filter.reasons?.length || filter.reasons.includes(e.reason))
      .filter((e) => !filter.startDate || e.lastUpdateTime >= filter.startDate)
      .filter((e) => !filter.endDate || e.lastUpdateTime <= filter.endDate)
      .sort((a, b) => b.lastUpdateTime.getTime() - a.lastUpdateTime.getTime());
  }
}
