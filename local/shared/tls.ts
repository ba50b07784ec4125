// HTTPS/WSS for the local services: a local certificate authority and a server certificate
// for the loopback names, made on first run and kept in a directory (e.g. .data/tls/), or
// made per process when no directory is given.
//
//   const tls = await loadOrCreateTls(join(dataDir, 'tls'));
//   https.createServer({ cert: tls.certPem, key: tls.keyPem }, handler);
//   // clients trust tls.caFile (NODE_EXTRA_CA_CERTS, a browser's trust store, `connect: { ca }`)
//
// The CA is reused for years, so a client told to trust it once keeps working; the server
// certificate is re-issued when it is about to expire, when the host list changes or when
// the CA changes. Private keys are written with mode 0600 and never leave the directory.
// Without a directory only the CA certificate (public) is written, to a temp file, so
// callers can still hand `caFile` to clients; each process then has its own CA.
import { existsSync, mkdtempSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caIsUsable, issueCa, issueServerCertificate, serverCertificateIsUsable, type IssuedPair } from './tlsCertificates';

/** The names clients use to reach the local services. */
export const LOCAL_TLS_HOSTS: readonly string[] = ['127.0.0.1', '::1', 'localhost'];

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_VALIDITY_MS = 3652 * DAY_MS; // 10 years
// One year: within Apple's rules for any trusted TLS server certificate, a locally trusted one
// included (at most 825 days, serverAuth EKU, names in subjectAltName, RSA >= 2048, SHA-2):
// https://support.apple.com/en-us/103769
const SERVER_VALIDITY_MS = 365 * DAY_MS;
/** Renew ahead of expiry so a long-running dev server does not cross it. */
const CA_RENEW_BEFORE_MS = 30 * DAY_MS;
const SERVER_RENEW_BEFORE_MS = 7 * DAY_MS;

export const TLS_FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', server: 'server.pem', serverKey: 'server-key.pem' } as const;

export type LocalTls = {
  /** PEM of the CA clients must trust. */
  caPem: string;
  /** PEM of the server certificate (for `https.createServer({ cert })`). */
  certPem: string;
  /** PEM (PKCS#8) of the server key (for `https.createServer({ key })`). */
  keyPem: string;
  /** A file holding `caPem`: in the directory, or a temp file when in memory. */
  caFile: string;
  /** The names the server certificate covers. */
  hosts: readonly string[];
  /** What this call had to issue (worth a log line: a new CA must be trusted again). */
  issued: { ca: boolean; server: boolean };
};

export type TlsOptions = {
  /** Names the server certificate must cover (default LOCAL_TLS_HOSTS). */
  hosts?: readonly string[];
  /** The clock; injected in tests. */
  now?: () => Date;
};

export async function loadOrCreateTls(dir?: string, options: TlsOptions = {}): Promise<LocalTls> {
  const hosts = [...(options.hosts ?? LOCAL_TLS_HOSTS)];
  const now = (options.now ?? (() => new Date()))();
  const kept = dir ? await readKept(dir) : {};

  let ca = kept.ca;
  const caIssued = !ca || !caIsUsable(ca, now, new Date(now.getTime() + CA_RENEW_BEFORE_MS));
  if (caIssued) ca = issueCa(now, CA_VALIDITY_MS);
  let server = kept.server;
  const serverIssued = caIssued || !server || !serverCertificateIsUsable(server, ca!.certPem, hosts, now, new Date(now.getTime() + SERVER_RENEW_BEFORE_MS));
  if (serverIssued) server = issueServerCertificate(ca!, hosts, now, SERVER_VALIDITY_MS);

  let caFile: string;
  if (dir) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (caIssued) await writeAtomically(join(dir, TLS_FILES.caKey), ca!.keyPem, 0o600);
    if (caIssued) await writeAtomically(join(dir, TLS_FILES.ca), ca!.certPem, 0o644);
    if (serverIssued) await writeAtomically(join(dir, TLS_FILES.serverKey), server!.keyPem, 0o600);
    if (serverIssued) await writeAtomically(join(dir, TLS_FILES.server), server!.certPem, 0o644);
    await restrictKeys(dir);
    caFile = join(dir, TLS_FILES.ca);
  } else {
    caFile = join(mkdtempSync(join(tmpdir(), 'calendar-invite-tls-')), TLS_FILES.ca);
    await writeFile(caFile, ca!.certPem, { mode: 0o644 });
  }
  return { caPem: ca!.certPem, certPem: server!.certPem, keyPem: server!.keyPem, caFile, hosts, issued: { ca: caIssued, server: serverIssued } };
}

async function readKept(dir: string): Promise<{ ca?: IssuedPair; server?: IssuedPair }> {
  const read = async (cert: string, key: string): Promise<IssuedPair | undefined> => {
    if (!existsSync(join(dir, cert)) || !existsSync(join(dir, key))) return undefined;
    return { certPem: await readFile(join(dir, cert), 'utf8'), keyPem: await readFile(join(dir, key), 'utf8') };
  };
  return { ca: await read(TLS_FILES.ca, TLS_FILES.caKey), server: await read(TLS_FILES.server, TLS_FILES.serverKey) };
}

/** Write then rename, so a crash never leaves half a key; the mode is set on the new file. */
async function writeAtomically(file: string, text: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode });
  await chmod(temporary, mode);
  await rename(temporary, file);
}

/** Keys copied in by hand may have looser modes: keep them owner-only. */
async function restrictKeys(dir: string): Promise<void> {
  for (const key of [TLS_FILES.caKey, TLS_FILES.serverKey]) await chmod(join(dir, key), 0o600);
}
