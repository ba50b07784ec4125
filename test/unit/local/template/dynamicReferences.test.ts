// `{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}`, as
// CloudFormation documents it: every segment after the secret id optional, the id a name or an
// ARN, a stage or an id but not both.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html
import { describe, expect, it } from 'vitest';
import { hasDynamicReference, parseSecretReference, replaceDynamicReferences } from '../../../../local/template/dynamicReferences';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:db/admin-AbC123';

describe('parseSecretReference', () => {
  it('reads a bare secret name as the whole value of AWSCURRENT', () => {
    expect(parseSecretReference('MySecret')).toEqual({ secretId: 'MySecret' });
  });

  it('reads a json key, a version stage and a version id', () => {
    expect(parseSecretReference('MySecret:SecretString:password')).toEqual({ secretId: 'MySecret', jsonKey: 'password' });
    expect(parseSecretReference('MySecret:SecretString:password:AWSPREVIOUS')).toEqual({ secretId: 'MySecret', jsonKey: 'password', versionStage: 'AWSPREVIOUS' });
    expect(parseSecretReference('MySecret:SecretString:password::0b2b6c2e-1f7a-4f1b-9b9a-3c9a2f7a1d11')).toEqual({
      secretId: 'MySecret',
      jsonKey: 'password',
      versionId: '0b2b6c2e-1f7a-4f1b-9b9a-3c9a2f7a1d11',
    });
  });

  it('treats the empty segments CDK writes as absent', () => {
    expect(parseSecretReference('MySecret:SecretString:::')).toEqual({ secretId: 'MySecret' });
    expect(parseSecretReference('MySecret:SecretString::AWSCURRENT:')).toEqual({ secretId: 'MySecret', versionStage: 'AWSCURRENT' });
  });

  it('keeps the colons of an ARN in the secret id', () => {
    expect(parseSecretReference(ARN)).toEqual({ secretId: ARN });
    expect(parseSecretReference(`${ARN}:SecretString:username::`)).toEqual({ secretId: ARN, jsonKey: 'username' });
    // A partial ARN (no 6-character suffix) is an id too.
    expect(parseSecretReference('arn:aws:secretsmanager:us-east-1:000000000000:secret:db/admin:SecretString:host')).toEqual({
      secretId: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:db/admin',
      jsonKey: 'host',
    });
  });

  it('refuses what the pattern does not allow', () => {
    expect(() => parseSecretReference('')).toThrow(/names no secret/);
    expect(() => parseSecretReference('arn:aws:secretsmanager:us-east-1')).toThrow(/names no secret/);
    expect(() => parseSecretReference('MySecret:SecretBinary')).toThrow(/must be SecretString, not SecretBinary/);
    expect(() => parseSecretReference('MySecret:SecretString:k:AWSCURRENT:v1')).toThrow(/not both/);
    expect(() => parseSecretReference('MySecret:SecretString:k:::extra')).toThrow(/more segments/);
  });
});

describe('replaceDynamicReferences', () => {
  const answers: Record<string, string> = { 'db:SecretString:user::': 'admin', 'db:SecretString:password::': 'p@ss' };
  const resolve = (service: string, parameter: string) => (service === 'secretsmanager' ? answers[parameter] : undefined);

  it('replaces every reference in a string, keeping the text around them', () => {
    const text = 'postgres://{{resolve:secretsmanager:db:SecretString:user::}}:{{resolve:secretsmanager:db:SecretString:password::}}@localhost/app';
    expect(hasDynamicReference(text)).toBe(true);
    expect(replaceDynamicReferences(text, resolve)).toBe('postgres://admin:p@ss@localhost/app');
  });

  it('hands the resolver the service, the parameter and the whole reference', () => {
    const seen: string[][] = [];
    replaceDynamicReferences('{{resolve:ssm:/app/flag:3}} and {{resolve:ssm-secure:/app/key}}', (...args) => void seen.push(args));
    expect(seen).toEqual([
      ['ssm', '/app/flag:3', '{{resolve:ssm:/app/flag:3}}'],
      ['ssm-secure', '/app/key', '{{resolve:ssm-secure:/app/key}}'],
    ]);
  });

  it('leaves a reference the resolver does not answer as written', () => {
    const text = 'a {{resolve:ssm:/app/flag}} b {{resolve:secretsmanager:db:SecretString:user::}}';
    expect(replaceDynamicReferences(text, resolve)).toBe('a {{resolve:ssm:/app/flag}} b admin');
  });

  it('leaves strings without a reference alone', () => {
    expect(hasDynamicReference('{{not a reference}}')).toBe(false);
    expect(replaceDynamicReferences('{{resolve:}} {resolve:secretsmanager:x}', () => 'X')).toBe('{{resolve:}} {resolve:secretsmanager:x}');
  });
});
