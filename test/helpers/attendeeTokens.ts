// Attendee tokens as the invitations carry them, made with the stack's own key (read from the
// local Secrets Manager, as the functions read it).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { attendeeToken } from '../../functions/lib/tokens/attendeeTokens';
import { endpoints } from './api';

let key: Promise<Buffer> | undefined;

function tokenKey(): Promise<Buffer> {
  key ??= (async () => {
    const e = endpoints();
    const secret = Object.values(e.resources).find((r) => r.type === 'AWS::SecretsManager::Secret');
    if (!secret) throw new Error('the stack has no secret');
    const client = new SecretsManagerClient({ region: e.region, endpoint: e.aws.secrets_manager, credentials: e.credentials });
    const out = await client.send(new GetSecretValueCommand({ SecretId: secret.ref }));
    return Buffer.from(out.SecretString!, 'utf8');
  })();
  return key;
}

export async function tokenFor(eventId: string, email: string): Promise<string> {
  return attendeeToken(await tokenKey(), eventId, email);
}
