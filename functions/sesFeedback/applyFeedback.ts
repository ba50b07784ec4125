// One SES event record from the feedback queue into the table: parse, decide the effects
// (feedbackEffects.ts), write each (feedbackWrites.ts). The write comes in as a port, so the
// outcomes are tested without AWS:
// - applied: every effect written or already in place (the attendee may be gone: fine);
// - ignored: a record that changes nothing (a Delivery, a not-spam report);
// - dropped: not a record SES publishes; logged, never retried;
// - retry: a write failed for a reason a retry may fix; the record is reported in
//   batchItemFailures and ends in the queue's DLQ if it lasts. Effects already written are
//   written again on the retry, which their conditions make a no-op.
import type { UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { errorText, isPermanent } from '../lib/errors';
import { feedbackEffects } from './feedbackEffects';
import { feedbackWrite } from './feedbackWrites';
import { parseFeedback, type SesFeedback } from './parseFeedback';

export type FeedbackPorts = {
  /** One conditional update; 'unchanged' when its condition failed (nothing to do). */
  write(update: UpdateItemCommandInput): Promise<'written' | 'unchanged'>;
};

export type FeedbackConfig = { table: string; now: () => string };

/** What the log shows of a record: identifiers and counts, never addresses. */
export type FeedbackSummary = { type: string; sesMessageId: string; eventId: string | null; bounceType?: string };

export type FeedbackOutcome =
  | { outcome: 'applied'; summary: FeedbackSummary; written: number; unchanged: number }
  | { outcome: 'ignored'; summary: FeedbackSummary; reason: string }
  | { outcome: 'dropped'; reason: string }
  | { outcome: 'retry'; summary?: FeedbackSummary; reason: string };

export async function applyFeedback(body: string, config: FeedbackConfig, ports: FeedbackPorts): Promise<FeedbackOutcome> {
  let feedback: SesFeedback;
  try {
    feedback = parseFeedback(body);
  } catch (error) {
    // Anything but MalformedInputError is a bug of ours: kept (retried, then the DLQ), not dropped.
    return isPermanent(error) ? { outcome: 'dropped', reason: error.message } : { outcome: 'retry', reason: `reading the record failed: ${errorText(error)}` };
  }
  const plan = feedbackEffects(feedback);
  const summary: FeedbackSummary = {
    type: feedback.type === 'Other' ? feedback.eventType : feedback.type,
    sesMessageId: feedback.messageId,
    eventId: plan.eventId,
    ...(feedback.type === 'Bounce' ? { bounceType: feedback.bounceType } : {}),
  };
  if (plan.effects.length === 0) return { outcome: 'ignored', summary, reason: plan.note ?? 'nothing to change' };

  const now = config.now();
  let written = 0;
  let unchanged = 0;
  for (const effect of plan.effects) {
    try {
      if ((await ports.write(feedbackWrite(config.table, effect, now))) === 'written') written++;
      else unchanged++;
    } catch (error) {
      return { outcome: 'retry', summary, reason: `${effect.kind} write failed: ${errorText(error)}` };
    }
  }
  return { outcome: 'applied', summary, written, unchanged };
}
