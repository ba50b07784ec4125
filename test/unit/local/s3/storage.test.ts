// Objects kept under <dataDir>/s3/<bucket>/ survive a restart, whatever their keys hold:
// slashes, unicode, case differences (case-insensitive file systems), dots, long keys.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStorage, objectFileName, type ObjectMeta } from '../../../../local/s3/storage';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const meta = (key: string, size: number): ObjectMeta => ({ key, size, etag: '"x"', lastModified: 0, contentType: 'text/plain', metadata: { who: 'test' } });

describe('FileStorage', () => {
  it('keeps objects and metadata side by side and finds them again after a restart', () => {
    const root = mkdtempSync(join(tmpdir(), 's3-storage-'));
    dirs.push(root);
    const keys = ['emails/2030/ä ß.eml', 'Invite.ics', 'invite.ics', '.', '..', '../escape', `long/${'x'.repeat(400)}`];
    const first = new FileStorage(root);
    first.createBucket({ name: 'inbound', created: 1, region: 'us-east-1' });
    keys.forEach((key, i) => first.write('inbound', meta(key, i), Buffer.from(`body ${i}`)));

    const second = new FileStorage(root);
    expect(second.listBuckets()).toEqual([{ name: 'inbound', created: 1, region: 'us-east-1' }]);
    expect([...second.objects('inbound')].map((m) => m.key).sort()).toEqual([...keys].sort());
    keys.forEach((key, i) => expect(second.read('inbound', key).toString()).toBe(`body ${i}`));
    // Everything stays inside the bucket's folder: one object file and one metadata file per key.
    expect(readdirSync(join(root, 'inbound')).filter((f) => f.endsWith('@object'))).toHaveLength(keys.length);
    second.remove('inbound', 'Invite.ics');
    expect(new FileStorage(root).head('inbound', 'Invite.ics')).toBeUndefined();
    expect(new FileStorage(root).head('inbound', 'invite.ics')?.size).toBe(2);
  });

  it('names files by percent-encoding all but [a-z0-9._-], and hashes names that would be too long', () => {
    expect(objectFileName('emails/Ada.eml')).toBe('emails%2F%41da.eml');
    expect(objectFileName('x'.repeat(300))).toMatch(/^~[0-9a-f]{64}$/);
  });
});
