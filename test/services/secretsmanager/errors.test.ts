// Errors with the types the API reference lists for each operation, in the AWS JSON 1.1 shape
// @aws-sdk/client-secrets-manager turns into its exception classes, and refused signatures.
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidNextTokenException,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localClientConfig } from '../../../local/shared/localCredentials';
import { startSecretsManager, type SecretsManagerHarness } from './harness';

let h: SecretsManagerHarness;
const TOKEN = '11111111-2222-4333-8444-555555555555';

beforeAll(async () => {
  h = await startSecretsManager();
  await h.client.send(new CreateSecretCommand({ Name: 'existing', SecretString: 'v1', ClientRequestToken: TOKEN }));
  await h.client.send(new CreateSecretCommand({ Name: 'empty' }));
});
afterAll(() => h.stop());

async function failure(send: Promise<unknown>): Promise<SecretsManagerServiceException> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretsManagerServiceException);
  return error as SecretsManagerServiceException;
}

/** A request as the SDK would sign it, with a body and target of the test's choosing. */
async function raw(target: string, body: string, sign = true): Promise<{ status: number; type: string }> {
  const url = new URL(h.url);
  const headers = { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target };
  const signer = new SignatureV4({ service: 'secretsmanager', region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, sha256: Sha256 });
  const signed = sign ? (await signer.sign({ method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', headers, body })).headers : headers;
  const response = await fetch(`${h.url}/`, { method: 'POST', headers: signed, body });
  return { status: response.status, type: ((await response.json()) as { __type: string }).__type };
}

describe('ResourceNotFoundException', () => {
  it('answers a secret that does not exist', async () => {
    const missingArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:missing-AbCdEf';
    for (const send of [
      h.client.send(new GetSecretValueCommand({ SecretId: 'missing' })),
      h.client.send(new DescribeSecretCommand({ SecretId: 'missing' })),
      h.client.send(new PutSecretValueCommand({ SecretId: 'missing', SecretString: 'x' })),
      h.client.send(new GetSecretValueCommand({ SecretId: missingArn })),
    ]) {
      const error = await failure(send);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret."]);
      expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers a version stage or version id the secret does not have, and a secret without a value', async () => {
    const stage = await failure(h.client.send(new GetSecretValueCommand({ SecretId: 'existing', VersionStage: 'AWSPREVIOUS' })));
    expect([stage.name, stage.message]).toEqual(['ResourceNotFoundException', "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS"]);
    const version = await failure(h.client.send(new GetSecretValueCommand({ SecretId: 'existing', VersionId: 'no-such-version-id-0000000000000000' })));
    expect(version).toBeInstanceOf(ResourceNotFoundException);
    const empty = await failure(h.client.send(new GetSecretValueCommand({ SecretId: 'empty' })));
    expect([empty.name, empty.message]).toEqual(['ResourceNotFoundException', "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"]);
  });
});

describe('ResourceExistsException', () => {
  it('answers CreateSecret on a name in use', async () => {
    const error = await failure(h.client.send(new CreateSecretCommand({ Name: 'existing', SecretString: 'other' })));
    expect(error).toBeInstanceOf(ResourceExistsException);
    expect(error.message).toBe('The operation failed because the secret existing already exists.');
  });

  it('answers a ClientRequestToken reused with another value: a version never changes', async () => {
    expect(await failure(h.client.send(new PutSecretValueCommand({ SecretId: 'existing', SecretString: 'v2', ClientRequestToken: TOKEN })))).toBeInstanceOf(ResourceExistsException);
    expect((await h.client.send(new GetSecretValueCommand({ SecretId: 'existing' }))).SecretString).toBe('v1');
  });
});

describe('InvalidParameterException and InvalidRequestException', () => {
  it('refuses a name with characters outside /_+=.@- and letters and digits', async () => {
    expect(await failure(h.client.send(new CreateSecretCommand({ Name: 'has space' })))).toBeInstanceOf(InvalidParameterException);
  });

  it('refuses both SecretString and SecretBinary, and PutSecretValue with neither', async () => {
    const both = new CreateSecretCommand({ Name: 'both', SecretString: 'a', SecretBinary: new Uint8Array([1]) });
    expect(await failure(h.client.send(both))).toBeInstanceOf(InvalidParameterException);
    expect(await failure(h.client.send(new PutSecretValueCommand({ SecretId: 'existing' })))).toBeInstanceOf(InvalidRequestException);
  });

  it('refuses a value over 65,536 bytes and a ClientRequestToken outside 32-64 characters', async () => {
    expect(await failure(h.client.send(new PutSecretValueCommand({ SecretId: 'existing', SecretString: 'x'.repeat(65_537) })))).toBeInstanceOf(InvalidParameterException);
    expect(await failure(h.client.send(new PutSecretValueCommand({ SecretId: 'existing', SecretString: 'x', ClientRequestToken: 'short' })))).toBeInstanceOf(InvalidParameterException);
  });

  it('refuses an unknown filter key and MaxResults out of 1-100', async () => {
    const filter = new ListSecretsCommand({ Filters: [{ Key: 'colour' as 'name', Values: ['red'] }] });
    expect(await failure(h.client.send(filter))).toBeInstanceOf(InvalidParameterException);
    expect(await failure(h.client.send(new ListSecretsCommand({ MaxResults: 101 })))).toBeInstanceOf(InvalidParameterException);
  });

  it('refuses a NextToken it did not give with InvalidNextTokenException', async () => {
    expect(await failure(h.client.send(new ListSecretsCommand({ NextToken: 'not-a-token' })))).toBeInstanceOf(InvalidNextTokenException);
  });
});

describe('the wire', () => {
  it('answers an operation it does not have, a missing SecretId and a body that is not JSON', async () => {
    expect(await raw('secretsmanager.RotateSecret', '{"SecretId":"existing"}')).toEqual({ status: 400, type: 'UnknownOperationException' });
    expect(await raw('secretsmanager.toString', '{}')).toEqual({ status: 400, type: 'UnknownOperationException' });
    expect(await raw('secretsmanager.GetSecretValue', '{}')).toEqual({ status: 400, type: 'InvalidParameterException' });
    expect(await raw('secretsmanager.GetSecretValue', '{not json')).toEqual({ status: 400, type: 'SerializationException' });
  });

  it('refuses unsigned requests, unknown access keys and signatures made with another secret key', async () => {
    expect(await raw('secretsmanager.ListSecrets', '{}', false)).toEqual({ status: 403, type: 'MissingAuthenticationTokenException' });
    const refusal = async (credentials: { accessKeyId: string; secretAccessKey: string }) => {
      const client = new SecretsManagerClient({ ...localClientConfig(h.url), credentials });
      const error = await failure(client.send(new ListSecretsCommand({})));
      client.destroy();
      return [error.name, error.$metadata.httpStatusCode];
    };
    expect(await refusal({ ...LOCAL_CREDENTIALS, secretAccessKey: 'wrong' })).toEqual(['InvalidSignatureException', 403]);
    expect(await refusal({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' })).toEqual(['UnrecognizedClientException', 403]);
  });
});
