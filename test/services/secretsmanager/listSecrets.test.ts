// ListSecrets with Filters, order and pages, as the API reference describes them:
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Filter.html
import { CreateSecretCommand, ListSecretsCommand, type Filter, type ListSecretsCommandInput } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../local/shared/clock';
import { startSecretsManager, type SecretsManagerHarness } from './harness';

let h: SecretsManagerHarness;
const clock = new ManualClock();

const names = async (Filters?: Filter[], extra: ListSecretsCommandInput = {}) =>
  (await h.client.send(new ListSecretsCommand({ Filters, ...extra }))).SecretList!.map((s) => s.Name);

beforeAll(async () => {
  h = await startSecretsManager({ clock });
  const secrets: ConstructorParameters<typeof CreateSecretCommand>[0][] = [
    { Name: 'DatabaseSecret', Description: 'Primary database', Tags: [{ Key: 'team', Value: 'data' }] },
    { Name: 'databaseSecret', Description: 'lower-case twin', Tags: [{ Key: 'env', Value: 'dev' }] },
    { Name: 'MyData', Description: 'Mail credentials', Tags: [{ Key: 'team', Value: 'mail' }] },
    { Name: 'smtp/password', SecretString: 'p', Tags: [{ Key: 'Owner', Value: 'DataTeam' }] },
  ];
  for (const secret of secrets) {
    await h.client.send(new CreateSecretCommand(secret));
    clock.advance(1000);
  }
});
afterAll(() => h.stop());

describe('ListSecrets', () => {
  it('lists every secret, oldest first, with its metadata and versions', async () => {
    const SecretList = (await h.client.send(new ListSecretsCommand({}))).SecretList!;
    expect(SecretList.map((s) => s.Name)).toEqual(['DatabaseSecret', 'databaseSecret', 'MyData', 'smtp/password']);
    expect(SecretList[3]).toMatchObject({ Name: 'smtp/password', Tags: [{ Key: 'Owner', Value: 'DataTeam' }] });
    expect(Object.values(SecretList[3]!.SecretVersionsToStages!)).toEqual([['AWSCURRENT']]);
    expect(SecretList[3]!.CreatedDate).toEqual(new Date(clock.now() - 1000));
    expect(await names(undefined, { SortOrder: 'desc' })).toEqual(['smtp/password', 'MyData', 'databaseSecret', 'DatabaseSecret']);
  });

  it('matches the start of the name, case-sensitively ("Name: Data returns DatabaseSecret but not databaseSecret or MyData")', async () => {
    expect(await names([{ Key: 'name', Values: ['Data'] }])).toEqual(['DatabaseSecret']);
  });

  it('matches the start of the description without regard to case', async () => {
    expect(await names([{ Key: 'description', Values: ['primary'] }])).toEqual(['DatabaseSecret']);
    expect(await names([{ Key: 'description', Values: ['MAIL'] }])).toEqual(['MyData']);
  });

  it('matches tag keys and values, case-sensitively', async () => {
    expect(await names([{ Key: 'tag-key', Values: ['team'] }])).toEqual(['DatabaseSecret', 'MyData']);
    expect(await names([{ Key: 'tag-value', Values: ['Data'] }])).toEqual(['smtp/password']);
  });

  it('takes any of a filter\'s values, requires every filter, and negates a value with !', async () => {
    expect(await names([{ Key: 'tag-value', Values: ['data', 'dev'] }])).toEqual(['DatabaseSecret', 'databaseSecret']);
    expect(await names([{ Key: 'tag-key', Values: ['team'] }, { Key: 'description', Values: ['mail'] }])).toEqual(['MyData']);
    expect(await names([{ Key: 'name', Values: ['!Data'] }])).toEqual(['databaseSecret', 'MyData', 'smtp/password']);
  });

  it('searches words of every attribute with the all key, without regard to case', async () => {
    expect(await names([{ Key: 'all', Values: ['PASSWORD'] }])).toEqual(['smtp/password']);
    // "credsDatabase#892" searches for creds, Database and 892.
    expect(await names([{ Key: 'all', Values: ['twinMail'] }])).toEqual(['databaseSecret', 'MyData']);
  });

  it('pages with MaxResults and NextToken', async () => {
    const first = await h.client.send(new ListSecretsCommand({ MaxResults: 3 }));
    expect(first.SecretList).toHaveLength(3);
    const second = await h.client.send(new ListSecretsCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(second.SecretList!.map((s) => s.Name)).toEqual(['smtp/password']);
    expect(second.NextToken).toBeUndefined();
  });
});
