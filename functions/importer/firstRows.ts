// The row where each valid address first appeared, for the whole file: a later row with the
// same attendee key is a duplicate of it. This is the one part of the import that grows
// with the file (the rows themselves are streamed), so it is kept compact: an open-addressing
// table in typed arrays holding a 64-bit fingerprint of the key and the row, 12 bytes a slot,
// at most three quarters full: 16 to 32 bytes per distinct address, 1.6 to 3.2 MB for
// 100,000, outside the JS heap.
//
// Two different addresses share a fingerprint with probability about n^2 / 2^65 (3e-10 for
// 100,000 addresses); the later one would then be reported as a repeat of the earlier.
import { hash } from 'node:crypto';

const INITIAL_SLOTS = 1024;
const MAX_LOAD = 0.75;

export class FirstRows {
  private slots = INITIAL_SLOTS;
  private used = 0;
  private high = new Uint32Array(INITIAL_SLOTS);
  private low = new Uint32Array(INITIAL_SLOTS);
  /** 0 marks an empty slot: rows are numbered from 1. */
  private rows = new Uint32Array(INITIAL_SLOTS);

  /** The row `key` was first seen at; when it is new, remembers `row` (from 1) and returns undefined. */
  seenAt(key: string, row: number): number | undefined {
    if (!Number.isInteger(row) || row < 1) throw new RangeError(`row must be a positive integer (got ${row})`);
    const digest = hash('sha256', key, 'buffer');
    const high = digest.readUInt32LE(0);
    const low = digest.readUInt32LE(4);
    const slot = this.find(high, low);
    if (this.rows[slot] !== 0) return this.rows[slot];
    this.high[slot] = high;
    this.low[slot] = low;
    this.rows[slot] = row;
    this.used += 1;
    if (this.used > this.slots * MAX_LOAD) this.grow();
    return undefined;
  }

  /** Distinct keys remembered. */
  get size(): number {
    return this.used;
  }

  /** Memory held by the table. */
  get byteLength(): number {
    return this.high.byteLength + this.low.byteLength + this.rows.byteLength;
  }

  /** The slot holding this fingerprint, or the empty slot where it belongs (linear probing). */
  private find(high: number, low: number): number {
    const mask = this.slots - 1;
    let slot = low & mask;
    while (this.rows[slot] !== 0 && (this.high[slot] !== high || this.low[slot] !== low)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.slots *= 2;
    this.high = new Uint32Array(this.slots);
    this.low = new Uint32Array(this.slots);
    this.rows = new Uint32Array(this.slots);
    for (let i = 0; i < rows.length; i += 1) {
      if (rows[i] === 0) continue;
      const slot = this.find(high[i], low[i]);
      this.high[slot] = high[i];
      this.low[slot] = low[i];
      this.rows[slot] = rows[i];
    }
  }
}
