// Secrets and their versions over the wire, as the API reference describes them:
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../local/shared/clock';
import { startSecretsManager, type SecretsManagerHarness } from './harness';

let h: SecretsManagerHarness;
const clock = new ManualClock(Date.UTC(2030, 0, 15, 9, 30));
const ARN = /^arn:aws:secretsmanager:us-east-1:000000000000:secret:([A-Za-z0-9/_+=.@-]+)-[A-Za-z0-9]{6}$/;
const token = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const get = (SecretId: string, by: { VersionStage?: string; VersionId?: string } = {}) => h.client.send(new GetSecretValueCommand({ SecretId, ...by }));
const stages = async (SecretId: string) => (await h.client.send(new DescribeSecretCommand({ SecretId }))).VersionIdsToStages;

beforeAll(async () => {
  h = await startSecretsManager({ clock });
});
afterAll(() => h.stop());

describe('CreateSecret and GetSecretValue', () => {
  it('creates a secret whose first version is AWSCURRENT, with the ClientRequestToken as its VersionId', async () => {
    const created = await h.client.send(new CreateSecretCommand({ Name: 'app/db', SecretString: '{"user":"admin"}', ClientRequestToken: token(1) }));
    expect(created).toMatchObject({ ARN: expect.stringMatching(ARN), Name: 'app/db', VersionId: token(1) });
    expect(ARN.exec(created.ARN!)![1]).toBe('app/db');

    const value = await get('app/db');
    expect(value).toMatchObject({ ARN: created.ARN, Name: 'app/db', VersionId: token(1), SecretString: '{"user":"admin"}', VersionStages: ['AWSCURRENT'] });
    expect(value.CreatedDate).toEqual(new Date(clock.now()));
    expect(value.SecretBinary).toBeUndefined();
  });

  it('fills in the ClientRequestToken itself when the caller gives none, as the SDK does', async () => {
    const created = await h.client.send(new CreateSecretCommand({ Name: 'app/sdk-token', SecretString: 'x' }));
    expect(created.VersionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('finds a secret by name, full ARN and partial ARN', async () => {
    const { ARN: arn } = await h.client.send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    for (const SecretId of ['app/db', arn!, arn!.slice(0, -7)]) expect((await get(SecretId)).SecretString).toBe('{"user":"admin"}');
  });

  it('keeps a binary secret as bytes', async () => {
    const bytes = new Uint8Array([0, 1, 2, 0xfe, 0xff]);
    await h.client.send(new CreateSecretCommand({ Name: 'app/key', SecretBinary: bytes }));
    const value = await get('app/key');
    expect(value.SecretBinary).toEqual(bytes);
    expect(value.SecretString).toBeUndefined();
  });

  it('creates an empty secret without a version when no value is given', async () => {
    const created = await h.client.send(new CreateSecretCommand({ Name: 'app/empty', Description: 'filled later' }));
    expect(created.VersionId).toBeUndefined();
    const described = await h.client.send(new DescribeSecretCommand({ SecretId: 'app/empty' }));
    expect([described.Description, described.VersionIdsToStages]).toEqual(['filled later', undefined]);
  });

  it('answers a retried CreateSecret (same token, same value) with the same version', async () => {
    const input = { Name: 'app/retried', SecretString: 'v', ClientRequestToken: token(50) };
    const first = await h.client.send(new CreateSecretCommand(input));
    const again = await h.client.send(new CreateSecretCommand(input));
    expect([again.ARN, again.VersionId]).toEqual([first.ARN, first.VersionId]);
  });
});

describe('PutSecretValue and staging labels', () => {
  it('moves AWSCURRENT to each new version and AWSPREVIOUS to the one it left', async () => {
    await h.client.send(new CreateSecretCommand({ Name: 'rotating', SecretString: 'one', ClientRequestToken: token(11) }));
    clock.advance(1000);
    const second = await h.client.send(new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'two', ClientRequestToken: token(12) }));
    expect(second).toMatchObject({ Name: 'rotating', VersionId: token(12), VersionStages: ['AWSCURRENT'] });
    expect(await stages('rotating')).toEqual({ [token(11)]: ['AWSPREVIOUS'], [token(12)]: ['AWSCURRENT'] });
    expect((await get('rotating', { VersionStage: 'AWSPREVIOUS' })).SecretString).toBe('one');

    await h.client.send(new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'three', ClientRequestToken: token(13) }));
    // The first version lost its last label: deprecated, left out of VersionIdsToStages, still readable by id.
    expect(await stages('rotating')).toEqual({ [token(12)]: ['AWSPREVIOUS'], [token(13)]: ['AWSCURRENT'] });
    const old = await get('rotating', { VersionId: token(11) });
    expect([old.SecretString, old.VersionStages]).toEqual(['one', []]);
    expect((await get('rotating')).SecretString).toBe('three');
  });

  it('lists deprecated versions only with IncludeDeprecated', async () => {
    const ids = async (IncludeDeprecated?: boolean) =>
      (await h.client.send(new ListSecretVersionIdsCommand({ SecretId: 'rotating', IncludeDeprecated }))).Versions!.map((v) => v.VersionId).sort();
    expect(await ids()).toEqual([token(12), token(13)]);
    expect(await ids(true)).toEqual([token(11), token(12), token(13)]);
  });

  it('attaches the labels given instead of AWSCURRENT, and UpdateSecretVersionStage promotes the version', async () => {
    await h.client.send(new CreateSecretCommand({ Name: 'staged', SecretString: 'live', ClientRequestToken: token(21) }));
    const pending = await h.client.send(new PutSecretValueCommand({ SecretId: 'staged', SecretString: 'next', ClientRequestToken: token(22), VersionStages: ['AWSPENDING'] }));
    expect(pending.VersionStages).toEqual(['AWSPENDING']);
    expect((await get('staged')).SecretString).toBe('live');
    expect((await get('staged', { VersionStage: 'AWSPENDING' })).SecretString).toBe('next');

    await h.client.send(new UpdateSecretVersionStageCommand({ SecretId: 'staged', VersionStage: 'AWSCURRENT', MoveToVersionId: token(22), RemoveFromVersionId: token(21) }));
    expect(await stages('staged')).toEqual({ [token(21)]: ['AWSPREVIOUS'], [token(22)]: ['AWSPENDING', 'AWSCURRENT'] });
    expect((await get('staged')).SecretString).toBe('next');
  });

  it('attaches AWSCURRENT to the first version of a secret, whatever labels are given', async () => {
    await h.client.send(new CreateSecretCommand({ Name: 'first-put' }));
    const first = await h.client.send(new PutSecretValueCommand({ SecretId: 'first-put', SecretString: 'v', VersionStages: ['AWSPENDING'] }));
    expect(first.VersionStages).toEqual(['AWSPENDING', 'AWSCURRENT']);
    expect((await get('first-put')).SecretString).toBe('v');
  });

  it('ignores a repeated PutSecretValue with the same token and value', async () => {
    const again = await h.client.send(new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'three', ClientRequestToken: token(13) }));
    expect(again).toMatchObject({ VersionId: token(13), VersionStages: ['AWSCURRENT'] });
    expect((await h.client.send(new ListSecretVersionIdsCommand({ SecretId: 'rotating', IncludeDeprecated: true }))).Versions).toHaveLength(3);
  });
});

