// Query.me: pipeline getOrganizer -> registerOrganizer.
import { util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../lib/errorTypes';
import { emailClaimOf, organizerIdOf } from '../lib/identity';
import { toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';

export function request(ctx: Context) {
  const organizerId = organizerIdOf(ctx.identity);
  if (!organizerId) util.error('Sign in as an organizer (Cognito user pools) to use me.', ErrorType.Unauthorized);
  ctx.stash.organizerId = organizerId;
  ctx.stash.callerEmail = emailClaimOf(ctx.identity);
  return {};
}

export function response(ctx: Context) {
  return toOrganizer(ctx.prev.result as OrganizerRecord);
}
