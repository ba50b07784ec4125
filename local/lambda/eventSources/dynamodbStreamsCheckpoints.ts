// Where each mapping is in each shard: the last sequence number done with, and whether the
// shard is finished (closed and read to its end). Lambda keeps this with the mapping; locally
// it is in memory, or in a JSON file under the data directory so that a restart with kept
// tables resumes after the last checkpoint instead of replaying the stream.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type ShardCheckpoint = { sequenceNumber?: string; finished?: boolean };

export class StreamCheckpoints {
  private readonly entries: Record<string, ShardCheckpoint>;

  /** @param file JSON file to keep checkpoints in; undefined keeps them in memory. */
  constructor(private readonly file?: string) {
    this.entries = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ShardCheckpoint>) : {};
  }

  static key(mappingUuid: string, streamArn: string, shardId: string): string {
    return `${mappingUuid} ${streamArn} ${shardId}`;
  }

  get(key: string): ShardCheckpoint | undefined {
    return this.entries[key];
  }

  advance(key: string, sequenceNumber: string): void {
    this.entries[key] = { ...this.entries[key], sequenceNumber };
    this.save();
  }

  finish(key: string): void {
    this.entries[key] = { ...this.entries[key], finished: true };
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Written whole and renamed, so a crash never leaves half a file.
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.entries, null, 1));
    renameSync(temporary, this.file);
  }
}
