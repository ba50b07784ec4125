// SES outbound semantics, for both APIs: a send is checked (recipients, size, configuration
// set, verified sender, sandbox, quotas), accepted into the outbox with an SES message id,
// and then its events are published: Send; Delivery, Bounce or Complaint per recipient
// (recipientOutcome.ts) to the configuration set's SNS event destinations whose
// MatchingEventTypes include them, and Bounce, Complaint and Delivery identity notifications
// to the sender identity's topics. Publishing goes through LocalServices (the local SNS) after
// the call has answered, as SES publishes asynchronously.
// https://docs.aws.amazon.com/ses/latest/dg/send-email-api.html ;
// https://docs.aws.amazon.com/ses/latest/dg/monitor-using-event-publishing.html
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock';
import type { TopicTarget } from '../shared/localServices';
import type { Logger } from '../shared/logger';
import { SesError } from './errors';
import { addresses, domainOf, eventRecord, identityNotification, type SesEvent, type SesMail } from './events';
import type { Identities, NotificationType } from './identities';
import { composeSimple, type SimpleMessage, type TextContent } from './mimeCompose';
import { decodeWords } from './mimeDecode';
import { headerOf, parseHeaderBlock, splitEntity } from './mimeTree';
import type { ConfigurationSetConfig, SesEventType } from './options';
import type { Outbox, OutboxEntry, RecipientOutcome } from './outbox';
import { ACCOUNT_SUPPRESSED_DIAGNOSTIC, bareAddress, isSimulatorAddress, recipientOutcome, type Outcome } from './recipientOutcome';
import type { SendQuota } from './sendQuota';
import type { SuppressionList } from './suppressionList';
import { renderTemplate, type TemplateStore } from './templates';

/** "You can send messages to up to 50 recipients" per call (quotas.html); SES answers "Recipient count exceeds 50." */
export const MAX_RECIPIENTS = 50;
/** "The maximum message size (including attachments) is 40 MB" (quotas.html). */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
/** The Delivery event's SMTP answer and reporting MTA (shapes of event-publishing-retrieving-sns-examples.html; values local). */
export const LOCAL_SMTP_RESPONSE = '250 2.6.0 Message received';
export const LOCAL_REPORTING_MTA = 'local.smtp-out.amazonses.com';
export const LOCAL_OUTGOING_IP = '127.0.0.1';

export type Caller = { identity: string; sourceIp: string };

export type SesSendingOptions = {
  region: string;
  accountId: string;
  clock: Clock;
  logger: Logger;
  topics: TopicTarget;
  outbox: Outbox;
  quota: SendQuota;
  suppression: SuppressionList;
  identities: Identities;
  templates: TemplateStore;
  configurationSets: Map<string, ConfigurationSetConfig>;
  sandbox: boolean;
  requireVerifiedSender: boolean;
};

type Tag = { name: string; value: string };

type Common = { api: string; configurationSetName?: string; tags?: Tag[] };

export type SimpleSend = Common & {
  from: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  subject?: TextContent;
  text?: TextContent;
  html?: TextContent;
  headers?: SimpleMessage['headers'];
  attachments?: SimpleMessage['attachments'];
};

export type RawSend = Common & { source?: string; destinations?: string[]; raw: Buffer };

export type TemplatedSend = Omit<SimpleSend, 'subject' | 'text' | 'html'> & {
  template: { name?: string; content?: { subject?: string; text?: string; html?: string } };
  templateData?: string;
};

