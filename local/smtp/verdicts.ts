// SES's verdicts on a received message: SPF, DKIM and DMARC computed with mailauth from the
// message and the connection (client address, HELO, MAIL FROM), spam and virus scans that
// pass unless told otherwise, and overrides for tests.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-auth-and-scan
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
//
// DNS is offline here, so the resolver is injectable and defaults to one that answers from
// local records only: with none, SPF and DMARC come out `none` (GRAY) and a DKIM signature
// finds no key (GRAY). For a PASS, give the sender's domain records, e.g.
//   { 'example.org': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
//     'sel._domainkey.example.org': { TXT: [dkimTxtRecord(publicKeyPem)] },
//     '_dmarc.example.org': { TXT: ['v=DMARC1; p=reject'] } }
// and sign the message with the matching private key (nodemailer's `dkim` option).
import { createPublicKey } from 'node:crypto';
import { authenticate } from 'mailauth';

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED';
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export type Verdicts = {
  spam: VerdictStatus;
  virus: VerdictStatus;
  spf: VerdictStatus;
  dkim: VerdictStatus;
  dmarc: VerdictStatus;
  /** Only when DMARC failed: the sending domain's policy (notifications-contents, dmarcPolicy). */
  dmarcPolicy?: DmarcPolicy;
};

/** The evidence behind the verdicts, for the Received-SPF and Authentication-Results headers. */
export type AuthenticationDetails = {
  spfComment: string;
  dkimDomain?: string;
  fromDomain?: string;
};

export type VerdictOverrides = Partial<Verdicts>;

/** Per-message overrides, removed from the message before anything stores or sees it. */
export const VERDICT_HEADER = 'X-Local-SES-Verdicts';

const STATUSES: readonly VerdictStatus[] = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED'];

/** `spf=FAIL; dkim=PASS; dmarc=FAIL; dmarcPolicy=reject; spam=FAIL; virus=PASS` (names case-insensitive). */
export function parseVerdictHeader(value: string): VerdictOverrides {
  const out: VerdictOverrides = {};
  for (const part of value.split(/[;,]/)) {
    const [rawName, rawValue] = part.split('=').map((s) => s?.trim());
    if (!rawName || !rawValue) continue;
    const name = rawName.toLowerCase();
    if (name === 'dmarcpolicy') {
      const policy = rawValue.toLowerCase();
      if (policy === 'none' || policy === 'quarantine' || policy === 'reject') out.dmarcPolicy = policy;
      continue;
    }
    const status = rawValue.toUpperCase() as VerdictStatus;
    if (!STATUSES.includes(status)) continue;
    if (name === 'spf' || name === 'dkim' || name === 'dmarc' || name === 'spam' || name === 'virus') out[name] = status;
  }
  return out;
}

export function applyOverrides(verdicts: Verdicts, ...overrides: (VerdictOverrides | undefined)[]): Verdicts {
  const merged: Verdicts = { ...verdicts };
  for (const o of overrides) if (o) Object.assign(merged, o);
  if (merged.dmarc !== 'FAIL') delete merged.dmarcPolicy;
  else if (!merged.dmarcPolicy) merged.dmarcPolicy = 'none';
  return merged;
}

// ---- DNS ----

export type DnsResolver = (name: string, rrtype: string) => Promise<unknown>;

export type LocalDnsRecord = { TXT?: string[]; A?: string[]; AAAA?: string[]; MX?: { exchange: string; priority: number }[] };
export type LocalDnsRecords = Record<string, LocalDnsRecord>;

/** A resolver over local records only; anything else is ENOTFOUND, as an unknown name would be. */
export function localDnsResolver(records: LocalDnsRecords = {}): DnsResolver {
  const byName = new Map(Object.entries(records).map(([name, record]) => [name.toLowerCase().replace(/\.$/, ''), record]));
  return async (name, rrtype) => {
    const record = byName.get(name.toLowerCase().replace(/\.$/, ''));
    const fail = (code: 'ENOTFOUND' | 'ENODATA') => Object.assign(new Error(`${code} ${rrtype} ${name} (local DNS)`), { code });
    if (!record) throw fail('ENOTFOUND');
    switch (rrtype) {
      case 'TXT':
        if (record.TXT?.length) return record.TXT.map((text) => chunk(text, 255));
        break;
      case 'A':
        if (record.A?.length) return record.A;
        break;
      case 'AAAA':
        if (record.AAAA?.length) return record.AAAA;
        break;
      case 'MX':
        if (record.MX?.length) return record.MX;
        break;
    }
    throw fail('ENODATA');
  };
}

