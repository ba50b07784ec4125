// SES throttling slows a sender (the dispatcher, the notice mailer) instead of failing its
// messages: a send refused for the sending rate waits (exponential, with full jitter) and
// tries again, a few times, before the refusal reaches the caller (then SQS retries it).

/** Waits before each retry: 100 ms doubled each time, up to 3.2 s (about 6 s in all). */
export const BACKOFF = { baseMs: 100, maxMs: 3_200, retries: 6 } as const;

export async function sendWithBackoff<T>(
  send: () => Promise<T>,
  isThrottling: (error: unknown) => boolean,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isThrottling(error) || attempt >= BACKOFF.retries) throw error;
      const cap = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** attempt);
      await sleep(Math.max(10, Math.floor(random() * cap)));
    }
  }
}
