// `npm run -s token -- --email <address> [--sub <id>] [--groups admins] [--access] [--expires-in <s>]`
// Prints a Cognito token the running local API accepts: an ID token, or an access token
// with --access. Asks the local issuer of `npm run dev` (found in .data/endpoints.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, ENDPOINTS_FILE } from './paths';
import type { Endpoints } from './stack';

async function main() {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      email: { type: 'string' },
      username: { type: 'string' },
      groups: { type: 'string' },
      access: { type: 'boolean', default: false },
      'expires-in': { type: 'string' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
    },
  });
  if (!values.sub && !values.email) throw new Error('Give --email <address> (and optionally --sub <id>).');
  let endpoints: Endpoints;
  try {
    endpoints = JSON.parse(readFileSync(join(values['data-dir']!, ENDPOINTS_FILE), 'utf8')) as Endpoints;
  } catch {
    throw new Error('No running local stack found (.data/endpoints.json is missing): start it with `npm run dev` first.');
  }
  let response: Response;
  try {
    response = await fetch(endpoints.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sub: values.sub,
        email: values.email,
        username: values.username,
        groups: values.groups ? values.groups.split(',').map((g) => g.trim()).filter(Boolean) : undefined,
        expiresIn: values['expires-in'] ? Number(values['expires-in']) : undefined,
      }),
    });
  } catch {
    throw new Error(`The local stack does not answer at ${endpoints.tokenUrl}: is \`npm run dev\` still running?`);
  }
  const body = (await response.json()) as { idToken?: string; accessToken?: string; message?: string };
  if (!response.ok) throw new Error(body.message ?? `token request failed (${response.status})`);
  process.stdout.write(`${values.access ? body.accessToken : body.idToken}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
