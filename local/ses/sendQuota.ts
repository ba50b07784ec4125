// Sending quotas: the maximum send rate and the 24-hour quota, counted in recipients.
// "sending limits are based on recipients rather than on messages ... an email to five
// recipients counts as five against your daily sending quota ... if your send rate quota is
// one message per second, and you send a message to five recipients at once, Amazon SES lets
// you do that. For the next five seconds, though, Amazon will return errors for all send
// attempts." (AWS's SES blog, quoted in https://github.com/django-ses/django-ses/issues/59;
// the same rule: https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html).
// So the rate is a token bucket holding up to maxSendRate tokens, refilled at maxSendRate per
// second, that a send may overdraw once it finds at least one token; the daily quota is a
// rolling 24-hour window that a send may overrun once it finds any quota left.
// Which check SES makes first is not documented; the daily quota is checked first here.
import type { Clock } from '../shared/clock';
import { DAILY_QUOTA_EXCEEDED, MAX_SEND_RATE_EXCEEDED, SesError } from './errors';
import type { SendQuotaSettings } from './options';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Refills add fractions of a token; this keeps float rounding from refusing a send that is due. */
const TOKEN_EPSILON = 1e-9;

export class SendQuota {
  private limits: SendQuotaSettings;
  private tokens: number;
  private refilledAt: number;
  private readonly sent: { at: number; count: number }[] = [];

  constructor(
    limits: SendQuotaSettings,
    private readonly clock: Clock,
  ) {
    this.limits = { ...limits };
    this.tokens = limits.maxSendRate;
    this.refilledAt = clock.now();
  }

  get settings(): SendQuotaSettings {
    return { ...this.limits };
  }

  /** Changes the limits (a fresh rate bucket; what was sent in the last 24 hours still counts). */
  setLimits(limits: SendQuotaSettings): void {
    this.limits = { ...limits };
    this.tokens = limits.maxSendRate;
    this.refilledAt = this.clock.now();
  }

  /** Recipients sent to in the last 24 hours (GetSendQuota's SentLast24Hours). */
  sentLast24Hours(): number {
    this.prune();
    return this.sent.reduce((sum, s) => sum + s.count, 0);
  }

  /** Takes `recipients` from both quotas, or throws SesError (MaxSendRateExceeded / DailyQuotaExceeded) and takes nothing. */
  consume(recipients: number): void {
    if (this.limits.max24HourSend >= 0 && this.sentLast24Hours() >= this.limits.max24HourSend) {
      throw new SesError('DailyQuotaExceeded', DAILY_QUOTA_EXCEEDED);
    }
    this.refill();
    if (this.tokens + TOKEN_EPSILON < Math.min(1, this.limits.maxSendRate)) throw new SesError('MaxSendRateExceeded', MAX_SEND_RATE_EXCEEDED);
    this.tokens -= recipients;
    this.sent.push({ at: this.clock.now(), count: recipients });
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.limits.maxSendRate, this.tokens + elapsed * this.limits.maxSendRate);
    this.refilledAt = now;
  }

  private prune(): void {
    const cutoff = this.clock.now() - DAY_MS;
    while (this.sent.length > 0 && this.sent[0]!.at <= cutoff) this.sent.shift();
  }
}
