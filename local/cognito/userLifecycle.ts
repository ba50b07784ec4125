// The steps of a user's life that run triggers, shared by the local token endpoint and the
// Cognito API: sign-up (PreSignUp, then the user exists), confirmation (PostConfirmation,
// then the user is CONFIRMED) and token issue (PreTokenGeneration, then the tokens).
// A trigger that fails stops the step: a user whose sign-up or confirmation failed is not
// created or not confirmed.
import { randomInt, randomUUID } from 'node:crypto';
import type { Logger } from '../shared/logger';
import { CognitoError } from './errors';
import { DEFAULT_ACCESS_SCOPE, type UserPoolIssuer } from './issuer';
import type { UserPoolConfig } from './options';
import { tokenOverrides } from './tokenOverrides';
import { postConfirmationEvent, preSignUpEvent, preTokenGenerationEvent, type Caller } from './triggerEvents';
import type { CognitoTriggers } from './triggers';
import type { LocalUser, UserRegistry, UserStatus } from './userRegistry';

export type LocalUserPool = UserPoolConfig & { issuer: UserPoolIssuer };

export type PoolContext = { pool: LocalUserPool; users: UserRegistry; triggers: CognitoTriggers; logger: Logger };

export type NewUser = {
  username: string;
  sub?: string;
  attributes: Record<string, string>;
  status: Extract<UserStatus, 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD'>;
  passwordHash?: string;
  groups?: string[];
  source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser';
  validationData?: Record<string, string>;
};

export function regionOf(pool: UserPoolConfig): string {
  return pool.userPoolId.split('_')[0]!;
}

export function callerOf(pool: UserPoolConfig, clientId?: string, clientMetadata?: Record<string, string>): Caller {
  return { region: regionOf(pool), userPoolId: pool.userPoolId, clientId, clientMetadata };
}

/**
 * Runs PreSignUp and returns the user to create (not yet stored) with what the trigger
 * asked for: `autoConfirmUser`, `autoVerifyEmail`, `autoVerifyPhone`.
 */
export async function signUp(ctx: PoolContext, input: NewUser, caller: Caller): Promise<{ user: LocalUser; autoConfirm: boolean }> {
  const { pool, users } = ctx;
  if (users.find(pool.userPoolId, { username: input.username })) {
    throw new CognitoError('UsernameExistsException', pool.usernameAttributes.includes('email') ? 'An account with the given email already exists.' : 'User already exists');
  }
  const email = input.attributes.email;
  if (email && users.find(pool.userPoolId, { email })) throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
  const response = await ctx.triggers.run(pool, 'PreSignUp', preSignUpEvent(caller, input.username, input.source, { ...input.attributes }, input.validationData));
  const attributes = { ...input.attributes };
  if (response?.autoVerifyEmail === true && attributes.email) attributes.email_verified = 'true';
  if (response?.autoVerifyPhone === true && attributes.phone_number) attributes.phone_number_verified = 'true';
  const now = new Date().toISOString();
  const user: LocalUser = {
    username: input.username,
    sub: input.sub ?? randomUUID(),
    attributes,
    status: input.status,
    groups: input.groups ?? [],
    enabled: true,
    createdAt: now,
    updatedAt: now,
    passwordHash: input.passwordHash,
  };
  return { user, autoConfirm: response?.autoConfirmUser === true };
}

/** Runs PostConfirmation for a user becoming CONFIRMED; the caller stores the result. */
export async function confirm(ctx: PoolContext, user: LocalUser, caller: Caller): Promise<LocalUser> {
  const confirmed: LocalUser = { ...user, status: 'CONFIRMED', confirmationCode: undefined };
  if (confirmed.attributes.email && confirmed.attributes.email_verified === undefined) confirmed.attributes = { ...confirmed.attributes, email_verified: 'true' };
  await ctx.triggers.run(ctx.pool, 'PostConfirmation', postConfirmationEvent(caller, confirmed));
  return confirmed;
}

/** Runs PreTokenGeneration and issues the user's ID and access tokens. */
export async function issueTokensFor(ctx: PoolContext, user: LocalUser, clientId: string, caller: Caller, expiresIn?: number) {
  const { pool } = ctx;
  const response = await ctx.triggers.run(pool, 'PreTokenGeneration', preTokenGenerationEvent(caller, user, pool.preTokenGenerationVersion, [DEFAULT_ACCESS_SCOPE]));
  return pool.issuer.issue(
    { sub: user.sub, email: user.attributes.email, username: user.username, groups: user.groups, clientId, expiresIn },
    { emailVerified: user.attributes.email_verified === 'true', overrides: tokenOverrides(pool.preTokenGenerationVersion, response) },
  );
}

/** A 6-digit confirmation code, as Cognito sends by email. */
export function confirmationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
