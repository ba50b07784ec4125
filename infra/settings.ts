// What a deployer chooses, read from CDK context (cdk.json, or `-c key=value`), with
// defaults that work locally. Validated as a table of rules, apart from the constructs.
import type { Node } from 'constructs';

export interface Settings {
  /** From address of invitations and notices (SES identity). */
  readonly sender: string;
  /** Address attendees' mail clients reply to: iTIP REPLYs land here. */
  readonly rsvpEmail: string;
  /** Address organizers email calendar requests (and CSV attachments) to. */
  readonly requestsEmail: string;
  /** Domain SES receives mail for (RSVP and requests addresses live on it). */
  readonly mailDomain: string;
  /** Limits a newly registered organizer starts with. */
  readonly defaultLimits: {
    readonly maxActiveEvents: number;
    readonly maxInvitationsPerEvent: number;
    readonly maxInvitationsPerDay: number;
  };
  /** Days until the AppSync API key expires (AppSync allows 1..365; CDK's default is 7). */
  readonly apiKeyExpiryDays: number;
  /** Length of an acceptance digest window: organizers on DIGEST get at most one notice per window. */
  readonly acceptanceDigestMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = {
  sender: 'invites@calendar.localhost',
  rsvpEmail: 'rsvp@calendar.localhost',
  requestsEmail: 'requests@calendar.localhost',
  mailDomain: 'calendar.localhost',
  defaultLimits: { maxActiveEvents: 50, maxInvitationsPerEvent: 10_000, maxInvitationsPerDay: 5_000 },
  apiKeyExpiryDays: 365,
  acceptanceDigestMinutes: 60,
};

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

type Rule = { key: string; check: (s: Settings) => boolean; message: string };

const isCount = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;

const RULES: Rule[] = [
  { key: 'sender', check: (s) => EMAIL.test(s.sender), message: 'must be an email address' },
  { key: 'rsvpEmail', check: (s) => EMAIL.test(s.rsvpEmail), message: 'must be an email address' },
  { key: 'mailDomain', check: (s) => DOMAIN.test(s.mailDomain), message: 'must be a domain name' },
  { key: 'requestsEmail', check: (s) => EMAIL.test(s.requestsEmail), message: 'must be an email address' },
  {
    key: 'rsvpEmail',
    check: (s) => s.rsvpEmail.toLowerCase().endsWith(`@${s.mailDomain.toLowerCase()}`),
    message: 'must be an address on mailDomain (SES receives replies only for that domain)',
  },
  {
    key: 'requestsEmail',
    check: (s) => s.requestsEmail.toLowerCase().endsWith(`@${s.mailDomain.toLowerCase()}`),
    message: 'must be an address on mailDomain (SES receives requests only for that domain)',
  },
  { key: 'requestsEmail', check: (s) => s.requestsEmail.toLowerCase() !== s.rsvpEmail.toLowerCase(), message: 'must differ from rsvpEmail' },
  { key: 'maxActiveEvents', check: (s) => isCount(s.defaultLimits.maxActiveEvents, 100_000), message: 'must be an integer from 1 to 100000' },
  { key: 'maxInvitationsPerEvent', check: (s) => isCount(s.defaultLimits.maxInvitationsPerEvent, 1_000_000), message: 'must be an integer from 1 to 1000000' },
  { key: 'maxInvitationsPerDay', check: (s) => isCount(s.defaultLimits.maxInvitationsPerDay, 1_000_000), message: 'must be an integer from 1 to 1000000' },
  { key: 'apiKeyExpiryDays', check: (s) => isCount(s.apiKeyExpiryDays, 365), message: 'must be an integer from 1 to 365 (AppSync API key lifetime)' },
  { key: 'acceptanceDigestMinutes', check: (s) => isCount(s.acceptanceDigestMinutes, 7 * 24 * 60), message: 'must be an integer from 1 to 10080 (a week)' },
];

/** Every rule a settings object breaks, as `key: message` lines. */
export function settingsProblems(settings: Settings): string[] {
  return RULES.filter((rule) => !rule.check(settings)).map((rule) => `${rule.key}: ${rule.message}`);
}

/** Reads settings from context; throws one error that names every bad key. */
export function readSettings(node: Node): Settings {
  const text = (key: string, fallback: string) => String(node.tryGetContext(key) ?? fallback).trim();
  const count = (key: string, fallback: number) => Number(node.tryGetContext(key) ?? fallback);
  const d = DEFAULT_SETTINGS;
  const settings: Settings = {
    sender: text('sender', d.sender),
    rsvpEmail: text('rsvpEmail', d.rsvpEmail),
    requestsEmail: text('requestsEmail', d.requestsEmail),
    mailDomain: text('mailDomain', d.mailDomain),
    defaultLimits: {
      maxActiveEvents: count('maxActiveEvents', d.defaultLimits.maxActiveEvents),
      maxInvitationsPerEvent: count('maxInvitationsPerEvent', d.defaultLimits.maxInvitationsPerEvent),
      maxInvitationsPerDay: count('maxInvitationsPerDay', d.defaultLimits.maxInvitationsPerDay),
    },
    apiKeyExpiryDays: count('apiKeyExpiryDays', d.apiKeyExpiryDays),
    acceptanceDigestMinutes: count('acceptanceDigestMinutes', d.acceptanceDigestMinutes),
  };
  const problems = settingsProblems(settings);
  if (problems.length > 0) {
    throw new Error(`Invalid CDK context settings (set them in cdk.json or with -c key=value):\n  ${problems.join('\n  ')}`);
  }
  return settings;
}
