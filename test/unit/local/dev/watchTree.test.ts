import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchTree, type TreeWatcher } from '../../../../local/dev/watchTree';

describe('watchTree', () => {
  let root: string;
  let watcher: TreeWatcher;
  let seen: Set<string>;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'watch-tree-'));
    mkdirSync(join(root, 'events', 'fn'), { recursive: true });
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'events', 'fn', 'step.ts'), 'v1');
    seen = new Set();
    watcher = watchTree(root, (path) => seen.add(path), { skipDirectory: (name) => name === 'node_modules' });
    await new Promise((r) => setTimeout(r, 50));
  });
  afterEach(() => {
    watcher.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps reporting a file after a rename replaced it (sed -i, safe writes)', async () => {
    const file = join(root, 'events', 'fn', 'step.ts');
    writeFileSync(`${file}.new`, 'v2');
    renameSync(`${file}.new`, file);
    await vi.waitFor(() => expect(seen).toContain('events/fn/step.ts'));
    seen.clear();
    writeFileSync(file, 'v3');
    await vi.waitFor(() => expect(seen).toContain('events/fn/step.ts'));
  });

  it('watches directories created after it started, and skips the ones it is told to', async () => {
    mkdirSync(join(root, 'rsvps'));
    await vi.waitFor(() => expect(seen).toContain('rsvps'));
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(join(root, 'rsvps', 'rsvp.ts'), 'export {}');
    writeFileSync(join(root, 'node_modules', 'x.js'), '');
    await vi.waitFor(() => expect(seen).toContain('rsvps/rsvp.ts'));
    expect([...seen].some((p) => p.startsWith('node_modules/'))).toBe(false);
  });

  it('reports a removed directory and keeps watching the rest', async () => {
    rmSync(join(root, 'events', 'fn'), { recursive: true });
    await vi.waitFor(() => expect(seen).toContain('events/fn'));
    writeFileSync(join(root, 'events', 'event.ts'), 'export {}');
    await vi.waitFor(() => expect(seen).toContain('events/event.ts'));
  });
});
