// Mutation.setAcceptanceNotices (unit resolver on the table, Cognito): the signed-in organizer
// chooses how they hear of acceptances. Allowed while suspended: it changes no event. An
// organizer not registered yet is NotFound (sign-up registers them; so does `me`).
import { util, type Context } from '@aws-appsync/utils';
import type { MutationSetAcceptanceNoticesArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { organizerIdOf } from '../lib/identity';
import { CONDITION_FAILED, organizerNotFound } from '../lib/organizerAdmin';
import { acceptanceNoticesUpdate, toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';
import { updateExistingOrganizer } from './updateExistingOrganizer';

export function request(ctx: Context<MutationSetAcceptanceNoticesArgs>) {
  const organizerId = organizerIdOf(ctx.identity);
  if (!organizerId) util.error('Sign in as an organizer (Cognito user pools).', ErrorType.Unauthorized, null, { reason: 'SIGN_IN_REQUIRED' });
  ctx.stash.organizerId = organizerId;
  return updateExistingOrganizer(organizerId, acceptanceNoticesUpdate(ctx.args.setting, util.time.nowISO8601()));
}

export function response(ctx: Context<MutationSetAcceptanceNoticesArgs>) {
  if (ctx.error) {
    if (ctx.error.type === CONDITION_FAILED) {
      const notFound = organizerNotFound(ctx.stash.organizerId);
      util.error(notFound.message, notFound.errorType);
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return toOrganizer(ctx.result as OrganizerRecord);
}
