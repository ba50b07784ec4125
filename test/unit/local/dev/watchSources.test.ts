import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSourceChange, watchSources, type SourceWatcher } from '../../../../local/dev/watchSources';

describe('isSourceChange', () => {
  it.each(['resolvers/events/createEvent.ts', 'schema.graphql', 'infra/api.ts', 'functions/invite-dispatch/handler.ts'])('takes %s', (path) => {
    expect(isSourceChange(path)).toBe(true);
  });

  it.each([
    'resolvers/events/.createEvent.ts.swp',
    'resolvers/events/.createEvent.ts.swx',
    'resolvers/events/4913',
    'resolvers/events/createEvent.ts~',
    'infra/.#api.ts',
    'infra/#api.ts#',
    'infra/api.ts___jb_tmp___',
    'infra/api.ts.tmp',
    'functions/node_modules/x/index.js',
    'infra/.DS_Store',
    'resolvers/events/sedX1b2Zq',
  ])('ignores the editor or tool file %s', (path) => {
    expect(isSourceChange(path)).toBe(false);
  });
});

describe('watchSources', () => {
  let root: string;
  let watcher: SourceWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports a burst of changes once, after the quiet time, with paths from the root', async () => {
    root = mkdtempSync(join(tmpdir(), 'watch-sources-'));
    mkdirSync(join(root, 'resolvers', 'events'), { recursive: true });
    writeFileSync(join(root, 'schema.graphql'), 'type Query { a: String }');
    const bursts: string[][] = [];
    watcher = watchSources({ root, sources: ['resolvers', 'schema.graphql', 'missing'], debounceMs: 100, onChange: (paths) => bursts.push(paths) });
    await new Promise((r) => setTimeout(r, 50));

    writeFileSync(join(root, 'resolvers', 'events', '.createEvent.ts.swp'), 'swap');
    writeFileSync(join(root, 'resolvers', 'events', 'createEvent.ts'), 'export {}');
    // An editor's safe write: a new file renamed over the old one.
    writeFileSync(join(root, 'schema.graphql.tmp'), 'type Query { b: String }');
    renameSync(join(root, 'schema.graphql.tmp'), join(root, 'schema.graphql'));
    await new Promise((r) => setTimeout(r, 400));

    expect(bursts).toEqual([['resolvers/events/createEvent.ts', 'schema.graphql']]);

    // The same file, replaced by a rename, then written in place: both seen (two bursts).
    writeFileSync(join(root, 'resolvers', 'events', 'sedAb12Cd'), 'export const a = 1;');
    renameSync(join(root, 'resolvers', 'events', 'sedAb12Cd'), join(root, 'resolvers', 'events', 'createEvent.ts'));
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(join(root, 'resolvers', 'events', 'createEvent.ts'), 'export const a = 2;');
    await new Promise((r) => setTimeout(r, 400));
    expect(bursts.slice(1)).toEqual([['resolvers/events/createEvent.ts'], ['resolvers/events/createEvent.ts']]);
  });
});
