// The events Cognito sends its Lambda triggers: the common parameters (version, region,
// userPoolId, userName, callerContext, triggerSource) with each trigger's request and an
// empty response for the function to fill in.
// Common: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
// PreSignUp: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
// PostConfirmation: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
// PreTokenGeneration: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
import type { PreTokenGenerationVersion } from './options';
import type { LocalUser } from './userRegistry';

/** What Cognito puts in callerContext.clientId for calls not made by an app client (admin APIs). */
export const CLIENT_ID_NOT_APPLICABLE = 'CLIENT_ID_NOT_APPLICABLE';
/** callerContext.awsSdkVersion for requests whose SDK the local Cognito does not know. */
export const UNKNOWN_SDK = 'aws-sdk-unknown-unknown';

export type TriggerEvent = {
  version: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  triggerSource: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
};

export type Caller = { region: string; userPoolId: string; clientId?: string; clientMetadata?: Record<string, string> };

function common(caller: Caller, userName: string, triggerSource: string, version = '1') {
  return {
    version,
    region: caller.region,
    userPoolId: caller.userPoolId,
    userName,
    callerContext: { awsSdkVersion: UNKNOWN_SDK, clientId: caller.clientId ?? CLIENT_ID_NOT_APPLICABLE },
    triggerSource,
  };
}

function metadata(caller: Caller) {
  return caller.clientMetadata ? { clientMetadata: caller.clientMetadata } : {};
}

/**
 * PreSignUp_SignUp (SignUp, and the local token endpoint's sign-up) or PreSignUp_AdminCreateUser.
 * The attributes are the ones given at sign-up: no sub yet. validationData is null when the
 * caller sent none (as seen in logged events; the page shows only its type).
 */
export function preSignUpEvent(
  caller: Caller,
  userName: string,
  source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser',
  userAttributes: Record<string, string>,
  validationData?: Record<string, string>,
): TriggerEvent {
  return {
    ...common(caller, userName, source),
    request: { userAttributes, validationData: validationData ?? null, ...metadata(caller) },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

/** PostConfirmation_ConfirmSignUp: the confirmed user's attributes, with sub and cognito:user_status. */
export function postConfirmationEvent(caller: Caller, user: LocalUser): TriggerEvent {
  return {
    ...common(caller, user.username, 'PostConfirmation_ConfirmSignUp'),
    request: { userAttributes: userAttributes(user), ...metadata(caller) },
    response: {},
  };
}

/**
 * TokenGeneration_Authentication: the user's attributes and groups, before the tokens are
 * made. Version 1 events customise the ID token; version 2 and 3 events (version "2") both
 * tokens and the scopes.
 */
export function preTokenGenerationEvent(caller: Caller, user: LocalUser, version: PreTokenGenerationVersion, scopes: string[]): TriggerEvent {
  const v1 = version === 'V1_0';
  return {
    ...common(caller, user.username, 'TokenGeneration_Authentication', v1 ? '1' : '2'),
    request: {
      userAttributes: userAttributes(user),
      groupConfiguration: { groupsToOverride: [...user.groups], iamRolesToOverride: [], preferredRole: null },
      ...(v1 ? {} : { scopes }),
      ...metadata(caller),
    },
    response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
  };
}

/** Attributes as triggers see them: all strings, with sub and cognito:user_status. */
export function userAttributes(user: LocalUser): Record<string, string> {
  return { sub: user.sub, ...user.attributes, 'cognito:user_status': user.status };
}
