// What SES does with an accepted message: every enabled rule of the active set that covers a
// recipient, in order, each rule's actions in order (S3, SNS, Lambda, Bounce, AddHeader,
// Stop), with Lambda's RequestResponse dispositions and the Stop action ending the run.
// Reaches the other local services only through LocalServices. No SMTP here.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action.html
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda.html
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { BucketTarget, FunctionTarget, TopicTarget } from '../shared/localServices';
import { commonHeaders, headerRecipients, prependHeaders, readHeaders } from './mailHeaders';
import {
  lambdaEvent,
  mailObject,
  receiptObject,
  sesTraceHeaders,
  snsNotification,
  SNS_SUBJECT,
  type ReceiptActionObject,
} from './notifications';
import type { ReceiptAction, ReceiptRuleConfig, RuleSetConfig } from './options';
import { applicableRules } from './receiptRules';
import type { AuthenticationDetails, Connection, Verdicts } from './verdicts';

/** The SNS action carries the message only up to 150 KB (receiving-email-concepts.html). */
export const MAX_SNS_CONTENT_BYTES = 150 * 1024;

export type InboundTargets = BucketTarget & TopicTarget & FunctionTarget;

export type InboundMessage = {
  messageId: string;
  /** The message as received (the local verdict header already taken out). */
  raw: Buffer;
  envelope: { from: string; to: string[] };
  connection: Connection;
  receivedAt: number;
};

export type ProcessContext = {
  ruleSet: RuleSetConfig;
  verifiedDomains: readonly string[];
  verdicts: Verdicts;
  details: AuthenticationDetails;
  targets: InboundTargets;
  clock: Clock;
  logger: Logger;
  /** Host name in the Received header (inbound-smtp.<region>.amazonaws.com). */
  mta: string;
  /** Put SES's trace headers on top of the message, as SES does (default true). */
  traceHeaders: boolean;
};

export type ActionOutcome = { rule: string; action: ReceiptAction['type']; detail?: string; error?: string };

export type ProcessedMessage = {
  messageId: string;
  recipients: string[];
  /** The message as stored and published (trace headers and added headers included). */
  content: Buffer;
  outcomes: ActionOutcome[];
};

