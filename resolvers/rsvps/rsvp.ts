// Mutation.rsvp: an attendee with their token (API key; or IAM for the RSVP page, via LINK),
// or the organizer for an attendee (Cognito, or IAM with organizerId):
// verifyAttendeeToken (Lambda data source) -> getEventForRsvp -> getAttendee -> recordAnswer.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationRsvpArgs } from '../../generated/graphql';
import { toAttendee } from '../lib/attendees';
import { ErrorType } from '../lib/errorTypes';
import { actorOf, AUTH_TYPE, isActorRefusal } from '../lib/identity';
import type { AttendeeRecord } from '../lib/records';
import { cleanComment, RSVP_LIMITS } from '../lib/rsvps';

export function request(ctx: Context<MutationRsvpArgs>) {
  const auth = util.authType();
  const comment = cleanComment(ctx.args.comment);
  if (comment !== null && comment.length > RSVP_LIMITS.commentMaxLength) {
    const message = `comment must be at most ${RSVP_LIMITS.commentMaxLength} characters (got ${comment.length})`;
    util.error(`Invalid input: ${message}`, ErrorType.ValidationError, null, { violations: [{ field: 'comment', message }] });
  }
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.response = ctx.args.response;
  ctx.stash.comment = comment;
  if (ctx.args.token) {
    if (auth === AUTH_TYPE.userPools) {
      util.error('Tokens are for attendees: organizers answer for an attendee with email.', ErrorType.Unauthorized, null, { reason: 'TOKEN_FOR_ATTENDEES' });
    }
    ctx.stash.token = ctx.args.token;
    ctx.stash.via = auth === AUTH_TYPE.iam && ctx.args.via === 'LINK' ? 'LINK' : 'API';
    return {};
  }
  if (auth === AUTH_TYPE.apiKey) {
    util.error('Give the token from your invitation: it is what identifies you.', ErrorType.Unauthorized, null, { reason: 'TOKEN_REQUIRED' });
  }
  const actor = actorOf(auth, ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  if (!ctx.args.email) {
    const message = 'email names the attendee the organizer answers for';
    util.error(`Invalid input: ${message}`, ErrorType.ValidationError, null, { violations: [{ field: 'email', message }] });
  }
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.email = ctx.args.email;
  ctx.stash.via = 'ORGANIZER';
  return {};
}

export function response(ctx: Context) {
  return toAttendee(ctx.stash.attendee as AttendeeRecord);
}
