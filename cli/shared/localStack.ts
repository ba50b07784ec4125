// The running local stack as a client finds it: the URLs `npm run dev` writes to
// <data dir>/endpoints.json, and organizer tokens from its issuer (what `npm run token` does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Endpoints } from '../../local/endpoints';
import { ENDPOINTS_FILE } from '../../local/paths';
import { LocalStackError } from './errors';
import { causeOf } from './graphqlClient';

export function readEndpoints(dataDir: string): Endpoints {
  const file = join(dataDir, ENDPOINTS_FILE);
  let endpoints: Endpoints;
  try {
    endpoints = JSON.parse(readFileSync(file, 'utf8')) as Endpoints;
  } catch {
    throw new LocalStackError(`No running local stack found (${file} is missing): start it with \`npm run dev\` first, or give --token and --url for a deployed API.`);
  }
  if (!endpoints.graphqlUrl) throw new LocalStackError(`The local stack in ${file} has no GraphQL API.`);
  return endpoints;
}

/** An ID token for the organizer with this email, from the local issuer. */
export async function localIdToken(endpoints: Endpoints, email: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(endpoints.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
  } catch (error) {
    throw new LocalStackError(`The local stack does not answer at ${endpoints.tokenUrl} (${causeOf(error)}): is \`npm run dev\` still running?`);
  }
  const body = (await response.json().catch(() => ({}))) as { idToken?: string; message?: string };
  if (!response.ok || !body.idToken) throw new LocalStackError(`No token for ${email}: ${body.message ?? `HTTP ${response.status}`}`);
  return body.idToken;
}
