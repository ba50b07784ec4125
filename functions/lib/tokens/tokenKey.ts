// The token key: the secret TOKEN_SECRET_ARN names (its current version), read once per
// container and kept for a few minutes, so a rotation reaches running containers soon
// without a read per message.
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsManager } from '../aws/secretsManager';
import { requireEnv } from '../env';

/** How long a container keeps the key it read. */
export const TOKEN_KEY_CACHE_MS = 5 * 60_000;
/** Shorter keys are refused: HMAC-SHA256 wants at least 32 bytes of key. */
const MIN_KEY_LENGTH = 32;

let cached: { key: Buffer; until: number } | undefined;

export async function tokenKey(now = Date.now()): Promise<Buffer> {
  if (cached && cached.until > now) return cached.key;
  const { TOKEN_SECRET_ARN } = requireEnv(['TOKEN_SECRET_ARN']);
  const out = await secretsManager().send(new GetSecretValueCommand({ SecretId: TOKEN_SECRET_ARN }));
  const value = out.SecretString ?? (out.SecretBinary ? Buffer.from(out.SecretBinary).toString('utf8') : '');
  if (value.length < MIN_KEY_LENGTH) throw new Error(`the token secret ${TOKEN_SECRET_ARN} holds ${value.length} characters; at least ${MIN_KEY_LENGTH} are needed`);
  cached = { key: Buffer.from(value, 'utf8'), until: now + TOKEN_KEY_CACHE_MS };
  return cached.key;
}
