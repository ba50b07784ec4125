// A small CDK stack for the template secret tests, synthesized in process (no assets): secrets
// made by GenerateSecretString (defaults, exclusions, a JSON template) or given as a string, and
// a function whose environment reads them through `{{resolve:secretsmanager:...}}`.
import { App, SecretValue, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';

export type TemplateOptions = {
  /** The database password's length (a change makes a new version). */
  dbPasswordLength?: number;
  /** Leave the fixed secret out (it is then deleted). */
  withoutFixed?: boolean;
};

export function secretsTemplate(options: TemplateOptions = {}): CfnTemplate {
  const stack = new Stack(new App(), 'SecretsTest');
  new Secret(stack, 'Generated');
  new Secret(stack, 'Token', { secretName: 'mail/api-token', generateSecretString: { passwordLength: 256, excludeCharacters: '"@/\\' } });
  const db = new Secret(stack, 'Db', {
    secretName: 'app/db',
    description: 'Database credentials',
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username: 'admin', port: 5432 }),
      generateStringKey: 'password',
      excludePunctuation: true,
      passwordLength: options.dbPasswordLength ?? 16,
    },
  });
  if (!options.withoutFixed) new Secret(stack, 'Fixed', { secretName: 'app/fixed', secretStringValue: SecretValue.unsafePlainText('{"host":"localhost"}') });
  const field = (jsonField: string, versionStage?: string) => SecretValue.secretsManager(db.secretArn, { jsonField, versionStage }).unsafeUnwrap();
  new CfnFunction(stack, 'Consumer', {
    role: 'arn:aws:iam::000000000000:role/consumer',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    code: { zipFile: 'exports.handler = async () => null;' },
    environment: {
      variables: {
        DB_PASSWORD: field('password'),
        DB_URL: `postgres://${field('username')}:${field('password')}@localhost:${field('port')}/app`,
        TOKEN_BY_NAME: '{{resolve:secretsmanager:mail/api-token}}',
      },
    },
  });
  // Read alone, so that the others resolve while the secret has no AWSPREVIOUS version.
  new CfnFunction(stack, 'Previous', {
    role: 'arn:aws:iam::000000000000:role/consumer',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    code: { zipFile: 'exports.handler = async () => null;' },
    environment: { variables: { DB_PREVIOUS_PASSWORD: field('password', 'AWSPREVIOUS') } },
  });
  return Template.fromStack(stack).toJSON() as CfnTemplate;
}

/** The logical id of the template's resource whose id starts with `prefix`. */
export function logicalId(template: CfnTemplate, prefix: string): string {
  const id = Object.keys(template.Resources).find((key) => key.startsWith(prefix));
  if (!id) throw new Error(`no resource ${prefix}* in the template`);
  return id;
}
