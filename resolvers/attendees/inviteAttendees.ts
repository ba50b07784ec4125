// Mutation.inviteAttendees: parse the list -> getOrganizer -> registerOrganizer ->
// checkOrganizerActive -> getEventToChange -> findAttendees -> findSuppressions ->
// putAttendeesAndCountThem -> putRemainingAttendees -> releaseUnplaced -> queueInvitations ->
// noticeRefusal. The answer sorts every address given: invited, duplicate, invalid, rejected.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationInviteAttendeesArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { actorOf, isActorRefusal } from '../lib/identity';
import { ADDRESS_PATTERNS, INVITE_LIMITS, addressParts, parseInvitees } from '../lib/invites';
import { toAttendee } from '../lib/attendees';
import type { AttendeeRecord } from '../lib/records';

export function request(ctx: Context<MutationInviteAttendeesArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const count = ctx.args.attendees.length;
  if (count < 1 || count > INVITE_LIMITS.perCall) {
    const message = `attendees must list 1 to ${INVITE_LIMITS.perCall} people (got ${count})`;
    util.error(`Invalid input: ${message}`, ErrorType.ValidationError, null, { violations: [{ field: 'attendees', message }] });
  }
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.source = actor.viaIam ? 'IMPORT' : 'API';
  const checks = ctx.args.attendees.map((input) => {
    const parts = addressParts(input.email);
    return { localPart: util.matches(ADDRESS_PATTERNS.localPart, parts.localPart), domain: util.matches(ADDRESS_PATTERNS.domain, parts.domain) };
  });
  ctx.stash.parsed = parseInvitees(ctx.args.attendees, checks);
  ctx.stash.invited = [];
  ctx.stash.duplicates = [];
  ctx.stash.rejected = [];
  return {};
}

export function response(ctx: Context) {
  const parsed = ctx.stash.parsed;
  return {
    invited: (ctx.stash.invited as AttendeeRecord[]).map(toAttendee),
    duplicates: parsed.duplicates.concat(ctx.stash.duplicates),
    invalid: parsed.invalid,
    rejected: ctx.stash.rejected,
  };
}
