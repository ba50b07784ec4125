import { describe, expect, it } from 'vitest';
import { actorOf, AUTH_TYPE, isActorRefusal } from '../../../../resolvers/lib/identity';

const user = { sub: 'u1', groups: ['admins'], claims: { email: 'ada@example.com' } };

describe('actorOf', () => {
  it('acts for the signed-in user, with the email claim and admin membership', () => {
    expect(actorOf(AUTH_TYPE.userPools, user, undefined)).toEqual({ organizerId: 'u1', email: 'ada@example.com', admin: true, viaIam: false });
  });

  it('refuses organizerId from a signed-in user, admins included', () => {
    const out = actorOf(AUTH_TYPE.userPools, user, 'someone-else');
    expect(isActorRefusal(out) && out).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_ID_IAM_ONLY' } });
  });

  it('acts for the organizer an IAM caller names, never as an admin', () => {
    expect(actorOf(AUTH_TYPE.iam, { accountId: '000000000000', userArn: 'arn:aws:iam::000000000000:user/x' }, 'o7')).toEqual({
      organizerId: 'o7',
      email: null,
      admin: false,
      viaIam: true,
    });
  });

  it('requires organizerId from IAM callers', () => {
    const out = actorOf(AUTH_TYPE.iam, {}, null);
    expect(isActorRefusal(out) && out).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'organizerId' }] } });
  });

  it('refuses a caller without a user id', () => {
    expect(isActorRefusal(actorOf(AUTH_TYPE.apiKey, null, undefined))).toBe(true);
  });
});
