// What happens to each recipient of an accepted message: SES's mailbox simulator addresses
// behave as documented, addresses on the account-level suppression list are not sent to, and
// every other address counts as delivered (the local runtime sends no mail out).
// Mailbox simulator (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html#send-email-simulator):
// success@ is accepted by the recipient's provider; bounce@ is rejected with "550 5.1.1 user
// unknown" (a hard bounce); ooto@ is delivered and answered with an out-of-the-office reply;
// complaint@ is delivered and then marked as spam (a complaint); suppressionlist@ hard-bounces
// as if the address were on the global suppression list. A label after "+" keeps the
// behaviour (success+label@simulator.amazonses.com). Simulator sends do not touch the
// account's suppression list.
// Suppressed destinations: "Amazon SES accepted the message, but didn't attempt to send it
// because it was on the account-level suppression list" — a Bounce with bounceSubType
// OnAccountSuppressionList, or a Complaint with complaintSubType OnAccountSuppressionList for
// an address suppressed for complaints (event-publishing-retrieving-sns-contents.html).
import type { SuppressionList } from './suppressionList';

export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'delivered-then-complaint' }
  | { kind: 'bounce'; subType: 'General' | 'Suppressed'; diagnosticCode: string }
  | { kind: 'suppressed'; reason: 'BOUNCE' | 'COMPLAINT' };

/** The simulator's answer to bounce@ (notification-examples.html shows the same DSN text). */
export const SIMULATOR_BOUNCE_DIAGNOSTIC = 'smtp; 550 5.1.1 user unknown';
/** Wording not recorded from a real suppressionlist@ bounce. */
export const SIMULATOR_SUPPRESSED_DIAGNOSTIC = 'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.';
/** Wording not recorded from a real answer. */
export const ACCOUNT_SUPPRESSED_DIAGNOSTIC =
  'Amazon SES did not send the message to this address because it is on the suppression list for your account.';

export function isSimulatorAddress(address: string): boolean {
  return bareAddress(address).toLowerCase().endsWith(`@${SIMULATOR_DOMAIN}`);
}

export function recipientOutcome(address: string, suppression: SuppressionList): Outcome {
  const bare = bareAddress(address).toLowerCase();
  if (bare.endsWith(`@${SIMULATOR_DOMAIN}`)) {
    const mailbox = bare.slice(0, bare.indexOf('@')).split('+')[0];
    switch (mailbox) {
      case 'bounce':
        return { kind: 'bounce', subType: 'General', diagnosticCode: SIMULATOR_BOUNCE_DIAGNOSTIC };
      case 'suppressionlist':
        return { kind: 'bounce', subType: 'Suppressed', diagnosticCode: SIMULATOR_SUPPRESSED_DIAGNOSTIC };
      case 'complaint':
        return { kind: 'delivered-then-complaint' };
      default:
        return { kind: 'delivered' };
    }
  }
  const suppressed = suppression.get(bare);
  if (suppressed) return { kind: 'suppressed', reason: suppressed.reason };
  return { kind: 'delivered' };
}

/** `Name <a@b>` -> `a@b`. */
export function bareAddress(address: string): string {
  return (/<([^>]+)>/.exec(address)?.[1] ?? address).trim();
}
