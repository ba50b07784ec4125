// Organizer notices topic -> notice-mail queue (raw delivery) -> one email per notice, by SES,
// to the organizer's address (looked up here: the topic's messages carry no address).
// Failures a retry may fix are reported per record (batchItemFailures) and end in the
// queue's DLQ if they last; what can never be sent is logged and dropped.
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import { deliverNotice, type Delivery } from './deliverNotice';

/** The variables the mailer reads (REGION is read by the clients). */
export const MAILER_ENV = ['DYNAMODB_TABLE', 'SENDER'] as const;

/** A claim outlives the invocation that made it by this much (clock differences). */
export const LEASE_MARGIN_MS = 10_000;

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  const env = requireEnv(MAILER_ENV);
  const ports = awsPorts(env.DYNAMODB_TABLE);
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    const config = {
      table: env.DYNAMODB_TABLE,
      sender: env.SENDER,
      // Until this invocation's deadline: past it, nobody is still sending under this claim.
      leaseMs: context.getRemainingTimeInMillis() + LEASE_MARGIN_MS,
      now: Date.now,
      newToken: randomUUID,
    };
    const delivery = await deliverNotice(record.body, config, ports, log);
    logDelivery(record.messageId, delivery);
    if (delivery.outcome === 'retry') batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
};

function logDelivery(sqsMessageId: string, delivery: Delivery): void {
  const fields = {
    sqsMessageId,
    messageId: delivery.notice?.messageId,
    organizerId: delivery.notice?.organizerId,
    kind: delivery.notice?.kind,
  };
  switch (delivery.outcome) {
    case 'sent':
      return log('INFO', 'notice sent', { ...fields, sesMessageId: delivery.sesMessageId });
    case 'duplicate':
      return log('INFO', 'notice already handled: redelivery ignored', fields);
    case 'dropped':
      return log('ERROR', 'notice dropped: it can never be sent', { ...fields, reason: delivery.reason });
    case 'retry':
      return log('WARN', 'notice not sent: retried later', { ...fields, reason: delivery.reason });
  }
}
