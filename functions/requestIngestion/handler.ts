// event-requests queue (raw delivery from the inbound mail topic: SES's receipt
// notifications for the requests and RSVP addresses) -> ingestMail, one message at a time:
// CSV imports, event requests and RSVP replies.
// Failures a retry may fix are reported per record (batchItemFailures) and end in the
// queue's DLQ if they last; everything else is logged with its reason and dropped.
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import { ingestMail, type Ingestion } from './ingestMail';

export const INGESTION_ENV = ['REGION', 'DYNAMODB_TABLE', 'GRAPHQL_URL', 'REQUESTS_EMAIL', 'RSVP_EMAIL', 'INBOUND_BUCKET'] as const;

/** A claim outlives the invocation that made it by this much (clock differences). */
export const LEASE_MARGIN_MS = 10_000;

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  const env = requireEnv(INGESTION_ENV);
  const ports = awsPorts({ table: env.DYNAMODB_TABLE, graphqlUrl: env.GRAPHQL_URL, region: env.REGION });
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    const config = {
      table: env.DYNAMODB_TABLE,
      addresses: { requests: env.REQUESTS_EMAIL, rsvp: env.RSVP_EMAIL },
      inboundBucket: env.INBOUND_BUCKET,
      // Until this invocation's deadline: past it, nobody is still importing under this claim.
      leaseMs: context.getRemainingTimeInMillis() + LEASE_MARGIN_MS,
      now: Date.now,
      newToken: randomUUID,
    };
    const ingestion = await ingestMail(record.body, config, ports, (message, fields) => log('WARN', message, fields));
    logIngestion(record.messageId, ingestion);
    if (ingestion.outcome === 'retry') batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
};

function logIngestion(sqsMessageId: string, ingestion: Ingestion): void {
  const fields = { sqsMessageId, ...ingestion.facts, ...('attachments' in ingestion && ingestion.attachments ? { attachments: ingestion.attachments } : {}) };
  switch (ingestion.outcome) {
    case 'imported': {
      const started = ingestion.attachments.filter((a) => a.outcome === 'imported').length;
      const message = started > 0 ? 'emailed CSV import started' : 'emailed CSV import already started: redelivery ignored';
      return log('INFO', message, { ...fields, ignoredAttachments: ingestion.ignoredAttachments });
    }
    case 'created':
      return log('INFO', 'emailed event request carried out', { ...fields, invited: ingestion.invited, ...(ingestion.stopped ? { stopped: ingestion.stopped } : {}) });
    case 'recorded':
      return log('INFO', 'emailed RSVP recorded', { ...fields, response: ingestion.response, status: ingestion.status });
    case 'dropped':
      return log('WARN', 'inbound mail dropped', { ...fields, reason: ingestion.reason, ...(ingestion.refusal ? { refusal: ingestion.refusal } : {}) });
    case 'retry':
      return log('WARN', 'inbound mail not handled: retried later', { ...fields, reason: ingestion.reason });
  }
}
