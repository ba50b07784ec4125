// Watches the sources a synthesis is built from and reports each burst of changes once,
// after a quiet spell: editors write a file in several steps (a temporary file, a rename,
// a backup), and a `git checkout` touches many files at once.
import { existsSync, statSync, watch } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { watchTree } from './watchTree';

/** What `npm run dev` watches, relative to the project root (cdk.json's watch list, and functions/). */
export const WATCHED_SOURCES = ['infra', 'resolvers', 'functions', 'schema.graphql'];

/** Quiet time after the last change before the burst is reported. */
export const DEBOUNCE_MS = 300;

// Vim (swap files, `4913` write test, `~` backups), Emacs (`.#` locks, `#autosave#`),
// JetBrains safe writes, generic `.tmp`, macOS metadata, Chrome's `.crswap`, `sed -i`.
const EDITOR_TEMP_FILE = /(^\.#|^#.*#$|~$|\.sw[a-z]$|^4913$|\.tmp$|___jb_(tmp|old)___$|^\.DS_Store$|\.crswap$|^sed[A-Za-z0-9]{6}$)/i;
const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Whether a changed path (relative to the watched root) is worth a rebuild. */
export function isSourceChange(path: string): boolean {
  const parts = path.split(/[\\/]/);
  if (parts.some((part) => IGNORED_DIRECTORIES.has(part))) return false;
  return !EDITOR_TEMP_FILE.test(parts[parts.length - 1] ?? '');
}

export type SourceWatcher = { close(): void };

export type WatchSourcesOptions = {
  root: string;
  /** Directories (watched recursively) and files, relative to `root`; missing ones are skipped. */
  sources?: readonly string[];
  debounceMs?: number;
  /** One burst of changes: the changed paths, relative to `root`. */
  onChange: (paths: string[]) => void;
  onError?: (error: Error) => void;
};

export function watchSources(options: WatchSourcesOptions): SourceWatcher {
  const { root, debounceMs = DEBOUNCE_MS } = options;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    if (!isSourceChange(path)) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      options.onChange(paths);
    }, debounceMs);
  };

  const watchers: { close(): void }[] = [];
  const onError = (error: Error) => options.onError?.(error);
  for (const source of options.sources ?? WATCHED_SOURCES) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) {
      watchers.push(watchTree(path, (changedPath) => changed(`${source}/${changedPath}`), { skipDirectory: (name) => IGNORED_DIRECTORIES.has(name), onError }));
      continue;
    }
    // A file is watched through its folder: editors that save by renaming a new file over
    // it would leave a watcher on the file itself watching the old, deleted inode.
    const name = basename(path);
    const watcher = watch(dirname(path), (_event, changedName) => {
      if (changedName?.toString() === name) changed(relative(root, path).split(sep).join('/'));
    });
    watcher.on('error', onError);
    watchers.push(watcher);
  }

  return {
    close() {
      clearTimeout(timer);
      pending.clear();
      for (const watcher of watchers) watcher.close();
    },
  };
}
