// Where the local SES keeps what it accepted: each message's MIME bytes exactly as sent (raw
// sends byte for byte; SendEmail/Simple content as SES composes it) and a small record of the
// envelope, timestamp, configuration set, tags and what became of each recipient.
// With a data directory: `<dataDir>/mail/outbox/<messageId>.eml` plus `index.jsonl` beside them,
// one record per line, appended as each message is accepted (rewriting one JSON index per
// message made 10,000 sends quadratic); a line cut short by a crash is skipped when loading.
// Without a data directory, in memory.
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type RecipientOutcome = 'delivered' | 'bounced' | 'complained' | 'suppressed';

export type OutboxEntry = {
  messageId: string;
  /** ISO-8601, when SES accepted the message. */
  timestamp: string;
  /** Which call sent it: SendEmail, SendRawEmail, SendTemplatedEmail (v1) or v2:SendEmail. */
  api: string;
  /** Envelope sender (Source / FromEmailAddress, or the From header). */
  source: string;
  /** Envelope recipients (To, Cc and Bcc, or Destinations). */
  destinations: string[];
  configurationSetName?: string;
  tags: Record<string, string>;
  /** From the headers, for lists: decoded From, To and Subject. */
  from: string;
  to: string[];
  subject: string;
  size: number;
  recipients: { address: string; outcome: RecipientOutcome; detail?: string }[];
};

export const OUTBOX_DIR = join('mail', 'outbox');
const INDEX_FILE = 'index.jsonl';
/** The index as earlier versions wrote it (one JSON array), still read. */
const LEGACY_INDEX_FILE = 'index.json';

export class Outbox {
  private readonly entries: OutboxEntry[] = [];
  private readonly byId = new Map<string, OutboxEntry>();
  private readonly memory = new Map<string, Buffer>();
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly dir: string | undefined) {}

  /** Opens the outbox of a data directory (loading what it holds), or an in-memory one. */
  static async open(dataDir?: string): Promise<Outbox> {
    const dir = dataDir ? join(dataDir, OUTBOX_DIR) : undefined;
    const outbox = new Outbox(dir);
    if (dir) {
      await mkdir(dir, { recursive: true });
      const legacy = await readIfExists(join(dir, LEGACY_INDEX_FILE));
      if (legacy !== undefined) for (const entry of JSON.parse(legacy) as OutboxEntry[]) outbox.remember(entry);
      const lines = (await readIfExists(join(dir, INDEX_FILE))) ?? '';
      for (const line of lines.split('\n')) {
        if (!line.trim()) continue;
        try {
          outbox.remember(JSON.parse(line) as OutboxEntry);
        } catch {
          // The last line of a write a crash cut short: its message is not in the outbox.
        }
      }
    }
    return outbox;
  }

  /** Where messages are kept on disk, if anywhere. */
  get directory(): string | undefined {
    return this.dir;
  }

  private remember(entry: OutboxEntry): void {
    this.entries.push(entry);
    this.byId.set(entry.messageId, entry);
  }

  async add(entry: OutboxEntry, raw: Buffer): Promise<void> {
    this.remember(entry);
    if (!this.dir) {
      this.memory.set(entry.messageId, raw);
      return;
    }
    const dir = this.dir;
    await this.queue(async () => {
      await atomicWrite(join(dir, `${entry.messageId}.eml`), raw);
      await appendFile(join(dir, INDEX_FILE), `${JSON.stringify(entry)}\n`);
    });
  }

  /** Newest first. */
  list(): OutboxEntry[] {
    return [...this.entries].reverse();
  }

  get(messageId: string): OutboxEntry | undefined {
    return this.byId.get(messageId);
  }

  /** The message's bytes as accepted. */
  async raw(messageId: string): Promise<Buffer | undefined> {
    if (!this.get(messageId)) return undefined;
    if (!this.dir) return this.memory.get(messageId);
    await this.writes;
    return readFile(join(this.dir, `${messageId}.eml`));
  }

  /** Empties the outbox (its files included). */
  async clear(): Promise<void> {
    const ids = this.entries.map((e) => e.messageId);
    this.entries.length = 0;
    this.byId.clear();
    this.memory.clear();
    if (!this.dir) return;
    const dir = this.dir;
    await this.queue(async () => {
      for (const id of ids) await rm(join(dir, `${id}.eml`), { force: true });
      await rm(join(dir, LEGACY_INDEX_FILE), { force: true });
      await writeFile(join(dir, INDEX_FILE), '');
    });
  }

  /** Waits for pending writes. */
  flush(): Promise<void> {
    return this.writes;
  }

  private queue(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write);
    this.writes = next.catch(() => undefined);
    return next;
  }
}

async function atomicWrite(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
