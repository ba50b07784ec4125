// Verdicts in the notifications: computed offline (GRAY without DNS records), PASS with a
// DKIM key and SPF/DMARC records configured for the sender's domain, and overridden by option,
// by API and per message with the X-Local-SES-Verdicts header (which never reaches storage).
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-auth-and-scan
import { generateKeyPairSync } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { dkimTxtRecord } from '../../../local/smtp';
import { rule, ruleSet, startSmtp, TOPIC, type SmtpHarness } from './harness';

let h: SmtpHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const sets = [ruleSet('s', rule('rsvp', ['invites.example.com'], [{ type: 'SNS', topicArn: TOPIC, encoding: 'UTF-8' }]))];
const receipt = () => (h!.services.publishedJson(TOPIC).at(-1) as { receipt: Record<string, unknown>; content: string });
const send = (extra: SendMailOptions = {}) =>
  h!.transport.sendMail({ from: 'Ada <ada@example.org>', to: 'rsvp@invites.example.com', subject: 'Accepted', text: 'Yes', ...extra });

describe('verdicts', () => {
  it('are PASS for spam and virus and GRAY for SPF, DKIM and DMARC by default (no DNS offline)', async () => {
    h = await startSmtp({ ruleSets: sets });
    await send();
    await h.smtp.settled();
    expect(receipt().receipt).toMatchObject({ spamVerdict: { status: 'PASS' }, virusVerdict: { status: 'PASS' }, spfVerdict: { status: 'GRAY' }, dkimVerdict: { status: 'GRAY' }, dmarcVerdict: { status: 'GRAY' } });
    expect(receipt().receipt).not.toHaveProperty('dmarcPolicy');
  });

  it('PASS with a DKIM-signed message and the sender domain records in local DNS', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    h = await startSmtp({
      ruleSets: sets,
      dns: {
        'example.org': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
        'mail._domainkey.example.org': { TXT: [dkimTxtRecord(publicKey.export({ type: 'spki', format: 'pem' }).toString())] },
        '_dmarc.example.org': { TXT: ['v=DMARC1; p=reject'] },
      },
    });
    const signing = nodemailer.createTransport({
      host: h.smtp.host,
      port: h.smtp.port,
      ignoreTLS: true,
      dkim: { domainName: 'example.org', keySelector: 'mail', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    });
    await signing.sendMail({ from: 'Ada <ada@example.org>', to: 'rsvp@invites.example.com', subject: 'Accepted', text: 'Yes' });
    signing.close();
    await h.smtp.settled();
    expect(receipt().receipt).toMatchObject({ spfVerdict: { status: 'PASS' }, dkimVerdict: { status: 'PASS' }, dmarcVerdict: { status: 'PASS' } });
    expect(receipt().content).toMatch(/Authentication-Results: amazonses\.com;\r\n spf=pass .*\r\n dkim=pass header\.i=@example\.org;\r\n dmarc=pass header\.from=example\.org;/);
  });

  it('take overrides from the options, the API and the per-message header, the header winning', async () => {
    h = await startSmtp({ ruleSets: sets, verdicts: { spam: 'FAIL' } });
    await send();
    await h.smtp.settled();
    expect(receipt().receipt).toMatchObject({ spamVerdict: { status: 'FAIL' } });
    h.smtp.overrideVerdicts({ virus: 'FAIL', dmarc: 'FAIL', dmarcPolicy: 'quarantine' });
    await send({ headers: { 'X-Local-SES-Verdicts': 'spf=FAIL; dkim=PASS' } });
    await h.smtp.settled();
    expect(receipt().receipt).toMatchObject({
      spamVerdict: { status: 'PASS' },
      virusVerdict: { status: 'FAIL' },
      spfVerdict: { status: 'FAIL' },
      dkimVerdict: { status: 'PASS' },
      dmarcVerdict: { status: 'FAIL' },
      dmarcPolicy: 'quarantine',
    });
    expect(receipt().content).not.toMatch(/X-Local-SES-Verdicts/i);
    expect(receipt().content).toContain('X-SES-Virus-Verdict: FAIL');
  });
});
