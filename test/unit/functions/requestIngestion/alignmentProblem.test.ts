import { describe, expect, it } from 'vitest';
import { alignmentProblem, dkimSigningDomain } from '../../../../functions/requestIngestion/alignmentProblem';
import type { ReceiptVerdicts } from '../../../../functions/requestIngestion/parseNotification';

const verdicts = (v: Partial<ReceiptVerdicts>): ReceiptVerdicts => ({ spam: 'PASS', virus: 'PASS', spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY', dmarcPolicy: null, ...v });

describe('whether SPF or DKIM vouches for the From domain', () => {
  it('trusts DMARC PASS, which is alignment already', () => {
    expect(alignmentProblem(verdicts({ spf: 'PASS', dmarc: 'PASS' }), { fromDomain: 'example.com', mailFrom: 'bounce@other.net', dkimDomains: [] })).toBeNull();
  });

  it('refuses SPF PASS for a stranger’s own envelope domain when the From domain has no DMARC', () => {
    const problem = alignmentProblem(verdicts({ spf: 'PASS' }), { fromDomain: 'example.com', mailFrom: 'mallory@attacker.test', dkimDomains: [] });
    expect(problem).toMatch(/neither SPF \(PASS, MAIL FROM attacker\.test\) nor DKIM \(GRAY, signed by nobody\) vouches for the From domain example\.com/);
  });

  it('refuses DKIM PASS for a signature of another domain', () => {
    expect(alignmentProblem(verdicts({ dkim: 'PASS' }), { fromDomain: 'example.com', mailFrom: null, dkimDomains: ['attacker.test'] })).toMatch(/signed by attacker\.test/);
  });

  it('accepts SPF PASS with a MAIL FROM in the From domain or a subdomain of it', () => {
    expect(alignmentProblem(verdicts({ spf: 'PASS' }), { fromDomain: 'example.com', mailFrom: 'grace@example.com', dkimDomains: [] })).toBeNull();
    expect(alignmentProblem(verdicts({ spf: 'PASS' }), { fromDomain: 'example.com', mailFrom: 'bounces@mail.Example.com', dkimDomains: [] })).toBeNull();
  });

  it('accepts DKIM PASS with a signature of the From domain, or its parent', () => {
    expect(alignmentProblem(verdicts({ dkim: 'PASS' }), { fromDomain: 'mail.example.com', mailFrom: 'x@attacker.test', dkimDomains: ['attacker.test', 'example.com'] })).toBeNull();
  });

  it('does not count an aligned domain whose verdict did not pass', () => {
    expect(alignmentProblem(verdicts({ spf: 'FAIL', dkim: 'PASS' }), { fromDomain: 'example.com', mailFrom: 'grace@example.com', dkimDomains: ['other.net'] })).not.toBeNull();
  });

  it('reads the d= tag of a DKIM-Signature, folded or spaced', () => {
    expect(dkimSigningDomain('v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=Example.COM; s=sel; h=from:to; bh=abc=; b=def==')).toBe('example.com');
    expect(dkimSigningDomain('v=1; a=rsa-sha256; s=sel')).toBeNull();
  });
});
