// `npm run bench [-- <name> ...]`: runs bench/<name>.bench.ts (all of them by default), one after the other.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''));
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = false;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`No benchmark ${name} (have: ${all.join(', ')})`);
    failed = true;
    continue;
  }
  const run = spawnSync('npx', ['tsx', `bench/${name}.bench.ts`], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
