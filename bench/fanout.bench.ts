// What the local AppSync adds to a fan-out: 1,000 subscribers of onRsvpCountsChanged(eventId)
// on the local realtime endpoint (AppSync's protocol, the event's organizer with a Cognito
// token), timed from sending one publishRsvpCounts mutation (IAM-signed beforehand) until
// every subscriber has received its data message, against a plain `ws` server in the same
// process broadcasting a frame of the same size to 1,000 plain `ws` clients, timed until all
// received it. Every client parses each frame and checks it carries the round's mark, in
// both set-ups. Rounds alternate; prints medians and the ratio, writes bench/results/fanout.json.
// Usage: npm run bench -- fanout   (needs cdk.out: npm run synth)
import type WebSocket from 'ws';
import { DEFAULT_CDK_OUT } from '../local/paths';
import { setLogLevel } from '../local/shared/logger';
import { startLocalStack } from '../local/stack';
import { eventWithGuests, LocalGraphql } from './lib/localGraphql';
import { median, medianRoundRatio, ROUNDS, summary, writeResult } from './lib/rounds';
import { appsyncSubscribers, rawBroadcast } from './lib/subscribers';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
/** Fan-outs per round (each one waits for the previous to reach everyone). */
const FANOUTS = Number(process.env.BENCH_CALLS ?? 10);
/** Marks are six digits, so that every frame has the same size. */
const FIRST_MARK = 100_000;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
setLogLevel('warn');

const SUBSCRIPTION = 'subscription ($eventId: ID!) { onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt } }';
const PUBLISH = `mutation ($eventId: ID!, $invited: Int!, $changedAt: AWSDateTime!) {
  publishRsvpCounts(eventId: $eventId, invited: $invited, needsAction: 3, accepted: 2, declined: 1, tentative: 0, changedAt: $changedAt) {
    eventId invited needsAction accepted declined tentative changedAt } }`;

type Frame = { type: string; payload?: { data?: { onRsvpCountsChanged?: { invited?: number } } } };

async function main() {
  // No keep-alives during the rounds: 1,000 `ka` frames landing in one would be noise.
  const stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT, keepAliveMs: 3_600_000 });
  let sockets: WebSocket[] = [];
  let raw: Awaited<ReturnType<typeof rawBroadcast>> | undefined;
  try {
    const e = stack.endpoints;
    const api = new LocalGraphql(e);
    const organizer = await api.idToken('bench-fanout@example.com');
    const eventId = await eventWithGuests(api, organizer.idToken, []);

    // One fan-out at a time: the frame carrying `mark` counts once per client.
    let mark = FIRST_MARK;
    let received = 0;
    let sample = '';
    let allReceived: () => void = () => {};
    const onFrame = (data: WebSocket.RawData) => {
      const text = data.toString();
      const frame = JSON.parse(text) as Frame;
      if (frame.type !== 'data' || frame.payload?.data?.onRsvpCountsChanged?.invited !== mark) return;
      sample = text;
      received += 1;
      if (received === SUBSCRIBERS) allReceived();
    };
    const fanOut = async (send: () => Promise<unknown>) => {
      received = 0;
      const done = new Promise<void>((resolve) => (allReceived = resolve));
      const started = process.hrtime.bigint();
      await Promise.all([send(), done]);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };

    const viaAppSync = async () => {
      mark += 1;
      const body = JSON.stringify({ query: PUBLISH, variables: { eventId, invited: mark, changedAt: new Date().toISOString() } });
      const headers = await api.iamHeaders(body);
      return fanOut(() => api.post(body, headers));
    };
    const viaRaw = async () => {
      mark += 1;
      // The frame an AppSync subscriber got, with this round's mark: the same size.
      const frame = sample.replace(/"invited":\d+/, `"invited":${mark}`);
      return fanOut(async () => {
        for (const client of raw!.server.clients) client.send(frame);
      });
    };

    const authorization = { host: new URL(e.graphqlUrl).host, Authorization: organizer.idToken };
    let started = Date.now();
    sockets = await appsyncSubscribers(SUBSCRIBERS, { realtimeUrl: e.realtimeUrl, authorization, query: SUBSCRIPTION, variables: { eventId } }, onFrame);
    const subscribeMs = Date.now() - started;
    started = Date.now();
    raw = await rawBroadcast(SUBSCRIBERS, onFrame);
    const connectRawMs = Date.now() - started;

    const round = async (one: () => Promise<number>) => {
      const times: number[] = [];
      for (let i = 0; i < FANOUTS; i += 1) times.push(await one());
      return times.reduce((a, b) => a + b, 0) / times.length;
    };
    // Warm both (JIT, the resolver bundle, the signature check, socket buffers).
    await round(viaAppSync);
    await round(viaRaw);
    const appsyncMs: number[] = [];
    const rawMs: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      appsyncMs.push(await round(viaAppSync));
      rawMs.push(await round(viaRaw));
    }
    const result = {
      question: `publishRsvpCounts to ${SUBSCRIBERS} onRsvpCountsChanged subscribers through the local AppSync vs a raw ws broadcast`,
      subscribers: SUBSCRIBERS,
      rounds: ROUNDS,
      fanoutsPerRound: FANOUTS,
      frameBytes: Buffer.byteLength(sample),
      msPerFanout: { appsync: summary(appsyncMs), raw: summary(rawMs) },
      ratio: median(appsyncMs) / median(rawMs),
      medianRoundRatio: medianRoundRatio(appsyncMs, rawMs),
      setupMs: { subscribeAppSync: subscribeMs, connectRaw: connectRawMs },
    };
    console.log(
      `fanout (${SUBSCRIBERS} subscribers, ${result.frameBytes}-byte frames): local AppSync ${median(appsyncMs).toFixed(2)} ms, raw ws broadcast ${median(rawMs).toFixed(2)} ms, ratio ${result.ratio.toFixed(2)} (of rounds: ${result.medianRoundRatio.toFixed(2)})` +
        ` (subscribing took ${subscribeMs} ms, connecting the raw clients ${connectRawMs} ms)`,
    );
    writeResult('fanout', result);
    api.close();
  } finally {
    for (const s of sockets) s.terminate();
    raw?.close();
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