export async function processMessage(message: InboundMessage, context: ProcessContext): Promise<ProcessedMessage> {
  const rules = applicableRules(context.ruleSet, message.envelope.to, context.verifiedDomains);
  const scanned = rules.some((r) => r.rule.scanEnabled);
  let content = context.traceHeaders
    ? prependHeaders(
        message.raw,
        sesTraceHeaders({
          messageId: message.messageId,
          connection: message.connection,
          firstRecipient: message.envelope.to[0] ?? '',
          receivedAt: message.receivedAt,
          mta: context.mta,
          verdicts: context.verdicts,
          details: context.details,
          scanned,
        }),
      )
    : message.raw;
  const common = await commonHeaders(content);
  const outcomes: ActionOutcome[] = [];
  const mail = () => {
    const destination = headerRecipients(common);
    return mailObject({
      receivedAt: message.receivedAt,
      source: message.envelope.from,
      messageId: message.messageId,
      destination: destination.length ? destination : message.envelope.to,
      headers: readHeaders(content),
      commonHeaders: common,
    });
  };
  const receipt = (rule: ReceiptRuleConfig, recipients: string[], action: ReceiptActionObject) =>
    receiptObject({ at: context.clock.now(), receivedAt: message.receivedAt, recipients, verdicts: context.verdicts, scanned: rule.scanEnabled, action });
  const publish = async (topicArn: string, notification: unknown) => {
    await context.targets.publishToTopic(topicArn, { message: JSON.stringify(notification), subject: SNS_SUBJECT });
  };

  ruleLoop: for (const { rule, recipients } of rules) {
    for (const action of rule.actions) {
      const outcome: ActionOutcome = { rule: rule.name, action: action.type };
      outcomes.push(outcome);
      try {
        switch (action.type) {
          case 'S3': {
            // The object key is the prefix plus the message id (receiving-email-action-s3.html).
            const objectKey = `${action.objectKeyPrefix ?? ''}${message.messageId}`;
            await context.targets.putObject(action.bucketName, objectKey, content);
            outcome.detail = `s3://${action.bucketName}/${objectKey}`;
            if (action.topicArn) {
              await publish(
                action.topicArn,
                snsNotification(
                  mail(),
                  receipt(rule, recipients, {
                    type: 'S3',
                    topicArn: action.topicArn,
                    bucketName: action.bucketName,
                    ...(action.objectKeyPrefix ? { objectKeyPrefix: action.objectKeyPrefix } : {}),
                    objectKey,
                  }),
                ),
              );
            }
            break;
          }
          case 'SNS': {
            if (content.length > MAX_SNS_CONTENT_BYTES) {
              outcome.error = `the message has ${content.length} bytes; the SNS action carries at most ${MAX_SNS_CONTENT_BYTES} (SES would bounce it)`;
              context.logger.warn(`${message.messageId}: ${outcome.error}`);
              break;
            }
            // The action object spells the encoding UTF8 or BASE64 (real notifications:
            // https://github.com/mozilla/fx-private-relay/pull/1486, the Lambda event page).
            const encoding = action.encoding === 'Base64' ? 'BASE64' : 'UTF8';
            await publish(
              action.topicArn,
              snsNotification(mail(), receipt(rule, recipients, { type: 'SNS', topicArn: action.topicArn, encoding }), { raw: content, encoding: action.encoding }),
            );
            outcome.detail = action.topicArn;
            break;
          }
          case 'Lambda': {
            const actionObject: ReceiptActionObject = {
              type: 'Lambda',
              functionArn: action.functionArn,
              invocationType: action.invocationType,
              ...(action.topicArn ? { topicArn: action.topicArn } : {}),
            };
            const r = receipt(rule, recipients, actionObject);
            const result = await context.targets.invokeFunction(action.functionArn, lambdaEvent(mail(), r), action.invocationType);
            if (action.topicArn) await publish(action.topicArn, snsNotification(mail(), r));
            if (action.invocationType !== 'RequestResponse') break;
            if (!result.ok) {
              outcome.error = `${result.error.errorType}: ${result.error.errorMessage}`;
              context.logger.warn(`${message.messageId}: ${action.functionArn} failed (${outcome.error}); SES goes on as with CONTINUE`);
              break;
            }
            // STOP_RULE ends this rule, STOP_RULE_SET ends the run, anything else continues.
            const disposition = (result.result as { disposition?: unknown } | null | undefined)?.disposition;
            outcome.detail = typeof disposition === 'string' ? disposition : 'CONTINUE';
            if (disposition === 'STOP_RULE_SET') break ruleLoop;
            if (disposition === 'STOP_RULE') continue ruleLoop;
            break;
          }
          case 'Bounce': {
            // SES mails a bounce to the sender; locally it is logged.
            outcome.detail = `${action.smtpReplyCode}${action.statusCode ? ` ${action.statusCode}` : ''} ${action.message}`;
            context.logger.info(`${message.messageId}: bounced to ${message.envelope.from || '<>'} from ${action.sender}: ${outcome.detail}`);
            if (action.topicArn) {
              await publish(
                action.topicArn,
                snsNotification(
                  mail(),
                  receipt(rule, recipients, {
                    type: 'Bounce',
                    topicArn: action.topicArn,
                    smtpReplyCode: action.smtpReplyCode,
                    ...(action.statusCode ? { statusCode: action.statusCode } : {}),
                    message: action.message,
                    sender: action.sender,
                  }),
                ),
              );
            }
            break;
          }
          case 'AddHeader':
            // Added on top of the message, for the actions that follow.
            content = prependHeaders(content, [{ name: action.headerName, value: action.headerValue }]);
            outcome.detail = `${action.headerName}: ${action.headerValue}`;
            break;
          case 'Stop':
            if (action.topicArn) await publish(action.topicArn, snsNotification(mail(), receipt(rule, recipients, { type: 'Stop', topicArn: action.topicArn })));
            break ruleLoop;
          case 'Unsupported':
            outcome.error = `${action.name} is not played locally`;
            context.logger.warn(`${message.messageId}: rule ${rule.name}: ${outcome.error}`);
            break;
        }
      } catch (error) {
        outcome.error = (error as Error).message;
        context.logger.error(`${message.messageId}: rule ${rule.name}, ${action.type} action failed: ${outcome.error}`);
      }
    }
  }
  return { messageId: message.messageId, recipients: message.envelope.to, content, outcomes };
}
