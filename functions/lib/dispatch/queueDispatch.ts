// Sends invite-dispatch messages ten per SendMessageBatch (SQS's limit), several batches at
// a time; entries SQS refuses one by one are sent again a few times (a batch can fail in
// part), and what is still refused is returned, each with SQS's reason. A request that fails
// as a whole (network, throttling) counts as a failure of each of its entries, so the caller
// always learns which messages were queued.
import { SendMessageBatchCommand, type SendMessageBatchCommandInput, type SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import type { DispatchMessage } from '../../../resolvers/lib/dispatch';
import { sqs } from '../aws/sqs';
import { dispatchBatches } from './batches';

/** Batches in flight at once: enough to stage 100,000 attendees in well under a minute. */
export const BATCHES_IN_FLIGHT = 8;
/** Rounds of sending again what SQS refused in part, after 100, 200, 400 ms. */
export const RESENDS = 3;
const RESEND_BASE_MS = 100;

export type QueueFailure = { message: DispatchMessage; error: string };

/** One SendMessageBatch request (a port, so the resend rules are tested without SQS). */
export type SendBatch = (input: SendMessageBatchCommandInput) => Promise<Pick<SendMessageBatchCommandOutput, 'Failed'>>;

const sendToSqs: SendBatch = (input) => sqs().send(new SendMessageBatchCommand(input));

export async function queueDispatch(
  queueUrl: string,
  messages: DispatchMessage[],
  sendBatch: SendBatch = sendToSqs,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<QueueFailure[]> {
  // Sender faults (a malformed entry) never pass on a resend: kept from whichever round refused them.
  const refused: QueueFailure[] = [];
  let pending = messages;
  for (let round = 0; pending.length > 0; round += 1) {
    if (round > 0) await sleep(RESEND_BASE_MS * 2 ** (round - 1));
    const batches = dispatchBatches(pending);
    const current = pending;
    const retryable: QueueFailure[] = [];
    let next = 0;
    const worker = async () => {
      for (let b = next++; b < batches.length; b = next++) {
        const entries = batches[b]!;
        let out: Pick<SendMessageBatchCommandOutput, 'Failed'>;
        try {
          out = await sendBatch({ QueueUrl: queueUrl, Entries: entries });
        } catch (error) {
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          for (const entry of entries) retryable.push({ message: current[Number(entry.Id)]!, error: reason });
          continue;
        }
        for (const failure of out.Failed ?? []) {
          const failed = { message: current[Number(failure.Id)]!, error: `${failure.Code}: ${failure.Message ?? ''}${failure.SenderFault ? ' (sender fault)' : ''}` };
          (failure.SenderFault ? refused : retryable).push(failed);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker));
    if (round >= RESENDS) return [...refused, ...retryable];
    pending = retryable.map((f) => f.message);
  }
  return refused;
}
