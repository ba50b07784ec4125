// Verified identities (addresses and domains) and their notification topics.
// A sender must be verified: the address itself or its domain
// (https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html); in the
// sandbox recipients must be too, except the mailbox simulator
// (https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html).
// Locally, VerifyEmailIdentity / VerifyDomainIdentity verify at once (SES mails a link or
// waits for DNS). Notification topics: SetIdentityNotificationTopic; an address's setting
// wins over its domain's (https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity-using-notifications-sns.html).
import { randomBytes } from 'node:crypto';
import type { IdentityNotificationTopics } from './options';
import { bareAddress } from './recipientOutcome';

export type NotificationType = keyof IdentityNotificationTopics;

export class Identities {
  private readonly verified = new Map<string, { type: 'EmailAddress' | 'Domain'; token?: string }>();
  private readonly topics = new Map<string, IdentityNotificationTopics>();

  private readonly defaultSets = new Map<string, string>();

  /** @param defaultConfigurationSets each identity's default configuration set, by identity */
  constructor(identities: string[], topics: Record<string, IdentityNotificationTopics> = {}, defaultConfigurationSets: Record<string, string> = {}) {
    for (const identity of identities) this.verify(identity);
    for (const [identity, t] of Object.entries(topics)) this.topics.set(identity.toLowerCase(), { ...t });
    for (const [identity, set] of Object.entries(defaultConfigurationSets)) this.defaultSets.set(identity.toLowerCase(), set);
  }

  /**
   * The configuration set a send from `address` gets when the request names none: its
   * identity's default ("any configuration set defined in the email sending request takes
   * precedence": CreateEmailIdentity, SES API v2; managing-configuration-sets.html).
   */
  defaultConfigurationSetOf(address: string): string | undefined {
    const identity = this.identityOf(address);
    return identity ? this.defaultSets.get(identity) : undefined;
  }

  /** Verifies an address or a domain; a domain gets a verification token (VerifyDomainIdentity's answer). */
  verify(identity: string): string | undefined {
    const key = identity.toLowerCase();
    const type = identity.includes('@') ? 'EmailAddress' : 'Domain';
    const existing = this.verified.get(key);
    const token = existing?.token ?? (type === 'Domain' ? randomBytes(32).toString('base64') : undefined);
    this.verified.set(key, { type, token });
    return token;
  }

  delete(identity: string): void {
    this.verified.delete(identity.toLowerCase());
  }

  list(type?: 'EmailAddress' | 'Domain'): string[] {
    return [...this.verified].filter(([, v]) => !type || v.type === type).map(([k]) => k);
  }

  status(identity: string): { verified: boolean; token?: string } {
    const entry = this.verified.get(identity.toLowerCase());
    return { verified: entry !== undefined, token: entry?.token };
  }

  /** The identity an address sends under: itself if verified, else its domain if verified. */
  identityOf(address: string): string | undefined {
    const bare = bareAddress(address).toLowerCase();
    if (this.verified.has(bare)) return bare;
    const domain = bare.slice(bare.lastIndexOf('@') + 1);
    return this.verified.has(domain) ? domain : undefined;
  }

  setNotificationTopic(identity: string, type: NotificationType, topicArn: string | undefined): void {
    const key = identity.toLowerCase();
    const current = { ...this.topics.get(key) };
    if (topicArn) current[type] = topicArn;
    else delete current[type];
    this.topics.set(key, current);
  }

  /** The topic for a sender's notifications of one type: the address's, else its domain's. */
  notificationTopic(address: string, type: NotificationType): string | undefined {
    const bare = bareAddress(address).toLowerCase();
    const domain = bare.slice(bare.lastIndexOf('@') + 1);
    return this.topics.get(bare)?.[type] ?? this.topics.get(domain)?.[type];
  }
}
