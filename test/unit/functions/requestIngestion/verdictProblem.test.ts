import { describe, expect, it } from 'vitest';
import type { ReceiptVerdicts } from '../../../../functions/requestIngestion/parseNotification';
import { verdictProblem } from '../../../../functions/requestIngestion/verdictProblem';

const clean: ReceiptVerdicts = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', dmarcPolicy: null };

describe('verdictProblem', () => {
  it('passes clean mail with SPF and DKIM passing', () => {
    expect(verdictProblem(clean)).toBeNull();
  });

  it('passes mail with SPF or DKIM alone passing', () => {
    expect(verdictProblem({ ...clean, dkim: 'GRAY' })).toBeNull();
    expect(verdictProblem({ ...clean, spf: 'FAIL' })).toBeNull();
  });

  it('passes a DMARC that is not FAIL (GRAY: the domain has no policy)', () => {
    expect(verdictProblem({ ...clean, dmarc: 'GRAY' })).toBeNull();
  });

  it('refuses spam and viruses, naming the verdict', () => {
    expect(verdictProblem({ ...clean, spam: 'FAIL' })).toMatch(/spam verdict is FAIL/);
    expect(verdictProblem({ ...clean, virus: 'FAIL' })).toMatch(/virus verdict is FAIL/);
  });

  it('refuses mail the rule did not scan', () => {
    expect(verdictProblem({ ...clean, spam: null })).toMatch(/spam verdict is missing/);
  });

  it('refuses mail neither SPF nor DKIM authenticates', () => {
    expect(verdictProblem({ ...clean, spf: 'FAIL', dkim: 'GRAY' })).toBe('the sender is not authenticated: neither SPF (FAIL) nor DKIM (GRAY) is PASS');
    expect(verdictProblem({ ...clean, spf: 'PROCESSING_FAILED', dkim: 'PROCESSING_FAILED' })).toMatch(/not authenticated/);
  });

  it('refuses a DMARC FAIL, naming the policy', () => {
    expect(verdictProblem({ ...clean, dmarc: 'FAIL', dmarcPolicy: 'reject' })).toBe("DMARC failed (the sender's policy: reject)");
  });
});
