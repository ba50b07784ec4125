// Who may follow an event's live updates (its subscriptions: onImportProgress,
// onRsvpCountsChanged, onAttendeeResponded): the rule is checked once, when the subscription
// starts, against the event as read then; AppSync pushes without asking again.
import { maySeeEvent } from './events';
import { actorOf, AUTH_TYPE, isActorRefusal } from './identity';
import type { EventRecord } from './records';

/**
 * IAM callers (backend functions of the stack) follow any event; a signed-in user follows
 * an event they organize, an admin any event. An unknown event is followed by IAM alone, so
 * that a refusal tells a user nothing about which event ids exist.
 */
export function mayFollowEvent(authType: string, identity: unknown, event: EventRecord | null | undefined): boolean {
  if (authType === AUTH_TYPE.iam) return true;
  const actor = actorOf(authType, identity, null);
  return !isActorRefusal(actor) && !!event && maySeeEvent(event, actor.organizerId, actor.admin);
}
