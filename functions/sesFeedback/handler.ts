// SES feedback topic -> feedback queue (raw delivery; only Bounce, Complaint and Reject pass
// the subscription's filter) -> this function: hard bounces and complaints suppress the
// address and mark the invitation's attendee; passing errors are noted on the attendee.
// Failures a retry may fix are reported per record (batchItemFailures) and end in the
// queue's DLQ if they last; records that are not SES's are logged and dropped.
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { applyFeedback, type FeedbackOutcome } from './applyFeedback';
import { awsPorts } from './awsPorts';

/** The variables the handler reads (REGION is read by the client). */
export const FEEDBACK_ENV = ['DYNAMODB_TABLE'] as const;

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const env = requireEnv(FEEDBACK_ENV);
  const ports = awsPorts();
  const config = { table: env.DYNAMODB_TABLE, now: () => new Date().toISOString() };
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    const outcome = await applyFeedback(record.body, config, ports);
    logOutcome(record.messageId, outcome);
    if (outcome.outcome === 'retry') batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
};

function logOutcome(sqsMessageId: string, outcome: FeedbackOutcome): void {
  switch (outcome.outcome) {
    case 'applied':
      return log('INFO', 'SES feedback applied', { sqsMessageId, ...outcome.summary, written: outcome.written, unchanged: outcome.unchanged });
    case 'ignored':
      return log('INFO', 'SES feedback ignored: nothing to change', { sqsMessageId, ...outcome.summary, reason: outcome.reason });
    case 'dropped':
      return log('ERROR', 'SES feedback dropped: not an SES event record', { sqsMessageId, reason: outcome.reason });
    case 'retry':
      return log('WARN', 'SES feedback not applied: retried later', { sqsMessageId, ...outcome.summary, reason: outcome.reason });
  }
}
