import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { endpoints, graphql, newOrganizer, tokens } from '../helpers/api';

const ME = '{ me { id email } }';
const UNAUTHORIZED = { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] };

/** A token shaped like Cognito's but signed by a key the issuer never published. */
async function forgedToken(claims: Record<string, unknown>, issuer: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = (await exportJWK(publicKey)).n!.slice(0, 16);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
}

async function post(headers: Record<string, string>) {
  const response = await fetch(endpoints().graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: ME }),
  });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: await response.json() };
}

describe('Cognito user pool tokens', () => {
  it('accepts an ID token from the local issuer', async () => {
    const organizer = await newOrganizer();
    const result = await graphql(ME, {}, { authorization: organizer.tokens.idToken });
    expect(result.status).toBe(200);
    expect(result.data!.me).toEqual({ id: organizer.sub, email: organizer.email });
  });

  it('accepts an access token once the organizer is registered', async () => {
    const organizer = await newOrganizer();
    await graphql(ME, {}, { authorization: organizer.tokens.idToken });
    const result = await graphql(ME, {}, { authorization: organizer.tokens.accessToken });
    expect(result.data!.me).toEqual({ id: organizer.sub, email: organizer.email });
  });

  it('asks a user an administrator created (no PostConfirmation, so not registered) to register with an ID token', async () => {
    // AdminCreateUser does not run the PostConfirmation trigger that registers organizers.
    const email = `admin-made-${crypto.randomUUID()}@example.com`;
    const cognito = new CognitoIdentityProviderClient({ region: endpoints().region, endpoint: endpoints().aws.cognito_identity_provider, credentials: endpoints().credentials });
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: endpoints().userPoolId,
        Username: email,
        UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
        MessageAction: 'SUPPRESS',
      }),
    );
    const { accessToken } = await tokens({ email });
    const result = await graphql(ME, {}, { authorization: accessToken });
    expect(result.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'EMAIL_REQUIRED' } });
  });

  it('refuses a request without credentials with 401 UnauthorizedException', async () => {
    const response = await post({});
    expect(response).toEqual({ status: 401, errorType: 'UnauthorizedException', body: UNAUTHORIZED });
  });

  it('refuses an expired token', async () => {
    const { idToken } = await tokens({ email: 'late@example.com', expiresIn: -60 });
    const response = await post({ authorization: idToken });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const forged = await forgedToken(
      { sub: crypto.randomUUID(), email: 'mallory@example.com', token_use: 'id', aud: endpoints().userPoolClientId },
      endpoints().cognitoIssuer,
    );
    expect(await post({ authorization: forged })).toEqual({ status: 401, errorType: 'UnauthorizedException', body: UNAUTHORIZED });
  });

  it('refuses a token from another issuer', async () => {
    const forged = await forgedToken(
      { sub: crypto.randomUUID(), token_use: 'id', aud: endpoints().userPoolClientId },
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_someoneElse',
    );
    expect((await post({ authorization: forged })).status).toBe(401);
  });

  it('refuses a token that is not a JWT, or sent with a Bearer prefix', async () => {
    const organizer = await newOrganizer();
    for (const authorization of ['not-a-token', `Bearer ${organizer.tokens.idToken}`]) {
      const response = await post({ authorization });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Unable to parse JWT token.' }] });
    }
  });

  it('refuses a well-signed token whose client or token_use is not the pool’s', async () => {
    const [header, , signature] = (await newOrganizer()).tokens.idToken.split('.');
    // Tampering with the payload breaks the signature: refused like a forgery.
    const payload = Buffer.from(JSON.stringify({ sub: 'x', token_use: 'id', aud: 'other-client', iss: endpoints().cognitoIssuer })).toString('base64url');
    expect((await post({ authorization: `${header}.${payload}.${signature}` })).status).toBe(401);
  });
});

describe('API keys', () => {
  it('authenticates the key from endpoints.json, but Cognito-only fields say Unauthorized', async () => {
    const result = await graphql(ME, {}, { 'x-api-key': endpoints().apiKey });
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        path: ['me'],
        data: null,
        errorType: 'Unauthorized',
        errorInfo: null,
        locations: [{ line: 1, column: 3, sourceName: null }],
        message: 'Not Authorized to access me on type Query',
      },
    ]);
  });

  it('refuses an unknown key with 401', async () => {
    expect(await post({ 'x-api-key': 'da2-notakeyofthisapi0000000' })).toEqual({ status: 401, errorType: 'UnauthorizedException', body: UNAUTHORIZED });
  });
});

describe('the HTTP endpoint', () => {
  it('answers a body that is not JSON with 400', async () => {
    const organizer = await newOrganizer();
    const response = await fetch(endpoints().graphqlUrl, { method: 'POST', headers: organizer.auth, body: 'query { me { id } }' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { errorType: string }[] }).errors[0].errorType).toBe('MalformedHttpRequestException');
  });

  it('reports a query naming an unknown field without running anything', async () => {
    const organizer = await newOrganizer();
    const result = await graphql('{ nope }', {}, organizer.auth);
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors![0].message).toContain('nope');
  });
});
