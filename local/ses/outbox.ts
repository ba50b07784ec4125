// Where the local SES keeps what it accepted: each message's MIME bytes exactly as sent (raw
// sends byte for byte; SendEmail/Simple content as SES composes it) and a small record of the
// envelope, timestamp, configuration set, tags and what became of each recipient.
// With a data directory: `<dataDir>/mail/outbox/<messageId>.eml` plus `index.json` beside them
// (written through a temporary file and a rename, so a crash leaves the old index); without
// one, in memory.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
const INDEX_FILE = 'index.json';

export class Outbox {
  private readonly entries: OutboxEntry[] = [];
  private readonly memory = new Map<string, Buffer>();
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly dir: string | undefined) {}

  /** Opens the outbox of a data directory (loading what it holds), or an in-memory one. */
  static async open(dataDir?: string): Promise<Outbox> {
    const dir = dataDir ? join(dataDir, OUTBOX_DIR) : undefined;
    const outbox = new Outbox(dir);
    if (dir) {
      await mkdir(dir, { recursive: true });
      try {
        const kept = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as OutboxEntry[];
        outbox.entries.push(...kept);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return outbox;
  }

  /** Where messages are kept on disk, if anywhere. */
  get directory(): string | undefined {
    return this.dir;
  }

  async add(entry: OutboxEntry, raw: Buffer): Promise<void> {
    this.entries.push(entry);
    if (!this.dir) {
      this.memory.set(entry.messageId, raw);
      return;
    }
    const dir = this.dir;
    await this.queue(async () => {
      await atomicWrite(join(dir, `${entry.messageId}.eml`), raw);
      await atomicWrite(join(dir, INDEX_FILE), JSON.stringify(this.entries, null, 1));
    });
  }

  /** Newest first. */
  list(): OutboxEntry[] {
    return [...this.entries].reverse();
  }

  get(messageId: string): OutboxEntry | undefined {
    return this.entries.find((e) => e.messageId === messageId);
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
    this.memory.clear();
    if (!this.dir) return;
    const dir = this.dir;
    await this.queue(async () => {
      for (const id of ids) await rm(join(dir, `${id}.eml`), { force: true });
      await atomicWrite(join(dir, INDEX_FILE), '[]');
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
