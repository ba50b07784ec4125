// `swaks --to rsvp@<domain> --server 127.0.0.1:PORT` drives the whole path: swaks's own
// dialogue (EHLO, MAIL FROM, RCPT TO, DATA with its default test message), answered and stored.
// The swaks case runs when the swaks binary is installed (Debian: apt-get install swaks); the
// same dialogue is also played over a plain socket so the path is tested everywhere.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rule, ruleSet, startSmtp, type SmtpHarness } from './harness';

const run = promisify(execFile);
const swaks = ['/usr/bin/swaks', '/usr/local/bin/swaks'].find((p) => existsSync(p));
let h: SmtpHarness;

beforeAll(async () => {
  h = await startSmtp({ ruleSets: [ruleSet('InboundRules', rule('rsvp', ['invites.example.com'], [{ type: 'S3', bucketName: 'inbound-mail', objectKeyPrefix: 'emails/' }]))] });
});
afterAll(() => h.stop());

/** Sends lines one at a time, waiting for the server's complete answer to each, as swaks does. */
async function dialogue(port: number, lines: string[]): Promise<string[]> {
  const socket = createConnection({ host: '127.0.0.1', port });
  const replies: string[] = [];
  let buffer = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (data: Buffer) => {
    buffer += data.toString();
    // A reply is complete at a line "ddd text" (a space after the code, not a dash).
    if (/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(buffer)) {
      replies.push(buffer);
      buffer = '';
      waiting?.();
    }
  });
  const next = () => new Promise<void>((resolve) => (waiting = resolve));
  await next();
  for (const line of lines) {
    socket.write(`${line}\r\n`);
    await next();
  }
  socket.end();
  return replies;
}

describe('swaks', () => {
  it.skipIf(!swaks)('delivers `swaks --to rsvp@invites.example.com --server 127.0.0.1:PORT`', async () => {
    const { stdout } = await run(swaks!, ['--to', 'rsvp@invites.example.com', '--server', `127.0.0.1:${h.smtp.port}`]);
    expect(stdout).toMatch(/<- {2}250 Ok [a-z0-9]{40}/);
    await h.smtp.settled();
    const stored = [...h.services.objects.values()].at(-1)!.toString();
    expect(stored).toMatch(/X-Mailer: swaks/);
  });

  it('answers swaks’s dialogue over a plain socket and refuses an unknown recipient', async () => {
    const replies = await dialogue(h.smtp.port, [
      'EHLO client.example.org',
      'MAIL FROM:<root@client.example.org>',
      'RCPT TO:<nobody@elsewhere.test>',
      'RCPT TO:<rsvp@invites.example.com>',
      'DATA',
      ['Date: Wed, 02 Jan 2030 10:00:00 +0000', 'To: rsvp@invites.example.com', 'From: root@client.example.org', 'Subject: test', 'X-Mailer: swaks v20201014.0', '', 'This is a test mailing', '', '.'].join('\r\n'),
      'QUIT',
    ]);
    expect(replies[0]).toMatch(/^220 inbound-smtp\.us-east-1\.amazonaws\.com ESMTP/);
    expect(replies.slice(1).map((r) => r.split('\r\n').filter(Boolean).at(-1)!.slice(0, 3))).toEqual(['250', '250', '550', '250', '354', '250', '221']);
    await h.smtp.settled();
    const stored = [...h.services.objects.values()].at(-1)!.toString();
    expect(stored.endsWith('Subject: test\r\nX-Mailer: swaks v20201014.0\r\n\r\nThis is a test mailing\r\n\r\n')).toBe(true);
    expect(stored).toContain('Received: from client.example.org (client.example.org [127.0.0.1])');
  });
});
