// AWS::SecretsManager::Secret from a CDK template: each secret made once with its value
// (SecretString, or a password from GenerateSecretString), and `{{resolve:secretsmanager:...}}`
// in other resources' properties answered with it, as CloudFormation does when it deploys.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-secretsmanager-secret-generatesecretstring.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html
import { DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNT_ID } from '../../../local/shared/localCredentials';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { startSecretsManager, type SecretsManagerHarness } from './harness';
import { logicalId, secretsTemplate } from './templateStack';

let h: SecretsManagerHarness;
let template: CfnTemplate;
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const value = async (SecretId: string) => (await h.client.send(new GetSecretValueCommand({ SecretId }))).SecretString!;
const environment = (prefix = 'Consumer') =>
  (h.model.properties(logicalId(template, prefix)) as { Environment: { Variables: Record<string, string> } }).Environment.Variables;

beforeAll(async () => {
  template = secretsTemplate();
  h = await startSecretsManager({ template });
}, 60_000); // loading aws-cdk-lib and synthesizing take seconds
afterAll(() => h.stop());

describe('secrets of the template', () => {
  it('names them as CloudFormation does: Name, or the logical id and 12 characters, in an ARN with a 6-character suffix', async () => {
    const { SecretList } = await h.client.send(new ListSecretsCommand({}));
    const generatedId = logicalId(template, 'Generated');
    expect(SecretList!.map((s) => s.Name).sort()).toEqual(['app/db', 'app/fixed', expect.stringMatching(new RegExp(`^${generatedId}-[A-Za-z0-9]{12}$`)), 'mail/api-token'].sort());
    const db = await h.client.send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    expect(db.ARN).toBe(h.model.ref(logicalId(template, 'Db')));
    expect(db.ARN).toMatch(new RegExp(`^arn:aws:secretsmanager:us-east-1:${LOCAL_ACCOUNT_ID}:secret:app/db-[A-Za-z0-9]{6}$`));
    expect(db.Description).toBe('Database credentials');
    expect(db.Tags).toEqual(expect.arrayContaining([{ Key: 'aws:cloudformation:logical-id', Value: logicalId(template, 'Db') }, { Key: 'aws:cloudformation:stack-name', Value: 'SecretsTest' }]));
  });

  it('keeps a SecretString as given', async () => {
    expect(await value('app/fixed')).toBe('{"host":"localhost"}');
  });

  it('generates 32 characters of every type for an empty GenerateSecretString', async () => {
    const generated = h.service.vault.records().find((r) => r.template?.logicalId === logicalId(template, 'Generated'))!;
    const password = await value(generated.name);
    expect(password).toHaveLength(32);
    for (const type of [/[a-z]/, /[A-Z]/, /[0-9]/, PUNCTUATION]) expect(password).toMatch(type);
    expect(password).not.toContain(' ');
  });

  it('honours PasswordLength and ExcludeCharacters', async () => {
    // 256 characters: each excluded one would show up with near certainty if it were allowed.
    expect(await value('mail/api-token')).toMatch(/^[^"@/\\ ]{256}$/);
  });

  it('puts the password under GenerateStringKey in the SecretStringTemplate JSON', async () => {
    const json = JSON.parse(await value('app/db'));
    expect(json).toEqual({ username: 'admin', port: 5432, password: expect.stringMatching(/^[A-Za-z0-9]{16}$/) });
  });
});

describe('dynamic references in the template', () => {
  it('replaces every reference in a property with the secret value or one key of its JSON', async () => {
    const db = JSON.parse(await value('app/db'));
    const variables = environment();
    expect(variables.DB_PASSWORD).toBe(db.password);
    // Several references in one string, one of them a JSON number.
    expect(variables.DB_URL).toBe(`postgres://admin:${db.password}@localhost:5432/app`);
    expect(variables.TOKEN_BY_NAME).toBe(await value('mail/api-token'));
  });

  it('fails clearly when a reference asks for a version the secret does not have', () => {
    // A secret made once has no AWSPREVIOUS version yet.
    expect(() => environment('Previous')).toThrow(
      /\{\{resolve:secretsmanager:arn:aws:secretsmanager:[^}]+:SecretString:password:AWSPREVIOUS:\}\}: Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS/,
    );
  });

  it('keeps the value read at deployment when the secret changes later', async () => {
    const before = environment().DB_PASSWORD;
    await h.client.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: JSON.stringify({ username: 'admin', password: 'rotated', port: 5432 }) }));
    expect(environment().DB_PASSWORD).toBe(before);
    // A reference read for the first time reads the secret as it is now.
    expect(environment('Previous').DB_PREVIOUS_PASSWORD).toBe(before);
  });
});
