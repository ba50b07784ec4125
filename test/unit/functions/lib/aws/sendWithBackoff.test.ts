import { describe, expect, it, vi } from 'vitest';
import { BACKOFF, sendWithBackoff } from '../../../../../functions/lib/aws/sendWithBackoff';

const throttled = Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
const isThrottling = (error: unknown) => error === throttled;

/** A send that fails with each of `errors` in turn, then answers `ok`. */
function flaky(...errors: Error[]) {
  return vi.fn(async () => {
    const error = errors.shift();
    if (error) throw error;
    return 'ok';
  });
}

describe('sendWithBackoff', () => {
  it('answers at once when the send succeeds', async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    expect(await sendWithBackoff(flaky(), isThrottling, sleep)).toBe('ok');
    expect(sleep).not.toHaveBeenCalled();
  });

  it('waits and tries again while SES refuses for its rate, the cap doubling from 100 ms', async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const send = flaky(throttled, throttled, throttled);
    expect(await sendWithBackoff(send, isThrottling, sleep, () => 0.5)).toBe('ok');
    expect(send).toHaveBeenCalledTimes(4);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([50, 100, 200]);
  });

  it('jitters each wait below its cap (full jitter), never under 10 ms, the cap stopping at 3.2 s', async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    await expect(sendWithBackoff(flaky(...Array(10).fill(throttled)), isThrottling, sleep, () => 0.999999)).rejects.toBe(throttled);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([99, 199, 399, 799, 1599, 3199]);
    sleep.mockClear();
    await expect(sendWithBackoff(flaky(...Array(10).fill(throttled)), isThrottling, sleep, () => 0)).rejects.toBe(throttled);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual(Array(BACKOFF.retries).fill(10));
  });

  it('gives the throttling error to the caller after the last retry (about 6 s at most in all)', async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const send = flaky(...Array(BACKOFF.retries + 1).fill(throttled));
    await expect(sendWithBackoff(send, isThrottling, sleep, () => 1)).rejects.toBe(throttled);
    expect(send).toHaveBeenCalledTimes(BACKOFF.retries + 1);
    const waited = sleep.mock.calls.reduce((sum, [ms]) => sum + ms, 0);
    expect(waited).toBeLessThanOrEqual(6_300);
  });

  it('does not wait on any other error: it reaches the caller at once', async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const refused = Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });
    const send = flaky(refused);
    await expect(sendWithBackoff(send, isThrottling, sleep)).rejects.toBe(refused);
    expect(send).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('waits with the real timer when no sleep is given', async () => {
    vi.useFakeTimers();
    try {
      const result = sendWithBackoff(flaky(throttled), isThrottling, undefined, () => 0.5);
      await vi.advanceTimersByTimeAsync(49);
      let settled = false;
      void result.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await result).toBe('ok');
    } finally {
      vi.useRealTimers();
    }
  });
});
