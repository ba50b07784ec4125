// One update or cancellation of an event, staged for every attendee: page through the
// attendees and queue one invite-dispatch message each (a REQUEST with the new SEQUENCE, or
// a CANCEL, declined attendees included). After each page the position is saved, so a
// retried staging (a timeout, a failed batch) resumes where it stopped rather than starting
// over; the dispatcher's send-once claims make any message queued twice send one mail.
import type { DispatchMessage } from '../../resolvers/lib/dispatch';
import type { StagingRequest } from './parseNotification';

export type AttendeePage = { attendees: { email: string }[]; next?: Record<string, unknown> };

/** Where a staging stands: the next page's key, or done. */
export type Checkpoint = { next?: Record<string, unknown>; queued: number; done: boolean };

export type StagingPorts = {
  checkpoint(request: StagingRequest): Promise<Checkpoint | null>;
  saveCheckpoint(request: StagingRequest, checkpoint: Checkpoint): Promise<void>;
  attendees(eventId: string, start?: Record<string, unknown>): Promise<AttendeePage>;
  /** Queues every message or throws. */
  queue(messages: DispatchMessage[]): Promise<void>;
};

export type Staged = { outcome: 'staged'; queued: number } | { outcome: 'duplicate'; queued: number } | { outcome: 'paused'; queued: number };

/** `hasTime()` is asked before each page: false pauses (the caller retries the message later). */
export async function stageMails(request: StagingRequest, ports: StagingPorts, hasTime: () => boolean): Promise<Staged> {
  const saved = await ports.checkpoint(request);
  if (saved?.done) return { outcome: 'duplicate', queued: saved.queued };
  let checkpoint: Checkpoint = saved ?? { queued: 0, done: false };
  for (let page = 0; ; page += 1) {
    if (page > 0 && !hasTime()) return { outcome: 'paused', queued: checkpoint.queued };
    const { attendees, next } = await ports.attendees(request.eventId, checkpoint.next);
    await ports.queue(attendees.map((a) => dispatchMessage(request, a.email)));
    checkpoint = { next, queued: checkpoint.queued + attendees.length, done: !next };
    await ports.saveCheckpoint(request, checkpoint);
    if (!next) return { outcome: 'staged', queued: checkpoint.queued };
  }
}

export function dispatchMessage(request: StagingRequest, email: string): DispatchMessage {
  return request.type === 'EVENT_UPDATED'
    ? { kind: 'REQUEST', reason: 'UPDATED', eventId: request.eventId, email, sequence: request.sequence }
    : { kind: 'CANCEL', reason: 'EVENT_CANCELLED', eventId: request.eventId, email, sequence: request.sequence };
}
