// Trigger events as Cognito sends them (common parameters plus each trigger's request).
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../../local/cognito/identityProvider';
import { DEFAULT_PASSWORD_POLICY } from '../../../../local/cognito/options';
import { CLIENT_ID_NOT_APPLICABLE, postConfirmationEvent, preSignUpEvent, preTokenGenerationEvent } from '../../../../local/cognito/triggerEvents';
import type { LocalUser } from '../../../../local/cognito/userRegistry';

const caller = { region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'client1' };
const user: LocalUser = {
  username: 'u-1',
  sub: 'u-1',
  attributes: { email: 'ada@example.com', email_verified: 'true' },
  status: 'CONFIRMED',
  groups: ['admins'],
  enabled: true,
  createdAt: '',
  updatedAt: '',
};

describe('trigger events', () => {
  it('PreSignUp carries the sign-up attributes and an empty response', () => {
    expect(preSignUpEvent(caller, 'u-1', 'PreSignUp_SignUp', { email: 'ada@example.com' })).toEqual({
      version: '1',
      region: 'us-east-1',
      userPoolId: 'us-east-1_abc',
      userName: 'u-1',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client1' },
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes: { email: 'ada@example.com' }, validationData: null },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
  });

  it('PostConfirmation carries sub and cognito:user_status; admin calls have no client', () => {
    const event = postConfirmationEvent({ ...caller, clientId: undefined, clientMetadata: { source: 'test' } }, user);
    expect(event.triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect(event.callerContext.clientId).toBe(CLIENT_ID_NOT_APPLICABLE);
    expect(event.request).toEqual({
      userAttributes: { sub: 'u-1', email: 'ada@example.com', email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
      clientMetadata: { source: 'test' },
    });
    expect(event.response).toEqual({});
  });

  it('PreTokenGeneration carries the groups, and the scopes in version 2 events', () => {
    const v1 = preTokenGenerationEvent(caller, user, 'V1_0', ['aws.cognito.signin.user.admin']);
    expect(v1).toMatchObject({ version: '1', triggerSource: 'TokenGeneration_Authentication', response: { claimsOverrideDetails: null } });
    expect(v1.request.groupConfiguration).toEqual({ groupsToOverride: ['admins'], iamRolesToOverride: [], preferredRole: null });
    const v2 = preTokenGenerationEvent(caller, user, 'V2_0', ['aws.cognito.signin.user.admin']);
    expect(v2).toMatchObject({ version: '2', request: { scopes: ['aws.cognito.signin.user.admin'] }, response: { claimsAndScopeOverrideDetails: null } });
  });
});

describe('password policy', () => {
  it('words refusals as Cognito does', () => {
    expect(() => checkPassword('Sh0rt!', DEFAULT_PASSWORD_POLICY)).toThrow('Password did not conform with policy: Password not long enough');
    expect(() => checkPassword('lowercase1!', DEFAULT_PASSWORD_POLICY)).toThrow('Password must have uppercase characters');
    expect(() => checkPassword('NoNumbers!', DEFAULT_PASSWORD_POLICY)).toThrow('Password must have numeric characters');
    expect(() => checkPassword('NoSymbols1', DEFAULT_PASSWORD_POLICY)).toThrow('Password must have symbol characters');
    expect(() => checkPassword('Correct-horse-1', DEFAULT_PASSWORD_POLICY)).not.toThrow();
  });
});
