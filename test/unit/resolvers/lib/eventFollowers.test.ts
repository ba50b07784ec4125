import { describe, expect, it } from 'vitest';
import { mayFollowEvent } from '../../../../resolvers/lib/eventFollowers';
import { AUTH_TYPE } from '../../../../resolvers/lib/identity';
import { makeEvent } from '../../../helpers/streamRecords';

const event = makeEvent({ organizerId: 'org-1' });
const user = (sub: string, groups: string[] = []) => ({ sub, groups, claims: {} });

describe('who may follow an event’s live updates', () => {
  it('lets its organizer follow it, and nobody else signed in', () => {
    expect(mayFollowEvent(AUTH_TYPE.userPools, user('org-1'), event)).toBe(true);
    expect(mayFollowEvent(AUTH_TYPE.userPools, user('org-2'), event)).toBe(false);
  });

  it('lets an admin follow any event', () => {
    expect(mayFollowEvent(AUTH_TYPE.userPools, user('org-2', ['admins']), event)).toBe(true);
  });

  it('lets IAM callers (the stack’s functions) follow any event, even one not read', () => {
    expect(mayFollowEvent(AUTH_TYPE.iam, { accountId: '000000000000' }, event)).toBe(true);
    expect(mayFollowEvent(AUTH_TYPE.iam, { accountId: '000000000000' }, null)).toBe(true);
  });

  it('refuses an unknown event to users, admins included, and API key callers', () => {
    expect(mayFollowEvent(AUTH_TYPE.userPools, user('org-1'), null)).toBe(false);
    expect(mayFollowEvent(AUTH_TYPE.userPools, user('org-1', ['admins']), undefined)).toBe(false);
    expect(mayFollowEvent(AUTH_TYPE.apiKey, null, event)).toBe(false);
  });
});