/** The TXT record publishing a DKIM public key (RFC 6376 section 3.6.1). */
export function dkimTxtRecord(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}

function chunk(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length ? parts : [''];
}

// ---- mailauth results to SES verdicts ----

export type Connection = {
  /** The connecting client's address. */
  ip: string;
  /** The EHLO/HELO name. */
  helo: string;
  /** MAIL FROM (empty for bounces). */
  sender: string;
};

/**
 * mailauth's results mapped to SES's statuses: pass is PASS; fail (for DKIM, a signature
 * that does not verify) is FAIL; none, neutral and softfail are GRAY; temperror and
 * permerror are PROCESSING_FAILED. SES documents the statuses, not this mapping.
 */
export async function computeVerdicts(
  message: Buffer,
  connection: Connection,
  options: { resolver: DnsResolver; mta: string },
): Promise<{ verdicts: Verdicts; details: AuthenticationDetails }> {
  const result = await authenticate(message, {
    ip: connection.ip,
    helo: connection.helo,
    sender: connection.sender,
    mta: options.mta,
    resolver: options.resolver as never,
    disableBimi: true,
    disableArc: true,
  });
  const spfResult = result.spf ? String(result.spf.status.result) : 'none';
  const dkimResults = (result.dkim?.results ?? []) as { status: { result: string; comment?: string }; signingDomain?: string }[];
  const dmarcResult = result.dmarc ? String((result.dmarc as { status: { result: string } }).status.result) : 'none';
  const verdicts: Verdicts = {
    spam: 'PASS',
    virus: 'PASS',
    spf: spfStatus(spfResult),
    dkim: dkimStatus(dkimResults),
    dmarc: dmarcStatus(dmarcResult),
  };
  if (verdicts.dmarc === 'FAIL') {
    const policy = String((result.dmarc ? (result.dmarc as { policy?: string }).policy : undefined) ?? 'none').toLowerCase();
    verdicts.dmarcPolicy = policy === 'reject' || policy === 'quarantine' ? policy : 'none';
  }
  const comment = String((result.spf ? (result.spf as { status?: { comment?: string } }).status?.comment : undefined) ?? '').replace(/^[^:]*:\s*/, '');
  const passing = dkimResults.find((r) => r.status.result === 'pass') ?? dkimResults[0];
  return {
    verdicts,
    details: {
      spfComment: comment,
      ...(passing?.signingDomain ? { dkimDomain: passing.signingDomain } : {}),
      ...(result.dmarc && (result.dmarc as { domain?: string }).domain ? { fromDomain: (result.dmarc as { domain: string }).domain } : {}),
    },
  };
}

export function spfStatus(result: string): VerdictStatus {
  if (result === 'pass') return 'PASS';
  if (result === 'fail') return 'FAIL';
  if (result === 'temperror' || result === 'permerror') return 'PROCESSING_FAILED';
  return 'GRAY';
}

export function dkimStatus(results: { status: { result: string; comment?: string } }[]): VerdictStatus {
  if (results.length === 0) return 'GRAY';
  if (results.some((r) => r.status.result === 'pass')) return 'PASS';
  const broken = (r: { status: { result: string; comment?: string } }) =>
    r.status.result === 'fail' || r.status.result === 'policy' || (r.status.result === 'neutral' && /did not verify|bad signature/i.test(r.status.comment ?? ''));
  if (results.some(broken)) return 'FAIL';
  if (results.some((r) => r.status.result === 'temperror' || r.status.result === 'permerror')) return 'PROCESSING_FAILED';
  return 'GRAY';
}

export function dmarcStatus(result: string): VerdictStatus {
  if (result === 'pass') return 'PASS';
  if (result === 'fail') return 'FAIL';
  if (result === 'temperror' || result === 'permerror') return 'PROCESSING_FAILED';
  return 'GRAY';
}
