// invite-dispatch queue -> one iMIP mail per message (dispatchMail.ts), sent with SES from
// SENDER, replies to RSVP_EMAIL. Failures a retry may fix are reported per record
// (batchItemFailures) and end in the queue's DLQ if they last. When SES keeps refusing for
// its sending rate, the rest of the batch is handed back untried: the consumer slows down
// instead of burning the messages' receives.
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { delayRetries } from '../lib/aws/retryBackoff';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import { dispatchMail, type Dispatch, type DispatchConfig, type DispatchPorts } from './dispatchMail';

/** The variables the dispatcher reads (REGION is read by the clients, TOKEN_SECRET_ARN by tokenKey). */
export const DISPATCHER_ENV = ['DYNAMODB_TABLE', 'SENDER', 'RSVP_EMAIL', 'LINKS_URL'] as const;

/** A claim outlives the invocation that made it by this much (clock differences). */
export const LEASE_MARGIN_MS = 10_000;

let ports: ReturnType<typeof awsPorts> | undefined;

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  const env = requireEnv(DISPATCHER_ENV);
  ports ??= awsPorts(env.DYNAMODB_TABLE);
  const { batchItemFailures } = await dispatchBatch(event.Records, ports, () => ({
    table: env.DYNAMODB_TABLE,
    sender: env.SENDER,
    rsvpAddress: env.RSVP_EMAIL,
    linksUrl: env.LINKS_URL.endsWith('/') ? env.LINKS_URL : `${env.LINKS_URL}/`,
    leaseMs: context.getRemainingTimeInMillis() + LEASE_MARGIN_MS,
    now: Date.now,
    newToken: randomUUID,
  }));
  // Retries come back after growing waits (30 s, 60 s, ...), then the DLQ.
  return { batchItemFailures: await delayRetries(event.Records, batchItemFailures, (message, fields) => log('WARN', message, fields)) };
};

/**
 * Mails of one batch in flight at once: each waits mostly on DynamoDB and SES, so a batch of
 * ten takes about two mails' time; SES's rate still bounds the whole (sendWithBackoff).
 */
export const MAILS_IN_FLIGHT = 5;

/**
 * The batch's records, MAILS_IN_FLIGHT at a time, in order of start; `config()` is asked per
 * record (the lease shrinks with the time left). Once a send comes back throttled, records
 * not started yet are handed back untried.
 */
export async function dispatchBatch(
  records: Pick<SQSRecord, 'messageId' | 'body'>[],
  dispatchPorts: DispatchPorts,
  config: () => DispatchConfig,
  writeLog: typeof log = log,
  inFlight = MAILS_IN_FLIGHT,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  let throttled = false;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < records.length; i = next++) {
      const record = records[i]!;
      if (throttled) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      const dispatch = await dispatchMail(record.body, config(), dispatchPorts, writeLog);
      logDispatch(writeLog, record.messageId, dispatch);
      if (dispatch.outcome === 'retry') {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        if (dispatch.throttled) throttled = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, records.length) }, worker));
  return { batchItemFailures };
}

function logDispatch(writeLog: typeof log, sqsMessageId: string, dispatch: Dispatch): void {
  const m = dispatch.message;
  // Identifiers only: the event and the kind of mail, not the address.
  const fields = { sqsMessageId, eventId: m?.eventId, kind: m?.kind, reason: m?.reason, sequence: m?.sequence };
  switch (dispatch.outcome) {
    case 'sent':
      return writeLog('INFO', 'invitation mail sent', { ...fields, sesMessageId: dispatch.sesMessageId });
    case 'duplicate':
    case 'skipped':
    case 'suppressed':
      return writeLog('INFO', `invitation mail not sent: ${dispatch.outcome}`, { ...fields, why: dispatch.reason });
    case 'dropped':
      return writeLog('ERROR', 'invitation mail dropped: it can never be sent', { ...fields, why: dispatch.reason });
    case 'retry':
      return writeLog('WARN', 'invitation mail not sent: retried later', { ...fields, why: dispatch.reason, throttled: dispatch.throttled });
  }
}
