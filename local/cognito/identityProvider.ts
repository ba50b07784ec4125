// Semantics of the Cognito user pools API operations the local Cognito serves, for
// @aws-sdk/client-cognito-identity-provider: SignUp, ConfirmSignUp, InitiateAuth
// (USER_PASSWORD_AUTH), AdminCreateUser, AdminSetUserPassword, AdminAddUserToGroup,
// AdminGetUser. No HTTP here (identityProviderRouter.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
// Confirmation codes are not mailed: they are logged, and readable with pendingConfirmationCode().
import { randomBytes } from 'node:crypto';
import { CognitoError } from './errors';
import type { LocalCognito } from './localCognito';
import type { PasswordPolicy } from './options';
import { callerOf, confirm, confirmationCode, issueTokensFor, signUp, type LocalUserPool } from './userLifecycle';
import { hashPassword, passwordMatches, type LocalUser } from './userRegistry';

type AttributeList = { Name: string; Value?: string }[];

export type SignUpInput = {
  ClientId: string;
  Username: string;
  Password: string;
  UserAttributes?: AttributeList;
  ValidationData?: AttributeList;
  ClientMetadata?: Record<string, string>;
};

export class CognitoIdentityProvider {
  constructor(private readonly cognito: LocalCognito) {}

  async signUp(input: SignUpInput) {
    const pool = this.poolOfClient(input.ClientId);
    checkPassword(input.Password, pool.passwordPolicy);
    const attributes = attributeMap(input.UserAttributes);
    // With email (or phone) as the user name, the name given is that attribute, and Cognito
    // names the user with its sub.
    const byEmail = pool.usernameAttributes.includes('email') && input.Username.includes('@');
    if (byEmail) attributes.email = input.Username;
    const sub = crypto.randomUUID();
    const ctx = this.cognito.context(pool);
    const caller = callerOf(pool, input.ClientId, input.ClientMetadata);
    return this.cognito.serialized(pool.userPoolId, async () => {
      const { user, autoConfirm } = await signUp(
        ctx,
        {
          username: byEmail ? sub : input.Username,
          sub,
          attributes,
          status: 'UNCONFIRMED',
          passwordHash: hashPassword(input.Password),
          source: 'PreSignUp_SignUp',
          validationData: input.ValidationData ? attributeMap(input.ValidationData) : undefined,
        },
        caller,
      );
      if (autoConfirm) {
        this.cognito.users.add(pool.userPoolId, await confirm(ctx, user, caller));
        return { UserConfirmed: true, UserSub: user.sub };
      }
      const code = confirmationCode();
      this.cognito.users.add(pool.userPoolId, { ...user, confirmationCode: code });
      ctx.logger.info(`user pool ${pool.userPoolId}: confirmation code for ${input.Username} is ${code}`);
      return {
        UserConfirmed: false,
        UserSub: user.sub,
        CodeDeliveryDetails: { Destination: maskEmail(attributes.email ?? input.Username), DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      };
    });
  }

  async confirmSignUp(input: { ClientId: string; Username: string; ConfirmationCode: string; ClientMetadata?: Record<string, string> }) {
    const pool = this.poolOfClient(input.ClientId);
    const user = this.cognito.users.find(pool.userPoolId, { username: input.Username });
    if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
    if (user.status !== 'UNCONFIRMED') throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
    if (input.ConfirmationCode !== user.confirmationCode) throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    const confirmed = await confirm(this.cognito.context(pool), user, callerOf(pool, input.ClientId, input.ClientMetadata));
    this.cognito.users.update(pool.userPoolId, user, confirmed);
    return {};
  }

  async initiateAuth(input: { AuthFlow: string; ClientId: string; AuthParameters?: Record<string, string>; ClientMetadata?: Record<string, string> }) {
    const pool = this.poolOfClient(input.ClientId);
    if (input.AuthFlow !== 'USER_PASSWORD_AUTH') {
      throw new CognitoError('InvalidParameterException', `The local Cognito runs the USER_PASSWORD_AUTH flow only, not ${input.AuthFlow}.`);
    }
    const { USERNAME: username, PASSWORD: password } = input.AuthParameters ?? {};
    if (!username || !password) throw new CognitoError('InvalidParameterException', 'Missing required parameter USERNAME or PASSWORD');
    const user = this.cognito.users.find(pool.userPoolId, { username });
    // Cognito does not tell a wrong password from an unknown user (user existence errors prevented).
    if (!user || !passwordMatches(password, user.passwordHash)) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    if (user.status === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      throw new CognitoError(
        'NotAuthorizedException',
        'The local Cognito does not run the NEW_PASSWORD_REQUIRED challenge: give the user a permanent password with AdminSetUserPassword.',
      );
    }
    const tokens = await issueTokensFor(this.cognito.context(pool), user, input.ClientId, callerOf(pool, input.ClientId, input.ClientMetadata));
    return {
      ChallengeParameters: {},
      AuthenticationResult: {
        AccessToken: tokens.accessToken,
        IdToken: tokens.idToken,
        RefreshToken: randomBytes(48).toString('base64url'),
        ExpiresIn: tokens.expiresIn,
        TokenType: tokens.tokenType,
      },
    };
  }

  async adminCreateUser(input: {
    UserPoolId: string;
    Username: string;
    UserAttributes?: AttributeList;
    TemporaryPassword?: string;
    ValidationData?: AttributeList;
    ClientMetadata?: Record<string, string>;
  }) {
    const pool = this.poolById(input.UserPoolId);
    const attributes = attributeMap(input.UserAttributes);
    const byEmail = pool.usernameAttributes.includes('email') && input.Username.includes('@');
    if (byEmail) attributes.email = input.Username;
    const sub = crypto.randomUUID();
    const ctx = this.cognito.context(pool);
    const temporary = input.TemporaryPassword ?? `${randomBytes(9).toString('base64url')}aA1!`;
    if (input.TemporaryPassword) checkPassword(input.TemporaryPassword, pool.passwordPolicy);
    // PostConfirmation does not run for users an administrator creates (it runs on ConfirmSignUp
    // and ConfirmForgotPassword: https://github.com/aws-amplify/amplify-cli/issues/13127).
    const user = await this.cognito.serialized(pool.userPoolId, async () => {
      const created = await signUp(
        ctx,
        {
          username: byEmail ? sub : input.Username,
          sub,
          attributes,
          status: 'FORCE_CHANGE_PASSWORD',
          passwordHash: hashPassword(temporary),
          source: 'PreSignUp_AdminCreateUser',
          validationData: input.ValidationData ? attributeMap(input.ValidationData) : undefined,
        },
        callerOf(pool, undefined, input.ClientMetadata),
      );
      this.cognito.users.add(pool.userPoolId, created.user);
      return created.user;
    });
    return { User: userType(user) };
  }

  async adminSetUserPassword(input: { UserPoolId: string; Username: string; Password: string; Permanent?: boolean }) {
    const pool = this.poolById(input.UserPoolId);
    const user = this.userOf(pool, input.Username);
    checkPassword(input.Password, pool.passwordPolicy);
    const status = input.Permanent ? (user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED') : 'FORCE_CHANGE_PASSWORD';
    this.cognito.users.update(pool.userPoolId, user, { passwordHash: hashPassword(input.Password), status });
    return {};
  }

  async adminAddUserToGroup(input: { UserPoolId: string; Username: string; GroupName: string }) {
    const pool = this.poolById(input.UserPoolId);
    if (!pool.groups.includes(input.GroupName)) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
    const user = this.userOf(pool, input.Username);
    if (!user.groups.includes(input.GroupName)) this.cognito.users.update(pool.userPoolId, user, { groups: [...user.groups, input.GroupName] });
    return {};
  }

  async adminGetUser(input: { UserPoolId: string; Username: string }) {
    const pool = this.poolById(input.UserPoolId);
    const { Attributes, ...user } = userType(this.userOf(pool, input.Username));
    return { ...user, UserAttributes: Attributes };
  }

  /** The code SignUp would have mailed (tests, and the log, show it). */
  pendingConfirmationCode(userPoolId: string, username: string): string | undefined {
    return this.cognito.users.find(userPoolId, { username })?.confirmationCode;
  }

  private poolOfClient(clientId: string): LocalUserPool {
    const pool = this.cognito.poolOfClient(clientId);
    if (!pool) throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
    return pool;
  }

  private poolById(userPoolId: string): LocalUserPool {
    const pool = this.cognito.pool(userPoolId);
    if (!pool) throw new CognitoError('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`);
    return pool;
  }

  private userOf(pool: LocalUserPool, username: string): LocalUser {
    const user = this.cognito.users.find(pool.userPoolId, { username });
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  }
}

function attributeMap(list: AttributeList | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value ?? '']));
}

/** The user as AdminCreateUser and AdminGetUser describe it (dates in epoch seconds). */
function userType(user: LocalUser) {
  return {
    Username: user.username,
    Attributes: Object.entries({ sub: user.sub, ...user.attributes }).map(([Name, Value]) => ({ Name, Value })),
    UserCreateDate: Date.parse(user.createdAt) / 1000,
    UserLastModifiedDate: Date.parse(user.updatedAt) / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** Messages as Cognito words them: "Password did not conform with policy: …". */
export function checkPassword(password: string, policy: PasswordPolicy): void {
  const fail = (reason: string) => {
    throw new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${reason}`);
  };
  if (password.length < policy.minimumLength) fail('Password not long enough');
  if (policy.requireLowercase && !/[a-z]/.test(password)) fail('Password must have lowercase characters');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) fail('Password must have uppercase characters');
  if (policy.requireNumbers && !/[0-9]/.test(password)) fail('Password must have numeric characters');
  if (policy.requireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password)) fail('Password must have symbol characters');
}

/** `a***@e***` as CodeDeliveryDetails shows a destination. */
function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local?.[0] ?? ''}***@${domain?.[0] ?? ''}***`;
}