export class SesSending {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: SesSendingOptions) {}

  /** SendEmail (v1) and Simple content (v2): SES composes the MIME message. */
  async sendSimple(input: SimpleSend, caller: Caller): Promise<string> {
    const messageId = this.newMessageId();
    const to = input.to ?? [];
    const cc = input.cc ?? [];
    const raw = await composeSimple({
      from: input.from,
      to,
      cc,
      replyTo: input.replyTo ?? [],
      subject: input.subject,
      text: input.text,
      html: input.html,
      headers: input.headers,
      attachments: input.attachments,
      messageId,
      region: this.options.region,
      date: new Date(this.options.clock.now()),
    });
    return this.accept(
      { ...input, source: input.from, destinations: [...to, ...cc, ...(input.bcc ?? [])], raw },
      caller,
      messageId,
      true,
    );
  }

  /** SendTemplatedEmail (v1) and Template content (v2). */
  async sendTemplated(input: TemplatedSend, caller: Caller): Promise<string> {
    const template = input.template.content ?? this.options.templates.get(input.template.name ?? '');
    const rendered = renderTemplate({ subject: template.subject ?? '', text: template.text, html: template.html }, input.templateData);
    return this.sendSimple(
      {
        ...input,
        subject: { data: rendered.subject },
        text: rendered.text === undefined ? undefined : { data: rendered.text },
        html: rendered.html === undefined ? undefined : { data: rendered.html },
      },
      caller,
    );
  }

  /** SendRawEmail (v1) and Raw content (v2): the bytes are kept as they are. */
  async sendRaw(input: RawSend, caller: Caller): Promise<string> {
    return this.accept(input, caller, this.newMessageId(), false);
  }

  /** Resolves once every event publication started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * SES message ids: 16 hex digits (a prefix and the time), a UUID, and `-000000`, e.g.
   * 0108017f71202927-4718d6c3-8547-4f89-a995-fa9a5d16749c-000000
   * (https://github.com/jdavidbakr/mail-tracker/issues/163).
   */
  newMessageId(): string {
    return `0100${this.options.clock.now().toString(16).padStart(12, '0')}-${randomUUID()}-000000`;
  }

  private async accept(input: RawSend, caller: Caller, messageId: string, composed: boolean): Promise<string> {
    const { headerBlock } = splitEntity(input.raw.subarray(0, 256 * 1024).toString('latin1'));
    const headers = parseHeaderBlock(headerBlock);
    const fromHeader = headerOf(headers, 'from');
    const source = input.source ?? (fromHeader ? addresses(fromHeader)[0] : undefined);
    // Wordings below not recorded from real answers.
    if (!source) throw new SesError('InvalidParameterValue', "Missing required header 'From'.");
    const destinations = input.destinations?.length ? input.destinations : headerRecipients(headers);
    if (destinations.length === 0) throw new SesError('InvalidParameterValue', 'Missing required header \'To\'.');
    if (destinations.length > MAX_RECIPIENTS) throw new SesError('InvalidParameterValue', `Recipient count exceeds ${MAX_RECIPIENTS}.`);
    if (input.raw.length > MAX_MESSAGE_BYTES) {
      throw new SesError('MessageRejected', `Message length is more than ${MAX_MESSAGE_BYTES} bytes long: '${input.raw.length}'.`);
    }
    const configurationSet = this.configurationSet(input.configurationSetName ?? this.options.identities.defaultConfigurationSetOf(source));
    const identity = this.checkIdentities(source, destinations);
    this.options.quota.consume(destinations.length);

    const now = this.options.clock.now();
    const outcomes = destinations.map((address) => [address, recipientOutcome(address, this.options.suppression)] as const);
    const tags = Object.fromEntries((input.tags ?? []).map((t) => [t.name, t.value]));
    const entry: OutboxEntry = {
      messageId,
      timestamp: new Date(now).toISOString(),
      api: input.api,
      source,
      destinations,
      configurationSetName: configurationSet?.name,
      tags,
      from: fromHeader ? decodeWords(fromHeader) : source,
      to: headerOf(headers, 'to') ? addresses(headerOf(headers, 'to')!) : [],
      subject: decodeWords(headerOf(headers, 'subject') ?? ''),
      size: input.raw.length,
      recipients: outcomes.map(([address, outcome]) => ({ address, outcome: outcomeName(outcome) })),
    };
    await this.options.outbox.add(entry, input.raw);
    this.options.logger.info(`accepted ${messageId} from ${source} to ${destinations.join(', ')} (${input.api})`);

    const mail: SesMail = {
      timestamp: entry.timestamp,
      messageId,
      source,
      sourceArn: `arn:aws:ses:${this.options.region}:${this.options.accountId}:identity/${identity ?? domainOf(source)}`,
      sourceIp: caller.sourceIp,
      sendingAccountId: this.options.accountId,
      callerIdentity: caller.identity,
      destination: destinations,
      headers,
      commonMessageId: composed ? messageId : undefined,
      configurationSetName: configurationSet?.name,
      tags,
    };
    // SES answers first and publishes afterwards.
    const publishing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.publishEvents(mail, configurationSet, outcomes));
    this.pending.add(publishing);
    void publishing.finally(() => this.pending.delete(publishing));
    return messageId;
  }

  private configurationSet(name: string | undefined): ConfigurationSetConfig | undefined {
    if (!name) return undefined;
    const set = this.options.configurationSets.get(name);
    // SES's text, from memory of real answers (not recorded).
    if (!set) throw new SesError('ConfigurationSetDoesNotExist', `Configuration set <${name}> does not exist.`);
    return set;
  }

  /**
   * "Email address is not verified. The following identities failed the check in region
   * US-EAST-1: alice@example.com, paul@example.com" (a real v1 ErrorResponse:
   * https://github.com/django-ses/django-ses/issues/120). Returns the sender's identity.
   */
  private checkIdentities(source: string, destinations: string[]): string | undefined {
    const identity = this.options.identities.identityOf(source);
    const failed: string[] = [];
    if (!identity && (this.options.requireVerifiedSender || this.options.sandbox)) failed.push(bareAddress(source));
    if (this.options.sandbox) {
      for (const d of destinations) if (!isSimulatorAddress(d) && !this.options.identities.identityOf(d)) failed.push(bareAddress(d));
    }
    if (failed.length > 0) {
      throw new SesError(
        'MessageRejected',
        `Email address is not verified. The following identities failed the check in region ${this.options.region.toUpperCase()}: ${failed.join(', ')}`,
      );
    }
    return identity;
  }

  private async publishEvents(mail: SesMail, set: ConfigurationSetConfig | undefined, outcomes: readonly (readonly [string, Outcome])[]): Promise<void> {
    const now = () => new Date(this.options.clock.now()).toISOString();
    const publications: Promise<unknown>[] = [];
    const emit = (event: SesEvent) => {
      for (const destination of set?.eventDestinations ?? []) {
        if (!destination.enabled || !destination.snsTopicArn || !destination.matchingEventTypes.includes(event.type.toUpperCase() as SesEventType)) continue;
        publications.push(this.publish(destination.snsTopicArn, eventRecord(mail, event, LOCAL_OUTGOING_IP), `${event.type} event of ${mail.messageId}`));
      }
      if (event.type === 'Send') return;
      const topic = this.options.identities.notificationTopic(mail.source, event.type as NotificationType);
      if (topic) publications.push(this.publish(topic, identityNotification(mail, event), `${event.type} notification of ${mail.messageId}`));
    };
    emit({ type: 'Send' });
    const feedbackId = () => `${this.newMessageId().slice(0, 16)}-${randomUUID()}-000000`;
    for (const [address, outcome] of outcomes) {
      const delivered = (): SesEvent => ({
        type: 'Delivery',
        delivery: {
          timestamp: now(),
          processingTimeMillis: Math.max(0, this.options.clock.now() - Date.parse(mail.timestamp)),
          recipients: [address],
          smtpResponse: LOCAL_SMTP_RESPONSE,
          reportingMTA: LOCAL_REPORTING_MTA,
        },
      });
      switch (outcome.kind) {
        case 'delivered':
          emit(delivered());
          break;
        case 'delivered-then-complaint':
          emit(delivered());
          emit({
            type: 'Complaint',
            complaint: {
              complainedRecipients: [{ emailAddress: bareAddress(address) }],
              timestamp: now(),
              feedbackId: feedbackId(),
              complaintSubType: null,
              userAgent: 'Amazon SES Mailbox Simulator',
              complaintFeedbackType: 'abuse',
              arrivalDate: now(),
            },
          });
          break;
        case 'bounce':
          emit({
            type: 'Bounce',
            bounce: {
              bounceType: 'Permanent',
              bounceSubType: outcome.subType,
              bouncedRecipients: [{ emailAddress: bareAddress(address), action: 'failed', status: '5.1.1', diagnosticCode: outcome.diagnosticCode }],
              timestamp: now(),
              feedbackId: feedbackId(),
              reportingMTA: 'dsn; local.smtp-out.amazonses.com',
            },
          });
          break;
        case 'suppressed':
          if (outcome.reason === 'COMPLAINT') {
            emit({
              type: 'Complaint',
              complaint: { complainedRecipients: [{ emailAddress: bareAddress(address) }], timestamp: now(), feedbackId: feedbackId(), complaintSubType: 'OnAccountSuppressionList' },
            });
          } else {
            emit({
              type: 'Bounce',
              bounce: {
                bounceType: 'Permanent',
                bounceSubType: 'OnAccountSuppressionList',
                bouncedRecipients: [{ emailAddress: bareAddress(address), action: 'failed', status: '5.1.1', diagnosticCode: ACCOUNT_SUPPRESSED_DIAGNOSTIC }],
                timestamp: now(),
                feedbackId: feedbackId(),
                reportingMTA: 'dns; amazonses.com',
              },
            });
          }
          break;
      }
    }
    await Promise.allSettled(publications);
  }

  private async publish(topicArn: string, record: Record<string, unknown>, what: string): Promise<void> {
    try {
      await this.options.topics.publishToTopic(topicArn, { message: JSON.stringify(record) });
      this.options.logger.debug(`published ${what} to ${topicArn}`);
    } catch (error) {
      this.options.logger.warn(`could not publish ${what} to ${topicArn}: ${(error as Error).message}`);
    }
  }
}

function headerRecipients(headers: ReturnType<typeof parseHeaderBlock>): string[] {
  return ['to', 'cc', 'bcc'].flatMap((name) => {
    const value = headerOf(headers, name);
    return value ? addresses(value).map(bareAddress) : [];
  });
}

function outcomeName(outcome: Outcome): RecipientOutcome {
  switch (outcome.kind) {
    case 'delivered':
      return 'delivered';
    case 'delivered-then-complaint':
      return 'complained';
    case 'bounce':
      return 'bounced';
    case 'suppressed':
      return 'suppressed';
  }
}
