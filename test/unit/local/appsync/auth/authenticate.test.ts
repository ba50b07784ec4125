// Which mode a request authenticates with, and API key expiry.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html (API_KEY authorization:
// "API keys are configurable for up to 365 days"; an expired key no longer authorizes).
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../../../../../local/appsync/auth/authenticate';
import { UnauthorizedRequest } from '../../../../../local/appsync/auth/unauthorized';

const NOW = Date.UTC(2030, 0, 1);
const key = (expiresInSeconds: number) => ({ logicalId: 'Key', value: 'da2-key', expires: Math.floor(NOW / 1000) + expiresInSeconds });

function authenticator(expiresInSeconds = 3600) {
  return new Authenticator({
    providers: [{ type: 'API_KEY' }],
    apiKeys: [key(expiresInSeconds)],
    userPoolTrust: () => {
      throw new Error('no user pool');
    },
    now: () => NOW,
  });
}

describe('API keys', () => {
  it('authenticate with no identity', async () => {
    expect(await authenticator().authenticate({ 'x-api-key': 'da2-key' }, ['127.0.0.1'])).toEqual({ mode: 'API_KEY', identity: null, groups: null });
  });

  it('stop working when the template says they expire', async () => {
    const error = await authenticator(-1).authenticate({ 'x-api-key': 'da2-key' }, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedRequest);
    expect((error as UnauthorizedRequest).message).toBe('You are not authorized to make this call.');
    expect((error as UnauthorizedRequest).reason).toMatch(/expired at 2029-12-31T23:59:59/);
  });

  it('refuse tokens and signatures when the API has no such mode', async () => {
    await expect(authenticator().authenticate({ authorization: 'eyJ.a.b' }, [])).rejects.toBeInstanceOf(UnauthorizedRequest);
    await expect(authenticator().authenticate({ authorization: 'AWS4-HMAC-SHA256 Credential=x' }, [])).rejects.toBeInstanceOf(UnauthorizedRequest);
    await expect(authenticator().authenticate({}, [])).rejects.toBeInstanceOf(UnauthorizedRequest);
  });
});
