// The local CA and server certificate, checked the way clients use them: a real
// node:https server on loopback and clients that trust only the generated CA, with
// certificate verification left on.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { LOCAL_TLS_HOSTS, TLS_FILES, loadOrCreateTls, type LocalTls } from '../../../../local/shared/tls';

const DAY_MS = 24 * 60 * 60 * 1000;

type Reply = { status: number; body: string };

function get(options: { host: string; port: number; ca?: string; servername?: string; family?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ ...options, path: '/', method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function ipv6Loopback(): Promise<boolean> {
  const probe = createNetServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

describe('local TLS over a real HTTPS server', () => {
  let tls: LocalTls;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    tls = await loadOrCreateTls();
    server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => res.end('ok'));
    port = await listen(server, '127.0.0.1');
  });

  afterAll(async () => {
    await close(server);
    rmSync(join(tls.caFile, '..'), { recursive: true, force: true });
  });

  it('is trusted for 127.0.0.1 by a client that trusts only the local CA', async () => {
    await expect(get({ host: '127.0.0.1', port, ca: tls.caPem })).resolves.toEqual({ status: 200, body: 'ok' });
  });

  it('is trusted for localhost', async () => {
    await expect(get({ host: 'localhost', family: 4, port, ca: tls.caPem })).resolves.toEqual({ status: 200, body: 'ok' });
  });

  it('is refused by a client that does not trust the local CA', async () => {
    await expect(get({ host: '127.0.0.1', port })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    const otherCa = await loadOrCreateTls();
    rmSync(join(otherCa.caFile, '..'), { recursive: true, force: true });
    await expect(get({ host: '127.0.0.1', port, ca: otherCa.caPem })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('is refused for a name it does not cover', async () => {
    await expect(get({ host: '127.0.0.1', servername: 'example.test', port, ca: tls.caPem })).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('is trusted for ::1 where the machine has IPv6 loopback', async (context) => {
    if (!(await ipv6Loopback())) context.skip();
    const v6 = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => res.end('ok'));
    try {
      await expect(get({ host: '::1', port: await listen(v6, '::1'), ca: tls.caPem })).resolves.toEqual({ status: 200, body: 'ok' });
    } finally {
      await close(v6);
    }
  });

  it('carries WSS for a client that trusts the local CA', async () => {
    const wss = new WebSocketServer({ server });
    wss.on('connection', (socket) => socket.send('hello'));
    try {
      const message = await new Promise<string>((resolve, reject) => {
        const socket = new WebSocket(`wss://localhost:${port}/graphql/realtime`, { ca: tls.caPem, family: 4 });
        socket.on('message', (data) => {
          resolve(String(data));
          socket.close();
        });
        socket.on('error', reject);
      });
      expect(message).toBe('hello');
    } finally {
      wss.close();
    }
  });

  it('issues the certificates clients and browsers expect', () => {
    const ca = new X509Certificate(tls.caPem);
    const cert = new X509Certificate(tls.certPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Calendar Invite Server local CA');
    expect(ca.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(Date.parse(ca.validTo) - Date.now()).toBeGreaterThan(9.9 * 365 * DAY_MS);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName?.split(', ').sort()).toEqual(['DNS:localhost', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:127.0.0.1']);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // extKeyUsage serverAuth
    const validity = Date.parse(cert.validTo) - Date.parse(cert.validFrom);
    expect(validity).toBeGreaterThan(365 * DAY_MS);
    expect(validity).toBeLessThan(366 * DAY_MS);
    expect(tls.hosts).toEqual(LOCAL_TLS_HOSTS);
    expect(tls.issued).toEqual({ ca: true, server: true });
  });
});

describe('local TLS kept in a directory', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tls-test-')), 'tls');
    dirs.push(join(dir, '..'));
    return dir;
  };

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('reuses the files on the next start and keeps private keys owner-only', async () => {
    const dir = newDir();
    const first = await loadOrCreateTls(dir);
    const second = await loadOrCreateTls(dir);
    expect(first.issued).toEqual({ ca: true, server: true });
    expect(second.issued).toEqual({ ca: false, server: false });
    expect([second.caPem, second.certPem, second.keyPem]).toEqual([first.caPem, first.certPem, first.keyPem]);
    expect(second.caFile).toBe(join(dir, TLS_FILES.ca));
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, TLS_FILES.caKey)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, TLS_FILES.serverKey)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, TLS_FILES.server)).mode & 0o777).toBe(0o644);
    }
  });

  it('re-issues the server certificate when the host list changes, keeping the CA', async () => {
    const dir = newDir();
    const first = await loadOrCreateTls(dir);
    const more = await loadOrCreateTls(dir, { hosts: [...LOCAL_TLS_HOSTS, 'calendar.localhost'] });
    expect(more.issued).toEqual({ ca: false, server: true });
    expect(more.caPem).toBe(first.caPem);
    expect(new X509Certificate(more.certPem).checkHost('calendar.localhost')).toBe('calendar.localhost');
    const back = await loadOrCreateTls(dir);
    expect(back.issued).toEqual({ ca: false, server: true });
    expect(new X509Certificate(back.certPem).checkHost('calendar.localhost')).toBeUndefined();
  });

  it('re-issues the server certificate before it expires, and the CA near the end of its 10 years', async () => {
    const dir = newDir();
    const start = Date.now();
    const first = await loadOrCreateTls(dir, { now: () => new Date(start) });
    expect((await loadOrCreateTls(dir, { now: () => new Date(start + 300 * DAY_MS) })).issued).toEqual({ ca: false, server: false });

    const renewed = await loadOrCreateTls(dir, { now: () => new Date(start + 360 * DAY_MS) });
    expect(renewed.issued).toEqual({ ca: false, server: true });
    expect(renewed.caPem).toBe(first.caPem);

    const newCa = await loadOrCreateTls(dir, { now: () => new Date(start + 3640 * DAY_MS) });
    expect(newCa.issued).toEqual({ ca: true, server: true });
    expect(new X509Certificate(newCa.certPem).checkIssued(new X509Certificate(newCa.caPem))).toBe(true);
  });

  it('replaces files it cannot use', async () => {
    const dir = newDir();
    await loadOrCreateTls(dir);
    writeFileSync(join(dir, TLS_FILES.server), 'not a certificate');
    const repaired = await loadOrCreateTls(dir);
    expect(repaired.issued).toEqual({ ca: false, server: true });
    expect(new X509Certificate(repaired.certPem).checkIssued(new X509Certificate(repaired.caPem))).toBe(true);
  });
});
