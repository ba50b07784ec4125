// Whether the CSV import streams in constant memory: the same file shape at 10,000 and
// 100,000 rows, generated as it is read (16 KiB pieces, as S3 hands a body over), through
// importCsv with an instant fake invite port. Every SAMPLE_EVERY chunks the heap is
// collected (forced GC) and measured; the figure is the peak growth over the baseline taken
// before the run. The JS heap (heapUsed) is what streaming must keep flat; array buffers hold
// the index of first rows (firstRows.ts), which grows by design with the distinct addresses
// (needed to report repeats across the whole file), and is reported apart.
// Prints the growths and the 100k/10k ratios, and writes bench/results/importMemory.json.
// Usage: npm run bench -- importMemory   (needs no stack)
import { mkdirSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FirstRows } from '../functions/importer/firstRows';
import { importCsv } from '../functions/importer/importCsv';
import type { InviteOutcome } from '../functions/importer/invitePort';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SIZES = [10_000, 100_000];
/** Chunks between two samples (a forced GC each). */
const SAMPLE_EVERY = 10;
const PIECE_BYTES = 16 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/**
 * A guest list of `rows` data rows, made as it is read: names with commas and, every 50th,
 * a line break in quotes; an invalid address every 97th row; a repeat every 101st.
 */
function generatedCsv(rows: number): Readable {
  function* pieces() {
    let text = '\uFEFFemail,name,company\r\n';
    for (let i = 1; i <= rows; i += 1) {
      const email = i % 97 === 0 ? `not-an-address-${i}` : i % 101 === 0 ? `guest${i - 50}@example.com` : `guest${i}@example.com`;
      const name = i % 50 === 0 ? `"Guest, number ${i}\r\n(second line)"` : `"Guest, number ${i}"`;
      text += `${email},${name},Company ${i % 13}\r\n`;
      if (text.length >= PIECE_BYTES) {
        yield Buffer.from(text);
        text = '';
      }
    }
    if (text) yield Buffer.from(text);
  }
  return Readable.from(pieces(), { objectMode: false });
}

type Run = { rows: number; ms: number; heapGrowth: number; arrayBufferGrowth: number; invited: number; distinct: number };

async function run(rows: number): Promise<Run> {
  gc();
  const base = process.memoryUsage();
  let heapPeak = 0;
  let arrayBufferPeak = 0;
  let chunks = 0;
  const sample = () => {
    gc();
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed - base.heapUsed);
    arrayBufferPeak = Math.max(arrayBufferPeak, now.arrayBuffers - base.arrayBuffers);
  };
  const started = process.hrtime.bigint();
  const summary = await importCsv(generatedCsv(rows), {
    invite: async (chunk): Promise<InviteOutcome> => ({ invited: chunk.map((c) => ({ email: c.email })), duplicates: [], invalid: [], rejected: [] }),
    progress: async () => {
      chunks += 1;
      if (chunks % SAMPLE_EVERY === 0) sample();
    },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const t = summary.totals;
  if (t.rows !== rows || t.rows !== t.invited + t.duplicates + t.invalid + t.rejected + t.notInvited) throw new Error(`totals do not add up: ${JSON.stringify(t)}`);
  return { rows, ms, heapGrowth: heapPeak, arrayBufferGrowth: arrayBufferPeak, invited: t.invited, distinct: t.valid };
}

async function main() {
  // Warm up (JIT, papaparse's first use) before anything is measured.
  await run(5_000);
  const runs = new Map<number, Run[]>(SIZES.map((size) => [size, []]));
  for (let round = 0; round < ROUNDS; round += 1) for (const size of SIZES) runs.get(size)?.push(await run(size));

  const figures = SIZES.map((rows) => {
    const all = runs.get(rows) ?? [];
    const index = new FirstRows();
    for (let i = 0; i < all[0].distinct; i += 1) index.seenAt(`k${i}`, i + 2);
    return {
      rows,
      msPerRun: median(all.map((r) => r.ms)),
      heapGrowthBytes: median(all.map((r) => r.heapGrowth)),
      arrayBufferGrowthBytes: median(all.map((r) => r.arrayBufferGrowth)),
      firstRowsIndexBytes: index.byteLength,
      distinctAddresses: all[0].distinct,
    };
  });
  const [small, large] = figures;
  const result = {
    benchmark: 'importMemory',
    question: 'peak memory held while importCsv streams a 10,000 and a 100,000 row CSV (forced GC, sampled every few chunks)',
    rounds: ROUNDS,
    sizes: figures,
    heapGrowthRatio: large.heapGrowthBytes / small.heapGrowthBytes,
    totalGrowthRatio: (large.heapGrowthBytes + large.arrayBufferGrowthBytes) / (small.heapGrowthBytes + small.arrayBufferGrowthBytes),
    measuredAt: new Date().toISOString(),
  };
  for (const f of figures) {
    console.log(
      `importMemory: ${f.rows.toLocaleString('en-US')} rows in ${f.msPerRun.toFixed(0)} ms (forced GCs included); peak growth: JS heap ${mb(f.heapGrowthBytes)} MB, array buffers ${mb(f.arrayBufferGrowthBytes)} MB (first-rows index of ${f.distinctAddresses.toLocaleString('en-US')} addresses: ${mb(f.firstRowsIndexBytes)} MB)`,
    );
  }
  console.log(`importMemory: 100k/10k growth ratio: JS heap ${result.heapGrowthRatio.toFixed(2)} (flat is ~1), heap + array buffers ${result.totalGrowthRatio.toFixed(2)}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/importMemory.json', `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
