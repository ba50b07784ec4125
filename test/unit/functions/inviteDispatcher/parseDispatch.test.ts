import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { parseDispatch } from '../../../../functions/inviteDispatcher/parseDispatch';
import { makeDispatch, makeRemoval } from './dispatchFixtures';

function refusal(body: string): string {
  try {
    parseDispatch(body);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedInputError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${body}`);
}

describe('parseDispatch', () => {
  it('reads each kind of message the resolvers and the stager queue', () => {
    for (const message of [
      makeDispatch(),
      makeDispatch({ reason: 'UPDATED', sequence: 3 }),
      makeDispatch({ kind: 'CANCEL', reason: 'EVENT_CANCELLED', sequence: 4 }),
      makeRemoval(),
      makeRemoval({ name: null, invitedAt: null }),
    ]) {
      expect(parseDispatch(JSON.stringify(message))).toEqual(message);
    }
  });

  it('refuses what is not a JSON object', () => {
    expect(refusal('not json')).toBe('the message is not JSON');
    expect(refusal('[]')).toBe('the message is not a JSON object');
    expect(refusal('null')).toBe('the message is not a JSON object');
    expect(refusal('"text"')).toBe('the message is not a JSON object');
  });

  it('names the field that is wrong', () => {
    const body = (overrides: Record<string, unknown>) => JSON.stringify({ ...makeDispatch(), ...overrides });
    expect(refusal(body({ kind: 'REPLY' }))).toBe('kind must be REQUEST or CANCEL');
    expect(refusal(body({ reason: 'LATER' }))).toBe('reason must be INVITED, UPDATED, EVENT_CANCELLED or REMOVED');
    expect(refusal(body({ eventId: '' }))).toBe('eventId must be a non-empty string');
    expect(refusal(body({ eventId: 7 }))).toBe('eventId must be a non-empty string');
    expect(refusal(body({ email: 'grace' }))).toBe('email must be an address');
    expect(refusal(body({ email: undefined }))).toBe('email must be an address');
    expect(refusal(body({ sequence: -1 }))).toBe('sequence must be an integer of 0 or more');
    expect(refusal(body({ sequence: 1.5 }))).toBe('sequence must be an integer of 0 or more');
    expect(refusal(body({ sequence: '2' }))).toBe('sequence must be an integer of 0 or more');
    expect(refusal(body({ name: 3 }))).toBe('name must be a string or null');
    expect(refusal(body({ invitedAt: 3 }))).toBe('invitedAt must be a string or null');
  });

  it('refuses a reason that does not go with the kind', () => {
    expect(refusal(JSON.stringify(makeDispatch({ kind: 'CANCEL', reason: 'INVITED' })))).toBe('reason must be one that goes with CANCEL');
    expect(refusal(JSON.stringify(makeDispatch({ kind: 'REQUEST', reason: 'REMOVED' })))).toBe('reason must be one that goes with REQUEST');
    expect(refusal(JSON.stringify(makeDispatch({ kind: 'REQUEST', reason: 'EVENT_CANCELLED' })))).toBe('reason must be one that goes with REQUEST');
  });
});
