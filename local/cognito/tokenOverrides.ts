// What a pre token generation trigger's response changes in the tokens. Version 1:
// `claimsOverrideDetails { claimsToAddOrOverride, claimsToSuppress, groupOverrideDetails }`
// for the ID token (and groups in both). Version 2/3: `claimsAndScopeOverrideDetails {
// idTokenGeneration, accessTokenGeneration { ..., scopesToAdd, scopesToSuppress },
// groupOverrideDetails }`.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
// Claims Cognito does not let the trigger change are left as they are (the page lists the
// claims that cannot be added, overridden or suppressed; this list follows it).
import { unreadableTriggerResponse } from './errors';
import type { PreTokenGenerationVersion } from './options';

export const PROTECTED_CLAIMS: ReadonlySet<string> = new Set([
  'acr', 'amr', 'aud', 'auth_time', 'azp', 'client_id', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf', 'nonce', 'origin_jti',
  'sub', 'token_use', 'at_hash', 'event_id', 'cognito:username', 'username', 'scope', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role',
]);

export type ClaimChanges = { add: Record<string, unknown>; suppress: string[] };

export type TokenOverrides = {
  id: ClaimChanges;
  access: ClaimChanges;
  /** Replaces the user's groups in both tokens. */
  groups?: string[];
  scopesToAdd: string[];
  scopesToSuppress: string[];
};

export const NO_OVERRIDES: TokenOverrides = { id: { add: {}, suppress: [] }, access: { add: {}, suppress: [] }, scopesToAdd: [], scopesToSuppress: [] };

type Changes = { claimsToAddOrOverride?: Record<string, unknown> | null; claimsToSuppress?: string[] | null };

function changes(input: Changes | null | undefined): ClaimChanges {
  if (input === null || input === undefined) return { add: {}, suppress: [] };
  if (typeof input !== 'object') throw unreadableTriggerResponse();
  const add = Object.fromEntries(Object.entries(input.claimsToAddOrOverride ?? {}).filter(([claim]) => !PROTECTED_CLAIMS.has(claim)));
  const suppress = (input.claimsToSuppress ?? []).filter((claim) => !PROTECTED_CLAIMS.has(claim));
  return { add, suppress };
}

export function tokenOverrides(version: PreTokenGenerationVersion, response: Record<string, unknown> | undefined): TokenOverrides {
  if (!response) return NO_OVERRIDES;
  if (version === 'V1_0') {
    const details = response.claimsOverrideDetails as (Changes & { groupOverrideDetails?: { groupsToOverride?: string[] } | null }) | null | undefined;
    if (!details) return NO_OVERRIDES;
    return { ...NO_OVERRIDES, id: changes(details), groups: details.groupOverrideDetails?.groupsToOverride ?? undefined };
  }
  const details = response.claimsAndScopeOverrideDetails as
    | {
        idTokenGeneration?: Changes | null;
        accessTokenGeneration?: (Changes & { scopesToAdd?: string[] | null; scopesToSuppress?: string[] | null }) | null;
        groupOverrideDetails?: { groupsToOverride?: string[] } | null;
      }
    | null
    | undefined;
  if (!details) return NO_OVERRIDES;
  return {
    id: changes(details.idTokenGeneration),
    access: changes(details.accessTokenGeneration),
    groups: details.groupOverrideDetails?.groupsToOverride ?? undefined,
    scopesToAdd: details.accessTokenGeneration?.scopesToAdd ?? [],
    scopesToSuppress: details.accessTokenGeneration?.scopesToSuppress ?? [],
  };
}

/** Applies changes to a token's claims. */
export function applyClaimChanges(claims: Record<string, unknown>, change: ClaimChanges): Record<string, unknown> {
  const out = { ...claims, ...change.add };
  for (const claim of change.suppress) delete out[claim];
  return out;
}
