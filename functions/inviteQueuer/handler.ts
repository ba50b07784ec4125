// AppSync Lambda data source behind inviteAttendees and removeAttendee: one invite-dispatch
// message per mail (SQS_URL), sent ten at a time with SendMessageBatch. Answers how many were
// queued and which addresses were not (SQS refuses entries one by one in a batch).
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { QueueInvitationsRequest, QueueInvitationsResult } from '../../resolvers/lib/dispatch';
import { sqs } from '../lib/aws/sqs';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { dispatchBatches } from './batches';

export async function handler(event: QueueInvitationsRequest): Promise<QueueInvitationsResult> {
  const { SQS_URL } = requireEnv(['SQS_URL']);
  const messages = event.messages ?? [];
  const result: QueueInvitationsResult = { queued: 0, failed: [] };
  for (const entries of dispatchBatches(messages)) {
    const out = await sqs().send(new SendMessageBatchCommand({ QueueUrl: SQS_URL, Entries: entries }));
    result.queued += out.Successful?.length ?? 0;
    for (const failure of out.Failed ?? []) {
      result.failed.push({ email: messages[Number(failure.Id)].email, error: `${failure.Code}: ${failure.Message ?? ''}` });
    }
  }
  log('INFO', 'invitations queued', { queued: result.queued, failed: result.failed.length });
  return result;
}
