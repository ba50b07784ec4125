// What the local AppSync adds to an RSVP: Mutation.rsvp through the local API (HTTP, auth,
// validation, the sandboxed pipeline) against the same DynamoDB calls made directly with the
// SDK (bench/lib/rsvpDirect.ts: GetItem event, GetItem attendee, TransactWriteItems), on the
// same DynamoDB Local, in interleaved rounds. Headline: the organizer answering for an
// attendee (Cognito ID token, `email`). Also the attendee's own answer (API key + token),
// whose pipeline first invokes the tokenVerifier Lambda (an HMAC check): its ratio against
// the DynamoDB calls alone and against those calls plus the same Lambda invoked directly
// (Lambda's Invoke API), and what one direct invocation costs. Answers alternate, so every
// call writes. Prints medians and ratios, writes bench/results/rsvp.json.
// Usage: npm run bench -- rsvp   (needs cdk.out: npm run synth)
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { attendeeToken } from '../functions/lib/tokens/attendeeTokens';
import { DEFAULT_CDK_OUT } from '../local/paths';
import { localClientConfig } from '../local/shared/localCredentials';
import { setLogLevel } from '../local/shared/logger';
import { startLocalStack } from '../local/stack';
import type { RsvpResponse } from '../resolvers/lib/records';
import { eventWithGuests, LocalGraphql } from './lib/localGraphql';
import { CALLS_PER_ROUND, median, medianRoundRatio, ROUNDS, summary, timeCalls, writeResult } from './lib/rounds';
import { rsvpDirect } from './lib/rsvpDirect';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
setLogLevel('warn');

const RSVP = 'mutation ($eventId: ID!, $response: RsvpResponse!, $email: String, $token: String) { rsvp(eventId: $eventId, response: $response, email: $email, token: $token) { email status } }';
const ANSWERS: RsvpResponse[] = ['ACCEPTED', 'DECLINED'];
/** One attendee per path: each path's answers alternate on its own attendee. */
const GUESTS = { organizer: 'by-organizer@example.org', token: 'by-token@example.org', direct: 'direct@example.org', directToken: 'direct-token@example.org' };

async function main() {
  const stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT });
  try {
    const e = stack.endpoints;
    const table = Object.values(e.tables)[0];
    const dynamodb = new DynamoDBClient(localClientConfig(e.dynamodbUrl));
    const lambda = new LambdaClient(localClientConfig(e.aws.lambda));
    const api = new LocalGraphql(e);
    const organizer = await api.idToken('bench-rsvp@example.com');
    const eventId = await eventWithGuests(api, organizer.idToken, Object.values(GUESTS));
    const secret = Object.values(e.resources).find((r) => r.type === 'AWS::SecretsManager::Secret')!;
    const secrets = new SecretsManagerClient(localClientConfig(e.aws.secrets_manager));
    const key = Buffer.from((await secrets.send(new GetSecretValueCommand({ SecretId: secret.ref }))).SecretString!, 'utf8');
    const token = attendeeToken(key, eventId, GUESTS.token);
    const directToken = attendeeToken(key, eventId, GUESTS.directToken);
    const verifier = Object.values(e.resources).find((r) => r.type === 'AWS::Lambda::Function' && /TokenVerifier/.test(r.path ?? ''))!;

    const answer = (i: number) => ANSWERS[i % ANSWERS.length];
    const byOrganizer = async (i: number) => {
      await api.post(JSON.stringify({ query: RSVP, variables: { eventId, response: answer(i), email: GUESTS.organizer } }), { authorization: organizer.idToken });
    };
    const byToken = async (i: number) => {
      await api.post(JSON.stringify({ query: RSVP, variables: { eventId, response: answer(i), token } }), { 'x-api-key': e.apiKey });
    };
    const direct = (i: number) => rsvpDirect(dynamodb, table, { eventId, email: GUESTS.direct, response: answer(i), via: 'ORGANIZER', organizerId: organizer.sub });
    const verify = async (payload: string) => {
      const out = await lambda.send(new InvokeCommand({ FunctionName: verifier.ref, Payload: payload }));
      if (out.FunctionError) throw new Error(Buffer.from(out.Payload!).toString());
      return JSON.parse(Buffer.from(out.Payload!).toString()) as { email: string } | null;
    };
    const directWithLambda = async (i: number) => {
      const claims = await verify(JSON.stringify({ token: directToken }));
      if (!claims) throw new Error('token refused');
      await rsvpDirect(dynamodb, table, { eventId, email: claims.email, response: answer(i), via: 'API' });
    };
    const lambdaOnly = async () => {
      await verify(JSON.stringify({ token: directToken }));
    };

    const paths = { byOrganizer, direct, byToken, directWithLambda, lambdaOnly };
    const ms = Object.fromEntries(Object.keys(paths).map((name) => [name, [] as number[]])) as Record<keyof typeof paths, number[]>;
    // Warm every path (JIT, connections, the Lambda's environment, DynamoDB Local's caches).
    for (const fn of Object.values(paths)) await timeCalls(fn);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, fn] of Object.entries(paths)) ms[name as keyof typeof paths].push(await timeCalls(fn));
    }
    const m = Object.fromEntries(Object.entries(ms).map(([name, values]) => [name, median(values)])) as Record<keyof typeof paths, number>;
    const result = {
      question: 'rsvp through the local API vs the same DynamoDB calls made directly',
      rounds: ROUNDS,
      callsPerRound: CALLS_PER_ROUND,
      msPerCall: Object.fromEntries(Object.entries(ms).map(([name, values]) => [name, summary(values)])),
      ratio: m.byOrganizer / m.direct,
      medianRoundRatio: medianRoundRatio(ms.byOrganizer, ms.direct),
      tokenRatio: m.byToken / m.direct,
      tokenMedianRoundRatio: medianRoundRatio(ms.byToken, ms.direct),
      tokenRatioWithLambda: m.byToken / m.directWithLambda,
      lambdaInvokeMs: m.lambdaOnly,
      tokenPathExtraMs: m.byToken - m.byOrganizer,
    };
    console.log(
      [
        `rsvp (organizer, Cognito): local API ${m.byOrganizer.toFixed(2)} ms/call, direct DynamoDB ${m.direct.toFixed(2)} ms/call, ratio ${result.ratio.toFixed(2)} (of rounds: ${result.medianRoundRatio.toFixed(2)})`,
        `rsvp (attendee token, API key): local API ${m.byToken.toFixed(2)} ms/call, ratio ${result.tokenRatio.toFixed(2)} (of rounds: ${result.tokenMedianRoundRatio.toFixed(2)}) against DynamoDB alone, ` +
          `${result.tokenRatioWithLambda.toFixed(2)} against DynamoDB + a direct Lambda Invoke (${m.directWithLambda.toFixed(2)} ms/call)`,
        `tokenVerifier: a direct Invoke ${m.lambdaOnly.toFixed(2)} ms; the token path costs ${result.tokenPathExtraMs.toFixed(2)} ms more than the organizer path through the API`,
      ].join('\n'),
    );
    writeResult('rsvp', result);
    api.close();
    dynamodb.destroy();
    lambda.destroy();
    secrets.destroy();
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
