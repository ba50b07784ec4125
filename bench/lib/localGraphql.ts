// GraphQL over HTTP to the local API as a client sends it: one keep-alive connection, auth
// headers given (an API key, a Cognito token) or a SigV4 signature (IAM) made beforehand,
// so that signing is not part of what is timed.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { Agent, request } from 'node:http';
import type { Endpoints } from '../../local/endpoints';

export type GraphqlBody = { data?: Record<string, any> | null; errors?: { message: string; errorType?: string }[] };

export class LocalGraphql {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(private readonly endpoints: Endpoints) {
    this.url = new URL(endpoints.graphqlUrl);
  }

  /** Posts `body` (a JSON text) with `headers`; rejects when the answer carries errors. */
  post(body: string, headers: Record<string, string>): Promise<GraphqlBody> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          hostname: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            const parsed = JSON.parse(text) as GraphqlBody;
            if (res.statusCode !== 200 || parsed.errors) reject(new Error(text));
            else resolve(parsed);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The headers of an IAM call (SigV4, service appsync, the local credentials) for `body`. */
  async iamHeaders(body: string): Promise<Record<string, string>> {
    const signer = new SignatureV4({ service: 'appsync', region: this.endpoints.region, credentials: this.endpoints.credentials, sha256: Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      port: Number(this.url.port),
      path: this.url.pathname,
      headers: { host: this.url.host, 'content-type': 'application/json' },
      body,
    });
    return signed.headers as Record<string, string>;
  }

  /** An ID token for `email` from the local issuer (a new address plays the sign-up). */
  async idToken(email: string): Promise<{ idToken: string; sub: string }> {
    const response = await fetch(this.endpoints.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { idToken: string; sub: string };
  }

  close() {
    this.agent.destroy();
  }
}

/** An event of `organizer` (its ID token) with `guests` invited, through the API. */
export async function eventWithGuests(api: LocalGraphql, idToken: string, guests: string[]): Promise<string> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString();
  const created = await api.post(
    JSON.stringify({
      query: 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      variables: { input: { title: 'Bench', startsAt, endsAt, timeZone: 'Europe/Paris' } },
    }),
    { authorization: idToken },
  );
  const eventId = created.data!.createEvent.id as string;
  if (guests.length > 0) {
    await api.post(
      JSON.stringify({
        query: 'mutation ($e: ID!, $a: [AttendeeInput!]!) { inviteAttendees(eventId: $e, attendees: $a) { invited { email } } }',
        variables: { e: eventId, a: guests.map((email) => ({ email })) },
      }),
      { authorization: idToken },
    );
  }
  return eventId;
}
