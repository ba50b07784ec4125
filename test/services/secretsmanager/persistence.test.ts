// Secrets kept in `<dataDir>/secretsmanager/` across restarts: the template's are made once and
// keep their value, as a deployed stack's secrets do, until the template changes how they are
// made; those created through the API stay as they are.
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { startSecretsManager, type SecretsManagerHarness } from './harness';
import { secretsTemplate } from './templateStack';

let dataDir: string;
let template: CfnTemplate;
let changedTemplate: CfnTemplate;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-secretsmanager-'));
  template = secretsTemplate();
  changedTemplate = secretsTemplate({ dbPasswordLength: 24, withoutFixed: true });
}, 60_000); // loading aws-cdk-lib and synthesizing take seconds
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function session<T>(template: CfnTemplate, work: (h: SecretsManagerHarness) => Promise<T>): Promise<T> {
  const h = await startSecretsManager({ template, dataDir });
  try {
    return await work(h);
  } finally {
    await h.stop();
  }
}

/** An answer without its request's metadata. */
const content = <T extends { $metadata: unknown }>({ $metadata: _, ...rest }: T) => rest;
const get = (h: SecretsManagerHarness, SecretId: string, VersionStage?: string) => h.client.send(new GetSecretValueCommand({ SecretId, VersionStage }));

describe('a data directory', () => {
  it('keeps generated passwords, API secrets and their versions across a restart, in a file only the owner reads', async () => {
    const first = await session(template, async (h) => {
      await h.client.send(new CreateSecretCommand({ Name: 'api/made', SecretString: 'one', Tags: [{ Key: 'k', Value: 'v' }] }));
      await h.client.send(new PutSecretValueCommand({ SecretId: 'api/made', SecretString: 'two' }));
      return { db: content(await get(h, 'app/db')), made: content(await h.client.send(new DescribeSecretCommand({ SecretId: 'api/made' }))) };
    });
    expect(statSync(join(dataDir, 'secretsmanager', 'secrets.json')).mode & 0o777).toBe(0o600);

    await session(template, async (h) => {
      expect(content(await get(h, 'app/db'))).toEqual(first.db);
      expect(content(await h.client.send(new DescribeSecretCommand({ SecretId: 'api/made' })))).toEqual(first.made);
      expect((await get(h, 'api/made', 'AWSPREVIOUS')).SecretString).toBe('one');
    });
  });

  it('makes a new AWSCURRENT version when the template changes GenerateSecretString, and deletes a secret taken out of it', async () => {
    const before = await session(template, async (h) => (await get(h, 'app/db')).SecretString);
    await session(changedTemplate, async (h) => {
      const current = JSON.parse((await get(h, 'app/db')).SecretString!);
      expect(current.password).toMatch(/^[A-Za-z0-9]{24}$/);
      expect((await get(h, 'app/db', 'AWSPREVIOUS')).SecretString).toBe(before);
      await expect(h.client.send(new DescribeSecretCommand({ SecretId: 'app/fixed' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      // Secrets created through the API are not the template's to delete.
      expect((await get(h, 'api/made')).SecretString).toBe('two');
    });
  });
});
