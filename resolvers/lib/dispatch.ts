// The invite-dispatch queue's messages (one message = one mail to one attendee), as the
// resolvers queue them through the inviteQueuer Lambda data source and the staging consumer
// queues updates and cancellations. The dispatch consumer reads the event and the attendee
// again when it sends, so a message names them rather than carrying them.
export type DispatchKind = 'REQUEST' | 'CANCEL';

/** Why the mail goes out: a new invitation, an update, the event cancelled, the attendee removed. */
export type DispatchReason = 'INVITED' | 'UPDATED' | 'EVENT_CANCELLED' | 'REMOVED';

export type DispatchMessage = {
  kind: DispatchKind;
  reason: DispatchReason;
  eventId: string;
  email: string;
  /** The iCalendar SEQUENCE this mail carries. */
  sequence: number;
  /** For a removed attendee, whose record is gone by the time the mail is built. */
  name?: string | null;
  /** For a removed attendee: when that invitation was made (a re-invitation is another one). */
  invitedAt?: string | null;
};

/** The inviteQueuer function's event. */
export type QueueInvitationsRequest = { messages: DispatchMessage[] };

/** What inviteQueuer answers: how many went into the queue, and the addresses that did not. */
export type QueueInvitationsResult = { queued: number; failed: { email: string; error: string }[] };
