// Watches a directory tree for changes, one non-recursive watcher per directory. Node 20's
// own `recursive` watch on Linux follows files by inode: once a file is replaced by a rename
// (`sed -i`, and editors' "safe write"), later changes to it go unreported. A directory's
// watcher reports every entry by name, whatever replaced it.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type TreeWatcher = { close(): void };

/**
 * @param onChange a path (relative to `root`, `/`-separated) that was written, created,
 *   renamed or removed; a new directory is reported itself (its files may predate its watcher)
 * @param skipDirectory directories not to enter (by name)
 */
export function watchTree(
  root: string,
  onChange: (path: string) => void,
  options: { skipDirectory?: (name: string) => boolean; onError?: (error: Error) => void } = {},
): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  const relativePath = (path: string) => relative(root, path).split(sep).join('/');
  const isDirectory = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  const unwatch = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(`${dir}${sep}`)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        if (!name) return;
        const path = join(dir, name.toString());
        onChange(relativePath(path));
        if (event !== 'rename') return;
        if (isDirectory(path)) {
          if (!options.skipDirectory?.(name.toString())) add(path);
        } else {
          unwatch(path);
        }
      });
    } catch (error) {
      // Removed between its listing and its watch.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    watcher.on('error', (error) => {
      unwatch(dir);
      if (isDirectory(dir)) options.onError?.(error);
    });
    watchers.set(dir, watcher);
    let entries: { name: string; isDirectory(): boolean }[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Removed meanwhile: its parent reports it.
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !options.skipDirectory?.(entry.name)) add(join(dir, entry.name));
    }
  };
  add(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
