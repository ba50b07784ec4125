// Quota arithmetic with a manual clock, against SES's documented rules: quotas count
// recipients; a send to five recipients at one per second is allowed and the next five seconds
// of sends fail (AWS SES blog, quoted in https://github.com/django-ses/django-ses/issues/59);
// the daily quota is a rolling 24 hours, -1 unlimited
// (https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html,
// https://docs.aws.amazon.com/ses/latest/APIReference/API_GetSendQuota.html); errors
// "Maximum sending rate exceeded." and "Daily message quota exceeded."
// (https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../local/shared/clock';
import { SesError } from '../../../../local/ses/errors';
import { DAY_MS, SendQuota } from '../../../../local/ses/sendQuota';

function kindOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SesError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe('maximum send rate', () => {
  it('lets a five-recipient send through at one per second, then refuses sends for five seconds', () => {
    const clock = new ManualClock();
    const quota = new SendQuota({ maxSendRate: 1, max24HourSend: 200 }, clock);
    quota.consume(5);
    clock.advance(4_999);
    expect(kindOf(() => quota.consume(1))).toBe('MaxSendRateExceeded: Maximum sending rate exceeded.');
    clock.advance(1);
    expect(kindOf(() => quota.consume(1))).toBeUndefined();
  });

  it('allows a burst of maxSendRate recipients within one second, not one more', () => {
    const clock = new ManualClock();
    const quota = new SendQuota({ maxSendRate: 14, max24HourSend: 50_000 }, clock);
    for (let i = 0; i < 14; i += 1) quota.consume(1);
    expect(kindOf(() => quota.consume(1))).toMatch(/^MaxSendRateExceeded/);
    clock.advance(Math.ceil(1_000 / 14));
    expect(kindOf(() => quota.consume(1))).toBeUndefined();
  });
});

describe('24-hour quota', () => {
  it('counts recipients over a rolling 24 hours and lets the last send overrun', () => {
    const clock = new ManualClock();
    const quota = new SendQuota({ maxSendRate: 1_000, max24HourSend: 10 }, clock);
    quota.consume(8);
    clock.advance(60 * 60 * 1000);
    quota.consume(5); // 8 sent, quota left: allowed, and overruns to 13
    expect(quota.sentLast24Hours()).toBe(13);
    expect(kindOf(() => quota.consume(1))).toBe('DailyQuotaExceeded: Daily message quota exceeded.');
    clock.advance(DAY_MS - 60 * 60 * 1000);
    // The first 8 are more than 24 hours old now.
    expect(quota.sentLast24Hours()).toBe(5);
    expect(kindOf(() => quota.consume(1))).toBeUndefined();
    clock.advance(60 * 60 * 1000);
    expect(quota.sentLast24Hours()).toBe(1);
  });

  it('treats -1 as unlimited', () => {
    const quota = new SendQuota({ maxSendRate: 1_000_000, max24HourSend: -1 }, new ManualClock());
    for (let i = 0; i < 100; i += 1) quota.consume(50);
    expect(quota.sentLast24Hours()).toBe(5_000);
  });

  it('refuses without counting the refused send', () => {
    const clock = new ManualClock();
    const quota = new SendQuota({ maxSendRate: 1, max24HourSend: 100 }, clock);
    quota.consume(1);
    expect(kindOf(() => quota.consume(3))).toMatch(/^MaxSendRateExceeded/);
    expect(quota.sentLast24Hours()).toBe(1);
  });
});
