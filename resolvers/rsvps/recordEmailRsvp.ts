// Mutation.recordEmailRsvp (IAM: the mail ingestion): getEventForRsvp -> getAttendee ->
// recordAnswer, refusing a reply older than the answer recorded (SEQUENCE, then DTSTAMP).
import { util, type Context } from '@aws-appsync/utils';
import type { MutationRecordEmailRsvpArgs } from '../../generated/graphql';
import { toAttendee } from '../lib/attendees';
import { ErrorType } from '../lib/errorTypes';
import type { AttendeeRecord } from '../lib/records';
import { cleanComment, RSVP_LIMITS } from '../lib/rsvps';

export function request(ctx: Context<MutationRecordEmailRsvpArgs>) {
  const comment = cleanComment(ctx.args.comment);
  if (ctx.args.sequence < 0) util.error('Invalid input: sequence must be 0 or more', ErrorType.ValidationError, null, { violations: [{ field: 'sequence', message: 'must be 0 or more' }] });
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.email = ctx.args.email;
  ctx.stash.response = ctx.args.response;
  // Mail clients' comments are not ours to refuse: a long one is cut.
  ctx.stash.comment = comment !== null && comment.length > RSVP_LIMITS.commentMaxLength ? comment.slice(0, RSVP_LIMITS.commentMaxLength) : comment;
  ctx.stash.via = 'EMAIL';
  ctx.stash.reply = { sequence: ctx.args.sequence, dtstamp: util.time.epochMilliSecondsToISO8601(util.time.parseISO8601ToEpochMilliSeconds(ctx.args.dtstamp)) };
  return {};
}

export function response(ctx: Context) {
  return toAttendee(ctx.stash.attendee as AttendeeRecord);
}
