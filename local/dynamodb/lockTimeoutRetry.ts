// DynamoDB Local serializes its writes behind a lock, and a request that waits on it too long
// fails with a 500 InternalServerError that says so ("This action timed out because it too
// long waiting for a lock. This request will succeed in actual DynamoDB API"). DynamoDB
// itself has no such failure, so the local runtime's own client (the AppSync data sources,
// the stream pollers) queues its requests instead of piling onto the lock, and retries that
// error after a pause: what AWS would have done is succeed.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Requests the runtime sends DynamoDB Local at once; the rest wait their turn in Node. */
export const DYNAMODB_LOCAL_IN_FLIGHT = 24;
/** Attempts at a request that keeps timing out on the lock, and the first pause between them. */
export const LOCK_TIMEOUT_ATTEMPTS = 6;
const FIRST_PAUSE_MS = 50;

export function isLockTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'InternalServerError' && error.message.includes('waiting for a lock');
}

export function queueAndRetryLockTimeouts(client: DynamoDBClient, inFlight = DYNAMODB_LOCAL_IN_FLIGHT): DynamoDBClient {
  let running = 0;
  const waiting: (() => void)[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      while (running >= inFlight) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await next(args);
          } catch (error) {
            if (!isLockTimeout(error) || attempt >= LOCK_TIMEOUT_ATTEMPTS) throw error;
            await new Promise((resolve) => setTimeout(resolve, FIRST_PAUSE_MS * 2 ** (attempt - 1) * (0.5 + Math.random())));
          }
        }
      } finally {
        running -= 1;
        waiting.shift()?.();
      }
    },
    { step: 'initialize', name: 'queueAndRetryLockTimeouts', override: true },
  );
  return client;
}