describe('DescribeSecret', () => {
  it('reports description, tags and dates, LastAccessedDate as the day of the last read', async () => {
    clock.advance(60_000);
    const createdAt = new Date(clock.now());
    await h.client.send(new CreateSecretCommand({ Name: 'described', Description: 'Mail API key', SecretString: 'k', Tags: [{ Key: 'team', Value: 'mail' }] }));
    let described = await h.client.send(new DescribeSecretCommand({ SecretId: 'described' }));
    expect(described).toMatchObject({ Name: 'described', Description: 'Mail API key', Tags: [{ Key: 'team', Value: 'mail' }], CreatedDate: createdAt, LastChangedDate: createdAt });
    expect(described.LastAccessedDate).toBeUndefined();

    clock.advance(3 * 3600_000);
    await get('described');
    described = await h.client.send(new DescribeSecretCommand({ SecretId: 'described' }));
    expect(described.LastAccessedDate).toEqual(new Date(Date.UTC(2030, 0, 15)));
  });
});

describe('GetRandomPassword', () => {
  it('makes 32 characters of every type by default, and follows the exclusions', async () => {
    expect((await h.client.send(new GetRandomPasswordCommand({}))).RandomPassword).toHaveLength(32);
    // Long enough that an excluded character would show up if it were allowed.
    const { RandomPassword: plain } = await h.client.send(new GetRandomPasswordCommand({ PasswordLength: 1024, ExcludePunctuation: true, ExcludeCharacters: 'aeiou0' }));
    expect(plain).toMatch(/^[A-Za-z0-9]{1024}$/);
    expect(plain).not.toMatch(/[aeiou0]/);
    for (const type of [/[a-z]/, /[A-Z]/, /[1-9]/]) expect(plain).toMatch(type);
  });
});
