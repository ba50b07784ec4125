// Secret names and ARNs. A secret's ARN is `arn:aws:secretsmanager:<region>:<account>:secret:`
// followed by its name, a hyphen and six random characters; a SecretId is the name, the full
// ARN, or the ARN without those six characters (a partial ARN, which AWS recommends against:
// a name that itself ends in a hyphen and six characters makes it ambiguous).
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html#iam-resources
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot.html#ARN_secretnamehyphen
import { randomInt } from 'node:crypto';
import { invalidParameter } from './errors';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SUFFIX = /-[A-Za-z0-9]{6}$/;

/** "The name can contain ASCII letters, numbers, and the following characters: /_+=.@-" (CreateSecret Name, 1-512). */
const NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

export function randomSuffix(random: (max: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += SUFFIX_ALPHABET[random(SUFFIX_ALPHABET.length)];
  return suffix;
}

export function secretArn(region: string, accountId: string, name: string, suffix: string): string {
  return `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix}`;
}

/** The name in a full ARN (the part after `secret:`, without the suffix). */
export function nameOfSecretArn(arn: string): string {
  return (arn.split(':secret:')[1] ?? arn).replace(SUFFIX, '');
}

/** Whether `secretId` (name, full ARN or partial ARN) names the secret. */
export function namesSecret(secretId: string, secret: { arn: string; name: string }): boolean {
  if (!secretId.startsWith('arn:')) return secretId === secret.name;
  return secretId === secret.arn || secretId === secret.arn.replace(SUFFIX, '');
}

export function checkSecretName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw invalidParameter(
      `Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@! (got ${JSON.stringify(name)}) (local wording)`,
    );
  }
  return name;
}
