// AppSync Lambda data source behind inviteAttendees and removeAttendee: one invite-dispatch
// message per mail (SQS_URL), sent ten at a time with SendMessageBatch. Answers how many were
// queued and which addresses were not (SQS refuses entries one by one in a batch).
import type { QueueInvitationsRequest, QueueInvitationsResult } from '../../resolvers/lib/dispatch';
import { queueDispatch } from '../lib/dispatch/queueDispatch';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';

export async function handler(event: QueueInvitationsRequest): Promise<QueueInvitationsResult> {
  const { SQS_URL } = requireEnv(['SQS_URL']);
  const messages = event.messages ?? [];
  const failures = await queueDispatch(SQS_URL, messages);
  const result: QueueInvitationsResult = {
    queued: messages.length - failures.length,
    failed: failures.map((f) => ({ email: f.message.email, error: f.error })),
  };
  log('INFO', 'invitations queued', { queued: result.queued, failed: result.failed.length });
  return result;
}
