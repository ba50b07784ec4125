// What a pre token generation trigger's response changes in the tokens (versions 1 and 2).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
import { describe, expect, it } from 'vitest';
import { applyClaimChanges, NO_OVERRIDES, tokenOverrides } from '../../../../local/cognito/tokenOverrides';

describe('tokenOverrides', () => {
  it('reads version 1: ID token claims and groups; protected claims stay', () => {
    const overrides = tokenOverrides('V1_0', {
      claimsOverrideDetails: {
        claimsToAddOrOverride: { tier: 'gold', sub: 'forged' },
        claimsToSuppress: ['email', 'aud'],
        groupOverrideDetails: { groupsToOverride: ['readers'] },
      },
    });
    expect(overrides).toEqual({ ...NO_OVERRIDES, id: { add: { tier: 'gold' }, suppress: ['email'] }, groups: ['readers'] });
    expect(applyClaimChanges({ sub: 's', email: 'e', aud: 'c' }, overrides.id)).toEqual({ sub: 's', aud: 'c', tier: 'gold' });
  });

  it('reads version 2: both tokens and the scopes', () => {
    const overrides = tokenOverrides('V2_0', {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { plan: 'pro' } },
        accessTokenGeneration: { claimsToAddOrOverride: { tenant: 't1' }, claimsToSuppress: ['exp'], scopesToAdd: ['invites/write'], scopesToSuppress: [] },
      },
    });
    expect(overrides).toEqual({
      id: { add: { plan: 'pro' }, suppress: [] },
      access: { add: { tenant: 't1' }, suppress: [] },
      groups: undefined,
      scopesToAdd: ['invites/write'],
      scopesToSuppress: [],
    });
  });

  it('changes nothing for an empty response, or a version 1 answer to a version 2 event', () => {
    expect(tokenOverrides('V1_0', { claimsOverrideDetails: null })).toEqual(NO_OVERRIDES);
    expect(tokenOverrides('V2_0', { claimsOverrideDetails: { claimsToAddOrOverride: { a: 'b' } } })).toEqual(NO_OVERRIDES);
  });

  it('refuses claim changes that are not an object', () => {
    expect(() => tokenOverrides('V2_0', { claimsAndScopeOverrideDetails: { idTokenGeneration: 'all' } })).toThrow('Unrecognizable lambda output');
  });
});
