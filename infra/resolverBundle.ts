// Bundles one APPSYNC_JS resolver or function from resolvers/ into the single ES module file
// AppSync takes, with AWS's documented esbuild settings: everything inlined but
// @aws-appsync/utils (the runtime provides it), an inline source map without sources.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESOLVERS_DIR = join(PROJECT_ROOT, 'resolvers');
export const RESOLVER_BUILD_DIR = join(PROJECT_ROOT, 'build', 'resolvers');

/** AppSync's limit on a resolver's or function's code, source map included (AppSync quotas). */
export const RESOLVER_CODE_MAX_CHARS = 32_768;

export type BundleOptions = {
  /** Directory the entry is relative to. @default resolvers/ */
  root?: string;
  /** Directory the bundle is written to. @default build/resolvers/ */
  outDir?: string;
};

/** Bundles `resolvers/<entry>` (e.g. `events/createEvent.ts`) and returns the bundle's path. */
export function bundleResolver(entry: string, options: BundleOptions = {}): string {
  const source = join(options.root ?? RESOLVERS_DIR, entry);
  const outfile = join(options.outDir ?? RESOLVER_BUILD_DIR, entry.replace(/\.ts$/, '.js'));
  buildSync({
    entryPoints: [source],
    outfile,
    bundle: true,
    sourcemap: 'inline',
    sourcesContent: false,
    target: 'esnext',
    platform: 'node',
    format: 'esm',
    external: ['@aws-appsync/utils'],
    logLevel: 'silent',
  });
  const size = readFileSync(outfile, 'utf8').length;
  if (size > RESOLVER_CODE_MAX_CHARS) {
    throw new Error(
      `${relative(PROJECT_ROOT, source)} bundles to ${size} characters; AppSync accepts at most ${RESOLVER_CODE_MAX_CHARS} (source map included).`,
    );
  }
  return outfile;
}
