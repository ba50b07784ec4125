// Mail in over SMTP with nodemailer as the sending MTA: which recipients the active rule set
// takes, which it refuses, and the message stored through BucketTarget byte for byte (after
// the trace headers SES puts on top, or alone with traceHeaders: false).
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-process
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-s3.html
import { afterEach, describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';
import { composeRaw, ruleSet, rule, startSmtp, type SmtpHarness } from './harness';

let h: SmtpHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const s3 = { type: 'S3' as const, bucketName: 'inbound-mail', objectKeyPrefix: 'emails/' };

describe('recipients', () => {
  it('accepts recipients of the active rule set and refuses others with a 550', async () => {
    h = await startSmtp({ ruleSets: [ruleSet('InboundRules', rule('rsvp', ['invites.example.com'], [s3]))] });
    const info = await h.transport.sendMail({ from: 'ada@example.org', to: ['rsvp@invites.example.com', 'someone@elsewhere.test'], subject: 'Hi', text: 'x' });
    expect(info.accepted).toEqual(['rsvp@invites.example.com']);
    expect(info.rejected).toEqual(['someone@elsewhere.test']);
    expect(info.rejectedErrors?.[0]?.response).toBe('550 5.1.1 Requested action not taken: mailbox unavailable');
    const refused = await h.transport.sendMail({ from: 'ada@example.org', to: 'someone@elsewhere.test', subject: 'Hi', text: 'x' }).catch((e: { responseCode: number }) => e);
    expect((refused as { responseCode: number }).responseCode).toBe(550);
    await h.smtp.settled();
    expect([...h.services.objects.keys()]).toEqual([expect.stringMatching(/^inbound-mail\/emails\/[a-z0-9]{40}$/)]);
  });

  it("treats the template's only rule set as active until one is set, and refuses all mail with none active", async () => {
    const template: CfnTemplate = {
      Resources: {
        Set: { Type: 'AWS::SES::ReceiptRuleSet', Properties: { RuleSetName: 'InboundRules' } },
        Rule: { Type: 'AWS::SES::ReceiptRule', Properties: { RuleSetName: { Ref: 'Set' }, Rule: { Name: 'rsvp', Enabled: true, Recipients: ['rsvp@invites.example.com'], Actions: [{ S3Action: { BucketName: 'inbound-mail' } }] } } },
      },
    };
    const model = new StackModel(template, { region: 'us-east-1', accountId: '000000000000', stackName: 'Invites', runtimeAttributes: new Map() });
    h = await startSmtp({ model });
    expect(h.smtp.activeRuleSet()).toBe('InboundRules');
    await h.transport.sendMail({ from: 'ada@example.org', to: 'rsvp@invites.example.com', subject: 'Hi', text: 'x' });
    expect(() => h!.smtp.setActiveRuleSet('NoSuchSet')).toThrow(/Rule set does not exist/);
    h.smtp.setActiveRuleSet(undefined);
    const refused = await h.transport.sendMail({ from: 'ada@example.org', to: 'rsvp@invites.example.com', subject: 'Hi', text: 'x' }).catch((e: { responseCode: number }) => e);
    expect((refused as { responseCode: number }).responseCode).toBe(550);
    h.smtp.setActiveRuleSet('InboundRules');
    await expect(h.transport.sendMail({ from: 'ada@example.org', to: 'rsvp@invites.example.com', subject: 'Hi', text: 'x' })).resolves.toBeDefined();
  });

  it('refuses mail sent without TLS to a rule with TlsPolicy Require', async () => {
    h = await startSmtp({ ruleSets: [ruleSet('s', rule('secure', ['secure@invites.example.com'], [s3], { tlsPolicy: 'Require' }))] });
    const refused = await h.transport.sendMail({ from: 'ada@example.org', to: 'secure@invites.example.com', subject: 'Hi', text: 'x' }).catch((e: { response: string }) => e);
    expect((refused as { response: string }).response).toBe('530 5.7.0 Must issue a STARTTLS command first');
  });
});

describe('the stored message', () => {
  const message = {
    from: 'Ada Lovelace <ada@example.org>',
    to: 'rsvp@invites.example.com',
    subject: 'Gäste: ünïcode ✓',
    text: 'line one\r\n.leading dot survives SMTP dot-stuffing\r\n\r\nCafé ☕',
    headers: { 'X-Local-SES-Verdicts': 'spf=FAIL', 'X-Custom': 'kept' },
    messageId: '<reply-1@example.org>',
    date: new Date(Date.UTC(2030, 0, 1)),
  };

  it('is the sent bytes exactly, below the trace headers SES adds, without the local verdict header', async () => {
    h = await startSmtp({ ruleSets: [ruleSet('s', rule('rsvp', ['invites.example.com'], [s3]))] });
    const raw = await composeRaw(message);
    await h.transport.sendMail({ envelope: { from: 'ada@example.org', to: ['rsvp@invites.example.com'] }, raw });
    await h.smtp.settled();
    const [stored] = [...h.services.objects.values()];
    const sent = Buffer.from(raw.toString('latin1').replace(/X-Local-SES-Verdicts: spf=FAIL\r\n/i, ''), 'latin1');
    expect(stored!.subarray(stored!.length - sent.length).equals(sent)).toBe(true);
    const added = stored!.subarray(0, stored!.length - sent.length).toString();
    expect(added.split('\r\n').filter((l) => /^[A-Z]/.test(l)).map((l) => l.split(':')[0])).toEqual([
      'Return-Path',
      'Received',
      'X-SES-Spam-Verdict',
      'X-SES-Virus-Verdict',
      'Received-SPF',
      'Authentication-Results',
    ]);
    expect(added).toContain('Received-SPF: fail');
  });

  it('is the sent bytes exactly with traceHeaders: false', async () => {
    h = await startSmtp({ ruleSets: [ruleSet('s', rule('rsvp', ['invites.example.com'], [s3]))], traceHeaders: false });
    const raw = await composeRaw({ ...message, headers: { 'X-Custom': 'kept' } });
    await h.transport.sendMail({ envelope: { from: 'ada@example.org', to: ['rsvp@invites.example.com'] }, raw });
    await h.smtp.settled();
    expect([...h.services.objects.values()][0]!.equals(raw)).toBe(true);
  });
});
