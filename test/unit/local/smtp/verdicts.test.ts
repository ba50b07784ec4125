// SES verdicts from mailauth against local DNS records (no network): what PASS needs, what
// GRAY and FAIL mean, and the overrides tests use.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html (verdict objects)
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-auth-and-scan
import { generateKeyPairSync } from 'node:crypto';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  computeVerdicts,
  dkimStatus,
  dkimTxtRecord,
  localDnsResolver,
  parseVerdictHeader,
  spfStatus,
  type LocalDnsRecords,
} from '../../../../local/smtp/verdicts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const mta = 'inbound-smtp.us-east-1.amazonaws.com';
const connection = { ip: '127.0.0.1', helo: 'mail.example.org', sender: 'ada@example.org' };

/** A message as nodemailer writes it (no socket: streamTransport), DKIM-signed when asked. */
async function compose(dkim?: { domainName: string; keySelector: string; privateKey: string }): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, ...(dkim ? { dkim } : {}) });
  const info = await transport.sendMail({ from: 'Ada Lovelace <ada@example.org>', to: 'rsvp@invites.example.com', subject: 'Accepted: Launch', text: 'See you there.' });
  return info.message as Buffer;
}

const records: LocalDnsRecords = {
  'example.org': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
  'sel._domainkey.example.org': { TXT: [dkimTxtRecord(publicPem)] },
  '_dmarc.example.org': { TXT: ['v=DMARC1; p=reject'] },
};

describe('computeVerdicts', () => {
  it('is GRAY for SPF, DKIM and DMARC with no DNS records (the offline default)', async () => {
    const { verdicts } = await computeVerdicts(await compose(), connection, { resolver: localDnsResolver(), mta });
    expect(verdicts).toEqual({ spam: 'PASS', virus: 'PASS', spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY' });
  });

  it('passes SPF, DKIM and DMARC with the sender domain records and a signed message', async () => {
    const signed = await compose({ domainName: 'example.org', keySelector: 'sel', privateKey: privatePem });
    const { verdicts, details } = await computeVerdicts(signed, connection, { resolver: localDnsResolver(records), mta });
    expect(verdicts).toEqual({ spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' });
    expect(details).toMatchObject({ dkimDomain: 'example.org', fromDomain: 'example.org' });
  });

  it('fails SPF from another address, and DMARC with the domain policy when nothing aligns', async () => {
    const { verdicts } = await computeVerdicts(await compose(), { ...connection, ip: '192.0.2.9' }, { resolver: localDnsResolver(records), mta });
    expect(verdicts).toMatchObject({ spf: 'FAIL', dkim: 'GRAY', dmarc: 'FAIL', dmarcPolicy: 'reject' });
  });

  it('fails DKIM when the signed message was changed afterwards', async () => {
    const signed = (await compose({ domainName: 'example.org', keySelector: 'sel', privateKey: privatePem })).toString().replace('See you there.', 'Changed.');
    const { verdicts } = await computeVerdicts(Buffer.from(signed), connection, { resolver: localDnsResolver(records), mta });
    expect(verdicts.dkim).toBe('FAIL');
  });
});

describe('mapping and overrides', () => {
  it("maps mailauth's results to SES statuses", () => {
    expect(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror'].map(spfStatus)).toEqual(['PASS', 'FAIL', 'GRAY', 'GRAY', 'GRAY', 'PROCESSING_FAILED', 'PROCESSING_FAILED']);
    expect(dkimStatus([])).toBe('GRAY');
    expect(dkimStatus([{ status: { result: 'neutral', comment: 'no key' } }])).toBe('GRAY');
    expect(dkimStatus([{ status: { result: 'neutral', comment: 'body hash did not verify' } }, { status: { result: 'pass' } }])).toBe('PASS');
  });

  it('reads the X-Local-SES-Verdicts header and ignores what it cannot read', () => {
    expect(parseVerdictHeader('spf=FAIL; dkim=pass; dmarc=FAIL; dmarcPolicy=quarantine; spam=GRAY; virus=nonsense; other=FAIL')).toEqual({
      spf: 'FAIL',
      dkim: 'PASS',
      dmarc: 'FAIL',
      dmarcPolicy: 'quarantine',
      spam: 'GRAY',
    });
  });

  it('applies overrides in order, keeping dmarcPolicy only with a DMARC FAIL', () => {
    const computed = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL', dmarcPolicy: 'reject' } as const;
    expect(applyOverrides(computed, { dmarc: 'PASS' })).not.toHaveProperty('dmarcPolicy');
    expect(applyOverrides({ spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' }, { dmarc: 'FAIL' }).dmarcPolicy).toBe('none');
    expect(applyOverrides({ spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' }, { dmarc: 'FAIL', dmarcPolicy: 'quarantine' }).dmarcPolicy).toBe('quarantine');
    expect(applyOverrides(computed, { spf: 'FAIL' }, { spf: 'GRAY' }).spf).toBe('GRAY');
  });

  it('resolves only local records: TXT in 255-character strings, ENOTFOUND and ENODATA otherwise', async () => {
    const resolve = localDnsResolver({ 'long.test': { TXT: ['x'.repeat(300)] }, 'a.test': { A: ['127.0.0.1'] } });
    expect(await resolve('long.test', 'TXT')).toEqual([['x'.repeat(255), 'x'.repeat(45)]]);
    await expect(resolve('missing.test', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolve('a.test', 'TXT')).rejects.toMatchObject({ code: 'ENODATA' });
  });
});
