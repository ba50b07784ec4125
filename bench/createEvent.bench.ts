// How much the local AppSync adds to a request: createEvent through the local API (HTTP,
// auth, validation, the sandboxed pipeline of four functions) against the same DynamoDB
// calls made directly with the SDK (GetItem of the organizer, then the TransactWriteItems
// that puts the event and counts it). Same DynamoDB Local, same machine, interleaved rounds;
// prints the median per call and the ratio, and writes bench/results/createEvent.json.
// Usage: npm run bench -- createEvent   (needs cdk.out: npm run synth)
import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { DEFAULT_CDK_OUT } from '../local/paths';
import { localClientConfig } from '../local/shared/localCredentials';
import { setLogLevel } from '../local/shared/logger';
import { startLocalStack } from '../local/stack';
import { eventKey, organizerKey } from '../resolvers/lib/keys';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PER_ROUND = Number(process.env.BENCH_CALLS ?? 60);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
setLogLevel('warn');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT });
  try {
    const e = stack.endpoints;
    const table = Object.values(e.tables)[0];
    const client = new DynamoDBClient(localClientConfig(e.dynamodbUrl));
    const tokens = (await (await fetch(e.tokenUrl, { method: 'POST', body: JSON.stringify({ email: 'bench@example.com' }) })).json()) as { idToken: string; sub: string };
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(e.graphqlUrl);
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString();
    const body = JSON.stringify({
      query: 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      variables: { input: { title: 'Bench', startsAt, endsAt, timeZone: 'Europe/Paris' } },
    });

    const viaApi = () =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          { agent, hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: tokens.idToken, 'content-length': Buffer.byteLength(body) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              if (text.includes('"errors"')) reject(new Error(text));
              else resolve();
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    // The DynamoDB calls the resolver pipeline makes, without AppSync around them.
    const direct = async () => {
      const organizer = await client.send(new GetItemCommand({ TableName: table, Key: marshall(organizerKey(tokens.sub)) }));
      if (!organizer.Item) throw new Error('organizer missing');
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: marshall({ ...eventKey(id), id, organizerId: tokens.sub, title: 'Bench', startsAt, endsAt, timeZone: 'Europe/Paris', status: 'ACTIVE', sequence: 0, version: 1, createdAt: now, updatedAt: now }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: table,
                Key: marshall(organizerKey(tokens.sub)),
                UpdateExpression: 'SET #active = #active + :one, #updatedAt = :now ADD #stats.#created :one',
                ConditionExpression: '#status = :active AND #active < #limits.#max',
                ExpressionAttributeNames: { '#active': 'activeEvents', '#updatedAt': 'updatedAt', '#stats': 'stats', '#created': 'eventsCreated', '#status': 'status', '#limits': 'limits', '#max': 'maxActiveEvents' },
                ExpressionAttributeValues: marshall({ ':one': 1, ':now': now, ':active': 'ACTIVE' }),
              },
            },
          ],
        }),
      );
    };

    // Register the organizer and lift its limit so that every create succeeds.
    await viaApi();
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: marshall(organizerKey(tokens.sub)),
        UpdateExpression: 'SET #limits.#max = :max',
        ExpressionAttributeNames: { '#limits': 'limits', '#max': 'maxActiveEvents' },
        ExpressionAttributeValues: marshall({ ':max': 1_000_000 }),
      }),
    );

    const timeRound = async (fn: () => Promise<void>) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < PER_ROUND; i += 1) await fn();
      return Number(process.hrtime.bigint() - started) / 1e6 / PER_ROUND;
    };
    // Warm both paths (JIT, connections, DynamoDB Local's caches).
    await timeRound(viaApi);
    await timeRound(direct);
    const apiMs: number[] = [];
    const directMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      apiMs.push(await timeRound(viaApi));
      directMs.push(await timeRound(direct));
    }
    const result = {
      benchmark: 'createEvent',
      question: 'createEvent through the local API vs the same DynamoDB calls made directly',
      rounds: ROUNDS,
      callsPerRound: PER_ROUND,
      apiMsPerCall: median(apiMs),
      directMsPerCall: median(directMs),
      ratio: median(apiMs) / median(directMs),
      measuredAt: new Date().toISOString(),
    };
    console.log(
      `createEvent: local API ${result.apiMsPerCall.toFixed(2)} ms/call, direct DynamoDB ${result.directMsPerCall.toFixed(2)} ms/call, ratio ${result.ratio.toFixed(2)}`,
    );
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/createEvent.json', `${JSON.stringify(result, null, 2)}\n`);
    agent.destroy();
    client.destroy();
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
