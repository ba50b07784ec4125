// The user pools API subset the local Cognito serves, spoken as
// @aws-sdk/client-cognito-identity-provider speaks it (AWS JSON 1.1, X-Amz-Target
// AWSCognitoIdentityProviderService.<Operation>; admin operations SigV4-signed for
// cognito-idp). That client is not installed here, so the requests are made by hand, signed
// with the SDK's own signer.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognito, type CognitoService } from '../../../local/cognito';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/shared/localCredentials';
import { startLambdaHarness, type LambdaHarness } from '../lambda/lambdaHarness';

let h: LambdaHarness;
let cognito: CognitoService;
let poolId: string;
let clientId: string;

const signer = new SignatureV4({ service: 'cognito-idp', region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, sha256: Sha256 });

async function call(operation: string, input: unknown, options: { signed?: boolean } = {}) {
  const url = new URL(cognito.server.url);
  const body = JSON.stringify(input);
  let headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
  };
  if (options.signed) {
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body });
    headers = signed.headers as Record<string, string>;
  }
  const response = await fetch(`${cognito.server.url}/`, { method: 'POST', headers, body });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as any };
}

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

describe('SignUp, ConfirmSignUp, InitiateAuth', () => {
  it('signs a user up unconfirmed, confirms it with the code (PostConfirmation), then signs it in', async () => {
    const email = 'lin@example.com';
    const signUp = await call('SignUp', { ClientId: clientId, Username: email, Password: 'Correct-horse-1', UserAttributes: [{ Name: 'email', Value: email }] });
    expect(signUp.status).toBe(200);
    expect(signUp.body).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: 'l***@e***' } });
    const sub = signUp.body.UserSub as string;

    const early = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: 'Correct-horse-1' } });
    expect(early).toMatchObject({ status: 400, type: 'UserNotConfirmedException', body: { __type: 'UserNotConfirmedException', message: 'User is not confirmed.' } });

    const wrongCode = await call('ConfirmSignUp', { ClientId: clientId, Username: email, ConfirmationCode: '000000x' });
    expect(wrongCode.type).toBe('CodeMismatchException');

    const code = cognito.identityProvider.pendingConfirmationCode(poolId, email)!;
    expect(code).toMatch(/^\d{6}$/);
    expect((await call('ConfirmSignUp', { ClientId: clientId, Username: email, ConfirmationCode: code })).status).toBe(200);
    const kinds = h.events().filter((e) => e.event.request?.userAttributes?.email === email).map((e) => e.kind);
    expect(kinds).toEqual(['PreSignUp_SignUp', 'PostConfirmation_ConfirmSignUp']);

    const badPassword = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: 'nope' } });
    expect(badPassword).toMatchObject({ type: 'NotAuthorizedException', body: { message: 'Incorrect username or password.' } });

    const auth = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: 'Correct-horse-1' } });
    expect(auth.status).toBe(200);
    expect(auth.body.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    const id = decodeJwt(auth.body.AuthenticationResult.IdToken);
    expect(id).toMatchObject({ sub, email, aud: clientId, token_use: 'id', tier: 'gold' });
    expect(decodeJwt(auth.body.AuthenticationResult.AccessToken)).toMatchObject({ sub, client_id: clientId, token_use: 'access' });
  });

  it('refuses a password the pool policy does not allow, and a second sign-up of the same email', async () => {
    const weak = await call('SignUp', { ClientId: clientId, Username: 'weak@example.com', Password: 'short' });
    expect(weak).toMatchObject({ type: 'InvalidPasswordException', body: { message: 'Password did not conform with policy: Password not long enough' } });
    await call('SignUp', { ClientId: clientId, Username: 'dup@example.com', Password: 'Correct-horse-1' });
    const again = await call('SignUp', { ClientId: clientId, Username: 'dup@example.com', Password: 'Correct-horse-1' });
    expect(again).toMatchObject({ type: 'UsernameExistsException', body: { message: 'An account with the given email already exists.' } });
  });

  it('fails SignUp with the PreSignUp error and keeps no user', async () => {
    const email = 'rejected-PreSignUp-api@example.com';
    const refused = await call('SignUp', { ClientId: clientId, Username: email, Password: 'Correct-horse-1' });
    expect(refused).toMatchObject({ status: 400, type: 'UserLambdaValidationException', body: { message: `PreSignUp failed with error ${email} is not welcome.` } });
    expect(cognito.cognito.users.find(poolId, { email })).toBeUndefined();
  });
});

describe('admin operations', () => {
  it('creates a user (PreSignUp_AdminCreateUser, no PostConfirmation), sets its password, adds it to a group', async () => {
    const email = 'ops@example.com';
    const created = await call('AdminCreateUser', { UserPoolId: poolId, Username: email, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }, { signed: true });
    expect(created.status).toBe(200);
    expect(created.body.User).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(h.events().filter((e) => e.event.request?.userAttributes?.email === email).map((e) => e.kind)).toEqual(['PreSignUp_AdminCreateUser']);

    expect((await call('AdminSetUserPassword', { UserPoolId: poolId, Username: email, Password: 'Correct-horse-2', Permanent: true }, { signed: true })).status).toBe(200);
    expect((await call('AdminAddUserToGroup', { UserPoolId: poolId, Username: email, GroupName: 'admins' }, { signed: true })).status).toBe(200);
    const missingGroup = await call('AdminAddUserToGroup', { UserPoolId: poolId, Username: email, GroupName: 'owners' }, { signed: true });
    expect(missingGroup).toMatchObject({ type: 'ResourceNotFoundException', body: { message: 'Group not found.' } });

    const user = await call('AdminGetUser', { UserPoolId: poolId, Username: email }, { signed: true });
    expect(user.body).toMatchObject({ UserStatus: 'CONFIRMED' });
    expect(user.body.UserAttributes).toContainEqual({ Name: 'email', Value: email });

    const auth = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: 'Correct-horse-2' } });
    expect(decodeJwt(auth.body.AuthenticationResult.IdToken)['cognito:groups']).toEqual(['admins']);
    // The local token endpoint knows the same user.
    const local = (await (await fetch(`${cognito.server.url}/_local/tokens`, { method: 'POST', body: JSON.stringify({ email }) })).json()) as any;
    expect(local.sub).toBe(decodeJwt(auth.body.AuthenticationResult.IdToken).sub);
  });

  it('refuses admin operations without a signature', async () => {
    const unsigned = await call('AdminCreateUser', { UserPoolId: poolId, Username: 'x@example.com' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.type).toBe('IncompleteSignatureException');
  });
});
