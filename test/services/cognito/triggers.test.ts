// The local Cognito runs the template's user pool triggers (a real function bundle) as
// Cognito does, through the local Lambda:
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
import { decodeJwt } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognito, type CognitoService } from '../../../local/cognito';
import { startLambdaHarness, type LambdaHarness } from '../lambda/lambdaHarness';

let h: LambdaHarness;
let cognito: CognitoService;
let poolId: string;
let clientId: string;

async function tokens(request: Record<string, unknown>) {
  const response = await fetch(`${cognito.server.url}/_local/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  return { status: response.status, body: (await response.json()) as any };
}

const triggerEvents = (email: string) => h.events().filter((e) => e.event.request?.userAttributes?.email === email);

beforeAll(async () => {
  h = await startLambdaHarness();
  cognito = await startCognito(h.model, 0, undefined, h.logger, { functions: h.services });
  poolId = cognito.cognito.poolList[0]!.userPoolId;
  clientId = cognito.cognito.poolList[0]!.clientIds[0]!;
}, 120_000);

afterAll(async () => {
  await cognito?.server.close();
  await h?.stop();
});

describe('POST /_local/tokens with triggers', () => {
  it('signs a new email up (PreSignUp, then PostConfirmation once) and gives a known user the same sub without them', async () => {
    const email = 'ada@example.com';
    const first = await tokens({ email });
    expect(first.status).toBe(200);
    const second = await tokens({ email });
    expect(second.status).toBe(200);
    expect(second.body.sub).toBe(first.body.sub);

    const sources = triggerEvents(email).map((e) => e.kind);
    expect(sources).toEqual(['PreSignUp_SignUp', 'PostConfirmation_ConfirmSignUp', 'TokenGeneration_Authentication', 'TokenGeneration_Authentication']);

    const [preSignUp, postConfirmation] = triggerEvents(email).map((e) => e.event);
    const common = { version: '1', region: 'us-east-1', userPoolId: poolId, userName: first.body.sub, callerContext: { clientId } };
    expect(preSignUp).toMatchObject({ ...common, triggerSource: 'PreSignUp_SignUp', request: { userAttributes: { email } } });
    expect(preSignUp.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(postConfirmation).toMatchObject({
      ...common,
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      request: { userAttributes: { sub: first.body.sub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' } },
      response: {},
    });
  });

  it('applies the PreTokenGeneration response to the ID token', async () => {
    const { body } = await tokens({ email: 'grace@example.com' });
    const id = decodeJwt(body.idToken);
    expect(id.tier).toBe('gold');
    expect(id.email).toBe('grace@example.com');
    expect(id.email_verified).toBeUndefined();
    expect(decodeJwt(body.accessToken).tier).toBeUndefined();
    const [event] = triggerEvents('grace@example.com').filter((e) => e.kind === 'TokenGeneration_Authentication');
    expect(event!.event.request.groupConfiguration).toEqual({ groupsToOverride: [], iamRolesToOverride: [], preferredRole: null });
  });

  it('refuses the token when PostConfirmation fails, with Cognito error, and does not create the user', async () => {
    const email = 'rejected-PostConfirmation@example.com';
    const refused = await tokens({ email });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      __type: 'UserLambdaValidationException',
      message: `PostConfirmation failed with error ${email} is not welcome.`,
    });
    expect(cognito.cognito.users.find(poolId, { email })).toBeUndefined();
    // Not created: the next request plays the sign-up again.
    await tokens({ email });
    expect(triggerEvents(email).map((e) => e.kind)).toEqual([
      'PreSignUp_SignUp',
      'PostConfirmation_ConfirmSignUp',
      'PreSignUp_SignUp',
      'PostConfirmation_ConfirmSignUp',
    ]);
  });

  it('refuses the token when PreSignUp fails, before any confirmation', async () => {
    const email = 'rejected-PreSignUp@example.com';
    const refused = await tokens({ email });
    expect(refused.body).toEqual({ __type: 'UserLambdaValidationException', message: `PreSignUp failed with error ${email} is not welcome.` });
    expect(triggerEvents(email).map((e) => e.kind)).toEqual(['PreSignUp_SignUp']);
  });

  it('keeps groups per user: given groups replace them, none keeps them', async () => {
    const email = 'admin@example.com';
    expect(decodeJwt((await tokens({ email, groups: ['admins'] })).body.idToken)['cognito:groups']).toEqual(['admins']);
    expect(decodeJwt((await tokens({ email })).body.idToken)['cognito:groups']).toEqual(['admins']);
    expect(decodeJwt((await tokens({ email, groups: [] })).body.idToken)['cognito:groups']).toBeUndefined();
    const unknown = await tokens({ email, groups: ['owners'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('has no group owners');
  });

  it('signs up two concurrent first requests for one email once', async () => {
    const email = 'twice@example.com';
    const [a, b] = await Promise.all([tokens({ email }), tokens({ email })]);
    expect(a.body.sub).toBe(b.body.sub);
    expect(triggerEvents(email).filter((e) => e.kind === 'PostConfirmation_ConfirmSignUp')).toHaveLength(1);
  });
});

describe('users kept in the data directory', () => {
  it('keeps a user (sub, groups) across a restart, without signing it up again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-cognito-users-'));
    try {
      const email = 'kept@example.com';
      const before = await startCognito(h.model, 0, dir, h.logger, { functions: h.services });
      const first = (await (await fetch(`${before.server.url}/_local/tokens`, { method: 'POST', body: JSON.stringify({ email, groups: ['admins'] }) })).json()) as any;
      await before.server.close();
      const after = await startCognito(h.model, 0, dir, h.logger, { functions: h.services });
      const again = (await (await fetch(`${after.server.url}/_local/tokens`, { method: 'POST', body: JSON.stringify({ email }) })).json()) as any;
      await after.server.close();
      expect(again.sub).toBe(first.sub);
      expect(decodeJwt(again.idToken)['cognito:groups']).toEqual(['admins']);
      expect(triggerEvents(email).filter((e) => e.kind === 'PostConfirmation_ConfirmSignUp')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
