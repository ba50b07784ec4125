// Hot reload of a running local stack (ReloadableStack.reload): a stack of its own,
// synthesized in two versions that differ only in code, started from the first and reloaded
// from the second while WebSocket subscriptions stay open.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startHotReload, type Synthesize } from '../../../local/dev/hotReload';
import { ReloadableStack } from '../../../local/dev/reloadableStack';
import { setLogLevel } from '../../../local/shared/logger';
import type { Endpoints } from '../../../local/stack';
import { SynthCancelled } from '../../../local/synth';
import { objectKeyOf, readCloudAssembly } from '../../../local/template/cloudAssembly';
import { reloadCloudAssemblies, RELOAD_STACK, type StackVersion } from './stack/reloadStack';

let dirs: Record<StackVersion, string>;
let dev: ReloadableStack;
const scratch = mkdtempSync(join(tmpdir(), 'hot-reload-test-'));

beforeAll(async () => {
  setLogLevel((process.env.LOCAL_LOG as 'info') ?? 'warn');
  dirs = reloadCloudAssemblies();
  dev = await ReloadableStack.start({ cdkOut: dirs.v1, keepAliveMs: 200 });
}, 120_000);

afterAll(async () => {
  await dev?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const endpoints = (): Endpoints => dev.stack!.endpoints;

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(endpoints().graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': endpoints().apiKey },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const ping = (message: string) => graphql('mutation ($m: String!) { ping(message: $m) { message version } }', { m: message });

/** AppSync's realtime protocol (what Amplify and the dashboard speak), recording data frames. */
async function appsyncSubscriber(query: string) {
  const { graphqlUrl, realtimeUrl, apiKey } = endpoints();
  const auth = { host: new URL(graphqlUrl).host, 'x-api-key': apiKey };
  const header = Buffer.from(JSON.stringify(auth)).toString('base64');
  const socket = new WebSocket(`${realtimeUrl}?header=${encodeURIComponent(header)}&payload=e30=`, ['graphql-ws']);
  const frames: { type: string; id?: string; payload?: any }[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await vi.waitFor(() => expect(frames.map((f) => f.type)).toContain('connection_ack'));
  const start = async (id: string) => {
    socket.send(JSON.stringify({ type: 'start', id, payload: { data: JSON.stringify({ query }), extensions: { authorization: auth } } }));
    await vi.waitFor(() => expect(frames).toContainEqual({ type: 'start_ack', id }));
  };
  await start('1');
  return {
    socket,
    start,
    data: (id = '1') => frames.filter((f) => f.type === 'data' && f.id === id).map((f) => f.payload.data),
  };
}

/** The graphql-ws package's client (graphql-transport-ws), recording results. */
function graphqlWsSubscriber(query: string): { client: Client; data: unknown[] } {
  const client = createClient({ url: endpoints().wsUrl, webSocketImpl: WebSocket, connectionParams: { 'x-api-key': endpoints().apiKey }, retryAttempts: 0 });
  const data: unknown[] = [];
  client.subscribe({ query }, { next: (value) => data.push(value.data), error: (e) => data.push({ error: e }), complete: () => undefined });
  return { client, data };
}

const ON_PING = 'subscription { onPing { message version } }';

describe('hot reload', () => {
  it('swaps resolver and function code in place, and open subscriptions keep receiving events', async () => {
    expect(await graphql('{ greeting fromLambda }')).toEqual({ data: { greeting: 'hello from v1', fromLambda: 'lambda v1 (v1)' } });
    const amplify = await appsyncSubscriber(ON_PING);
    const standard = graphqlWsSubscriber(ON_PING);
    // graphql-transport-ws has no start acknowledgement: publish until the subscriber sees one.
    for (let i = 0; i < 50 && standard.data.length === 0; i += 1) {
      await ping('before');
      await new Promise((r) => setTimeout(r, 100));
    }
    await vi.waitFor(() => expect(amplify.data()).toContainEqual({ onPing: { message: 'before', version: 'v1' } }));
    expect(standard.data[0]).toEqual({ onPing: { message: 'before', version: 'v1' } });

    const outcome = await dev.reload(dirs.v2);
    expect(outcome.kind).toBe('swapped');
    expect(outcome.diff.resolvers.sort()).toEqual(['Mutation.ping', 'Query.greeting']);
    expect(outcome.diff.functions).toMatchObject([{ code: true, environment: true }]);
    expect(outcome.diff.other).toEqual([]);

    expect(await graphql('{ greeting fromLambda }')).toEqual({ data: { greeting: 'hello from v2', fromLambda: 'lambda v2 (v2)' } });
    amplify.data().length = 0;
    await ping('after');
    await vi.waitFor(() => expect(amplify.data()).toContainEqual({ onPing: { message: 'after', version: 'v2' } }));
    await vi.waitFor(() => expect(standard.data).toContainEqual({ onPing: { message: 'after', version: 'v2' } }));
    expect(amplify.socket.readyState).toBe(WebSocket.OPEN);

    // A subscription started on the same connection after the swap runs on the new API.
    await amplify.start('2');
    await ping('later');
    await vi.waitFor(() => expect(amplify.data('2')).toEqual([{ onPing: { message: 'later', version: 'v2' } }]));
    expect(dev.stack!.appsync!.api.openSubscriptions).toBe(3);

    amplify.socket.close();
    await standard.client.dispose();
  });

  it('keeps the running version serving when a new resolver bundle fails its code check', async () => {
    // v1's assembly (so there is code to swap) with its greeting bundle broken.
    const broken = join(scratch, 'broken');
    cpSync(dirs.v1, broken, { recursive: true });
    const assembly = readCloudAssembly(broken, RELOAD_STACK);
    const greeting = Object.values(assembly.template.Resources).find((r) => r.Properties?.FieldName === 'greeting')!;
    const bundle = assembly.assetPath(objectKeyOf(String((greeting.Properties!.CodeS3Location as { 'Fn::Sub': string })['Fn::Sub'])));
    writeFileSync(bundle, `function refuse() { throw new Error('no'); }\n${readFileSync(bundle, 'utf8')}`);

    await expect(dev.reload(broken)).rejects.toThrow(/throw is not supported/);
    expect(await graphql('{ greeting fromLambda }')).toEqual({ data: { greeting: 'hello from v2', fromLambda: 'lambda v2 (v2)' } });
  });

  it('rebuilds when a watched source changes, and reports a failed synthesis without reloading', async () => {
    const sources = join(scratch, 'sources');
    const cdkOut = join(scratch, 'watched-cdk.out');
    mkdirSync(join(sources, 'resolvers'), { recursive: true });
    const printed: string[] = [];
    // Stands for `cdk synth`: fails first, then writes v1's assembly; the third one hangs.
    let synths = 0;
    let cancelled = false;
    const synth: Synthesize = async (outDir, { signal }) => {
      synths += 1;
      if (synths === 1) throw new Error('cdk synth failed (exit code 1)');
      if (synths === 2) return void cpSync(dirs.v1, outDir, { recursive: true });
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      cancelled = true;
      throw new SynthCancelled();
    };
    const hotReload = startHotReload({ dev, cdkOut, synth, root: sources, sources: ['resolvers'], debounceMs: 50, inMemory: true, print: (line) => printed.push(line) });
    try {
      await new Promise((r) => setTimeout(r, 50));
      writeFileSync(join(sources, 'resolvers', 'greeting.ts'), '// 1');
      await vi.waitFor(() => expect(printed.join('\n')).toMatch(/synth failed: cdk synth failed \(exit code 1\); still serving the previous version/));
      expect(await graphql('{ greeting }')).toEqual({ data: { greeting: 'hello from v2' } });

      writeFileSync(join(sources, 'resolvers', 'greeting.ts'), '// 2');
      await vi.waitFor(() => expect(printed.at(-1)).toMatch(/^\[dev\] swapped resolver Mutation\.ping, resolver Query\.greeting, function \S+ \(synth \d+ ms, swap \d+ ms\)$/));
      expect(await graphql('{ greeting fromLambda }')).toEqual({ data: { greeting: 'hello from v1', fromLambda: 'lambda v1 (v1)' } });

      writeFileSync(join(sources, 'resolvers', 'greeting.ts'), '// 3');
      await vi.waitFor(() => expect(synths).toBe(3));
    } finally {
      await hotReload.close();
    }
    expect(cancelled).toBe(true);
    expect(printed.filter((line) => /swapped|failed|restart/.test(line))).toHaveLength(2);
  });

  it('restarts the whole stack on the same ports when anything but code changes', async () => {
    const withQueue = join(scratch, 'with-queue');
    cpSync(dirs.v2, withQueue, { recursive: true });
    const templateFile = join(withQueue, `${RELOAD_STACK}.template.json`);
    const template = JSON.parse(readFileSync(templateFile, 'utf8'));
    template.Resources.ExtraQueue = { Type: 'AWS::SQS::Queue', Properties: {} };
    writeFileSync(templateFile, JSON.stringify(template));
    const before = endpoints();

    const outcome = await dev.reload(withQueue);
    expect(outcome.kind).toBe('restarted');
    expect(outcome.diff.other).toEqual([{ logicalId: 'ExtraQueue', type: 'AWS::SQS::Queue', change: 'added' }]);
    expect(endpoints().graphqlUrl).toBe(before.graphqlUrl);
    expect(endpoints().dynamodbUrl).toBe(before.dynamodbUrl);
    expect(endpoints().aws.sqs).toBe(before.aws.sqs);
    expect(await graphql('{ greeting }')).toEqual({ data: { greeting: 'hello from v2' } });
    expect(Object.keys(endpoints().resources)).toContain('ExtraQueue');
  });
});
