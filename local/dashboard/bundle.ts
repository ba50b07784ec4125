// The dashboard's TypeScript (dashboard/main.ts and what it imports, graphql's printer
// included) bundled for browsers by esbuild, in memory: nothing is written to disk.
import { build } from 'esbuild';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';

export const DASHBOARD_SOURCE = join(PROJECT_ROOT, 'dashboard');

export async function bundleDashboard(): Promise<string> {
  const result = await build({
    entryPoints: [join(DASHBOARD_SOURCE, 'main.ts')],
    tsconfig: join(DASHBOARD_SOURCE, 'tsconfig.json'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
