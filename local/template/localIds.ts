// Deterministic stand-ins for the names and ids AWS assigns, derived from the stack name
// and logical id, so that they stay the same across restarts (persisted tables keep
// matching their resources) and look like what AWS returns.
import { createHash } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

function encode(seed: string, alphabet: string, length: number): string {
  const bytes = digest(seed);
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[bytes[i % bytes.length] % alphabet.length];
  return out;
}

/** `abcdefghijklmnopqrstuvwxyz` style ids (AppSync API and function ids, Cognito client ids). */
export function lowerId(seed: string, length = 26): string {
  return encode(seed, ALNUM, length);
}

/** Mixed-case ids (the part of a Cognito user pool id after the region). */
export function mixedId(seed: string, length = 9): string {
  return encode(seed, BASE62, length);
}

/** The random suffix CloudFormation appends to generated physical names. */
export function nameSuffix(seed: string): string {
  return encode(seed, BASE62.slice(0, 26) + '0123456789', 12);
}

/** The `<url-id>` of a function URL (`https://<url-id>.lambda-url.<region>.on.aws`): 32 lower-case characters. */
export function functionUrlId(stackName: string, logicalId: string): string {
  return lowerId(`${stackName}/${logicalId}`, 32);
}
