// SES inbound played locally: an SMTP server on loopback that takes mail for the recipients
// of the active receipt rule set, computes SES's verdicts, and runs the rules' actions
// through LocalServices (S3 through BucketTarget, SNS, Lambda).
//
//   const smtp = await createSmtpService({ model, services, port: 2525 });
//   smtp.setActiveRuleSet('InboundRules');   // what SetActiveReceiptRuleSet does on AWS
//   // swaks --to rsvp@invites.example.com --server 127.0.0.1:2525
//   await smtp.settled();                     // the rules have run
//   await smtp.stop();
import { systemClock, type Clock } from '../shared/clock';
import { LOCAL_REGION } from '../shared/localCredentials';
import { createLogger, type Logger } from '../shared/logger';
import type { StackModel } from '../template/stackModel';
import { readHeaders, removeHeader } from './mailHeaders';
import { ruleSetConfigs, verifiedDomains, type RuleSetConfig } from './options';
import { processMessage, type InboundTargets, type ProcessedMessage } from './processMessage';
import { decideRecipient } from './receiptRules';
import { newMessageId, startSmtpServer, type ReceivedMessage } from './server';
import {
  applyOverrides,
  computeVerdicts,
  localDnsResolver,
  parseVerdictHeader,
  VERDICT_HEADER,
  type DnsResolver,
  type LocalDnsRecords,
  type VerdictOverrides,
} from './verdicts';

export type SmtpServiceOptions = {
  /** The template: its receipt rule sets and verified domains. */
  model?: StackModel;
  /** Rule sets given directly (tests); added to the template's. */
  ruleSets?: RuleSetConfig[];
  clock?: Clock;
  logger?: Logger;
  /** LocalServices (or a test double): S3 storage, topics, functions. */
  services: InboundTargets;
  /** 0 (the default) picks a free port. */
  port?: number;
  region?: string;
  /** Verdicts to report whatever the checks find (a header per message still wins). */
  verdicts?: VerdictOverrides;
  /** DNS records the checks see (SPF, DKIM keys, DMARC); nothing else resolves. */
  dns?: LocalDnsRecords;
  /** Replaces the local resolver altogether (same signature as dns.promises.resolve). */
  resolver?: DnsResolver;
  /** Offer STARTTLS with this certificate (needed for rules with TlsPolicy Require). */
  tls?: { certPem: string; keyPem: string };
  /** Put SES's trace headers (Return-Path, Received, verdicts) on top of stored messages (default true, as SES does). */
  traceHeaders?: boolean;
  /** Domains a rule without recipients covers (default: the template's domain identities). */
  verifiedDomains?: string[];
};

export type SmtpService = {
  port: number;
  host: string;
  /** What SetActiveReceiptRuleSet does; undefined deactivates (SES then refuses all mail). */
  setActiveRuleSet(name: string | undefined): void;
  activeRuleSet(): string | undefined;
  ruleSets(): RuleSetConfig[];
  /** Verdict overrides for the messages that follow; undefined clears them. */
  overrideVerdicts(verdicts: VerdictOverrides | undefined): void;
  /** Resolves when every accepted message so far has been through its rules. */
  settled(): Promise<void>;
  /** Messages processed so far, oldest first (the last 100). */
  messages(): ProcessedMessage[];
  stop(): Promise<void>;
};

const KEPT_MESSAGES = 100;

export async function createSmtpService(options: SmtpServiceOptions): Promise<SmtpService> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('smtp');
  const region = options.region ?? options.model?.env.region ?? LOCAL_REGION;
  const mta = `inbound-smtp.${region}.amazonaws.com`;
  const sets = [...(options.model ? ruleSetConfigs(options.model) : []), ...(options.ruleSets ?? [])];
  const domains = options.verifiedDomains ?? (options.model ? verifiedDomains(options.model) : []);
  const resolver = options.resolver ?? localDnsResolver(options.dns);
  let explicitActive: string | undefined;
  let activated = false;
  let overrides = options.verdicts;
  let warnedImplicit = false;
  const inFlight = new Set<Promise<void>>();
  const processed: ProcessedMessage[] = [];

  const activeSet = (): RuleSetConfig | undefined => {
    if (activated) return sets.find((s) => s.name === explicitActive);
    if (sets.length === 1) {
      if (!warnedImplicit) {
        warnedImplicit = true;
        logger.warn(
          `treating rule set ${sets[0]!.name} as active: CloudFormation cannot activate a rule set, so on AWS it stays inactive until SetActiveReceiptRuleSet is called`,
        );
      }
      return sets[0];
    }
    return undefined;
  };

  const accept = (received: ReceivedMessage): string => {
    const messageId = newMessageId();
    const receivedAt = clock.now();
    const work = (async () => {
      const ruleSet = activeSet();
      if (!ruleSet) return;
      const headerValue = readHeaders(received.raw).find((h) => h.name.toLowerCase() === VERDICT_HEADER.toLowerCase())?.value;
      const { verdicts: computed, details } = await computeVerdicts(received.raw, received.connection, { resolver, mta });
      const verdicts = applyOverrides(computed, overrides, headerValue ? parseVerdictHeader(headerValue) : undefined);
      if (verdicts.spf !== computed.spf) details.spfComment = '';
      const result = await processMessage(
        {
          messageId,
          raw: removeHeader(received.raw, VERDICT_HEADER),
          envelope: received.envelope,
          connection: received.connection,
          receivedAt,
        },
        { ruleSet, verifiedDomains: domains, verdicts, details, targets: options.services, clock, logger, mta, traceHeaders: options.traceHeaders ?? true },
      );
      processed.push(result);
      if (processed.length > KEPT_MESSAGES) processed.shift();
      logger.info(`${messageId} from <${received.envelope.from}> to ${received.envelope.to.join(', ')}: ${result.outcomes.map((o) => `${o.rule}/${o.action}${o.error ? ' (failed)' : ''}`).join(', ') || 'no action'}`);
    })().catch((error: unknown) => logger.error(`${messageId}: processing failed: ${(error as Error).message}`));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return messageId;
  };

  const server = await startSmtpServer({
    port: options.port ?? 0,
    hostname: mta,
    logger,
    ...(options.tls ? { tls: options.tls } : {}),
    decideRecipient: (address, secure) => decideRecipient(activeSet(), address, { secure, verifiedDomains: domains }),
    accept,
  });
  logger.info(`listening on ${server.host}:${server.port} (${sets.length} rule set${sets.length === 1 ? '' : 's'})`);

  return {
    port: server.port,
    host: server.host,
    setActiveRuleSet(name) {
      if (name !== undefined && !sets.some((s) => s.name === name)) {
        // SES's RuleSetDoesNotExist (API_SetActiveReceiptRuleSet.html).
        throw Object.assign(new Error(`Rule set does not exist: ${name}`), { name: 'RuleSetDoesNotExist' });
      }
      explicitActive = name;
      activated = true;
      logger.info(name ? `active rule set: ${name}` : 'no active rule set: all mail is refused');
    },
    activeRuleSet: () => activeSet()?.name,
    ruleSets: () => sets,
    overrideVerdicts(verdicts) {
      overrides = verdicts;
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    messages: () => [...processed],
    async stop() {
      await server.close();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export { dkimTxtRecord, localDnsResolver, VERDICT_HEADER } from './verdicts';
export type { VerdictOverrides, LocalDnsRecords } from './verdicts';
export type { ProcessedMessage } from './processMessage';
export type { RuleSetConfig } from './options';
