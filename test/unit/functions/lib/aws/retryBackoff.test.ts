import { describe, expect, it } from 'vitest';
import { RETRY_BACKOFF, retryDelaySeconds } from '../../../../../functions/lib/aws/retryBackoff';

describe('retryDelaySeconds', () => {
  it('doubles with each receive from 30 s, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480]);
    expect(retryDelaySeconds(6)).toBe(RETRY_BACKOFF.maxSeconds);
    expect(retryDelaySeconds(40)).toBe(RETRY_BACKOFF.maxSeconds);
  });
  it('reads a missing or odd receive count as the first', () => {
    expect(retryDelaySeconds(0)).toBe(30);
    expect(retryDelaySeconds(Number.NaN)).toBe(30);
  });
});
