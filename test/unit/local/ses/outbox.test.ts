// The outbox keeps each accepted message's bytes exactly, with its record, in memory or under
// <dataDir>/mail/outbox (<messageId>.eml plus index.jsonl), across restarts.
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type OutboxEntry } from '../../../../local/ses/outbox';
import { renderTemplate } from '../../../../local/ses/templates';

const entry = (messageId: string): OutboxEntry => ({
  messageId,
  timestamp: '2030-01-01T00:00:00.000Z',
  api: 'SendRawEmail',
  source: 'a@calendar.localhost',
  destinations: ['b@example.org'],
  tags: {},
  from: 'a@calendar.localhost',
  to: ['b@example.org'],
  subject: 's',
  size: 3,
  recipients: [{ address: 'b@example.org', outcome: 'delivered' }],
});

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('Outbox', () => {
  it('keeps bytes exactly and lists newest first, in memory', async () => {
    const outbox = await Outbox.open();
    const bytes = Buffer.from([0xff, 0x00, 0x0d, 0x0a, 0x80]);
    await outbox.add(entry('m1'), bytes);
    await outbox.add(entry('m2'), Buffer.from('x'));
    expect(outbox.list().map((e) => e.messageId)).toEqual(['m2', 'm1']);
    expect(Buffer.compare((await outbox.raw('m1'))!, bytes)).toBe(0);
    expect(await outbox.raw('nope')).toBeUndefined();
  });

  it('writes <id>.eml and index.jsonl under <dataDir>/mail/outbox and reads them back after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ses-outbox-'));
    dirs.push(dataDir);
    const bytes = Buffer.from('Subject: é\r\n\r\nbody', 'latin1');
    const first = await Outbox.open(dataDir);
    await first.add(entry('m1'), bytes);
    const dir = join(dataDir, 'mail', 'outbox');
    expect((await readdir(dir)).sort()).toEqual(['index.jsonl', 'm1.eml']);
    expect(Buffer.compare(await readFile(join(dir, 'm1.eml')), bytes)).toBe(0);
    const reopened = await Outbox.open(dataDir);
    expect(reopened.list()).toEqual([entry('m1')]);
    expect(Buffer.compare((await reopened.raw('m1'))!, bytes)).toBe(0);
    // Appended, one line per message; a line a crash cut short is skipped.
    await reopened.add(entry('m2'), bytes);
    await appendFile(join(dir, 'index.jsonl'), '{"messageId":"m3","timest');
    expect((await Outbox.open(dataDir)).list().map((e) => e.messageId)).toEqual(['m2', 'm1']);
    await reopened.clear();
    expect(await readdir(dir)).toEqual(['index.jsonl']);
  });
});

describe('templates', () => {
  it('fills placeholders, escaping them in HTML only (https://docs.aws.amazon.com/ses/latest/dg/send-personalized-email-api.html)', () => {
    const rendered = renderTemplate(
      { subject: 'Hi {{name}}', text: 'Dear {{name}} at {{event.title}}', html: '<p>{{name}}</p><p>{{{raw}}}</p>' },
      JSON.stringify({ name: 'Ada & Bob', event: { title: 'Standup' }, raw: '<b>x</b>' }),
    );
    expect(rendered).toEqual({ subject: 'Hi Ada & Bob', text: 'Dear Ada & Bob at Standup', html: '<p>Ada &#x26; Bob</p><p><b>x</b></p>' });
  });
});
