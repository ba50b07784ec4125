// Issues and inspects the local certificates with node-forge: a CA that only this machine
// trusts, and a server certificate it signs for the loopback names. Keys come from Node's
// native RSA generator (forge's pure-JS one takes seconds for 2048 bits).
// Extensions follow RFC 5280 (basicConstraints, keyUsage, extKeyUsage serverAuth,
// subjectAltName with iPAddress and dNSName entries); clients match IPs and names only
// against subjectAltName, never the common name (RFC 6125 / Node's checkServerIdentity).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export const CA_COMMON_NAME = 'Calendar Invite Server local CA';
const ORGANIZATION = 'Calendar Invite Server (local development)';
const RSA_BITS = 2048;
/** Backdating absorbs small clock differences between this process and a client (VMs, containers). */
const BACKDATE_MS = 60 * 60 * 1000;

export type IssuedPair = { certPem: string; keyPem: string };

export function issueCa(now: Date, validityMs: number): IssuedPair {
  const { key, keyPem } = newRsaKey();
  const subject = [
    { name: 'commonName', value: CA_COMMON_NAME },
    { name: 'organizationName', value: ORGANIZATION },
  ];
  const cert = newCertificate(key, now, validityMs);
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

export function issueServerCertificate(ca: IssuedPair, hosts: readonly string[], now: Date, validityMs: number): IssuedPair {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const { key, keyPem } = newRsaKey();
  const cert = newCertificate(key, now, validityMs);
  cert.setSubject([
    { name: 'commonName', value: hosts.find((h) => !isIP(h)) ?? hosts[0] ?? 'localhost' },
    { name: 'organizationName', value: ORGANIZATION },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hosts.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

/** A CA still worth keeping: parseable, a CA, its key matches, valid until after `until`. */
export function caIsUsable(ca: IssuedPair, now: Date, until: Date): boolean {
  return attempt(() => {
    const cert = forge.pki.certificateFromPem(ca.certPem);
    const constraints = cert.getExtension('basicConstraints') as { cA?: boolean } | undefined;
    return Boolean(constraints?.cA) && keyMatches(cert, ca.keyPem) && isCurrent(cert, now, until);
  });
}

/** A server certificate still worth keeping: signed by `caPem`, key matches, current, exactly `hosts`. */
export function serverCertificateIsUsable(server: IssuedPair, caPem: string, hosts: readonly string[], now: Date, until: Date): boolean {
  return attempt(() => {
    const cert = forge.pki.certificateFromPem(server.certPem);
    const caCert = forge.pki.certificateFromPem(caPem);
    return caCert.verify(cert) && keyMatches(cert, server.keyPem) && isCurrent(cert, now, until) && sameHosts(cert, hosts);
  });
}

function newRsaKey(): { key: forge.pki.rsa.PrivateKey; keyPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { key: forge.pki.privateKeyFromPem(privateKey), keyPem: privateKey };
}

function newCertificate(key: forge.pki.rsa.PrivateKey, now: Date, validityMs: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive 128-bit serial (RFC 5280 section 4.1.2.2: positive, at most 20 bytes, unique per CA).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  cert.validity.notAfter = new Date(now.getTime() + validityMs);
  return cert;
}

function keyMatches(cert: forge.pki.Certificate, keyPem: string): boolean {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
}

function isCurrent(cert: forge.pki.Certificate, now: Date, until: Date): boolean {
  return cert.validity.notBefore.getTime() <= now.getTime() && cert.validity.notAfter.getTime() > until.getTime();
}

/** Compares subjectAltName entries by value: IPs in canonical form, so `::1` and `0:0:0:0:0:0:0:1` agree. */
function sameHosts(cert: forge.pki.Certificate, hosts: readonly string[]): boolean {
  const extension = cert.getExtension('subjectAltName') as { altNames?: { type: number; value: string; ip?: string }[] } | undefined;
  const present = new Set((extension?.altNames ?? []).map((n) => (n.type === 7 ? `ip:${canonicalIp(n.ip ?? '')}` : `dns:${n.value.toLowerCase()}`)));
  const wanted = new Set(hosts.map((h) => (isIP(h) ? `ip:${canonicalIp(h)}` : `dns:${h.toLowerCase()}`)));
  return present.size === wanted.size && [...wanted].every((entry) => present.has(entry));
}

/** The WHATWG URL parser writes IPv4 and IPv6 addresses in one canonical form. */
function canonicalIp(ip: string): string {
  return new URL(`http://${isIP(ip) === 6 ? `[${ip}]` : ip}`).hostname;
}

function attempt(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    // Unparseable or foreign files: issue new ones.
    return false;
  }
}
