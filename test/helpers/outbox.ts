// The local SES outbox, read through the mail viewer's JSON routes (local/ses/viewer).
import { endpoints } from './api';

export type OutboxMail = { messageId: string; timestamp: string; from: string; to: string[]; destinations: string[]; subject: string; tags: Record<string, string> };

export async function outbox(): Promise<OutboxMail[]> {
  const out = (await (await fetch(`${endpoints().mailViewerUrl}/messages`)).json()) as { messages: OutboxMail[] };
  return out.messages;
}

/** Mails that `match` accepts, once there are `count` of them (or the time is up: what there is). */
export async function waitForMails(match: (mail: OutboxMail) => boolean, count: number, timeoutMs = 30_000): Promise<OutboxMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await outbox()).filter(match);
    if (found.length >= count || Date.now() > until) return found.reverse();
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The mail byte for byte (CRLF line ends). */
export async function rawMail(messageId: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${endpoints().mailViewerUrl}/messages/${messageId}/raw`)).arrayBuffer());
}

/** Waits `ms` and says whether more mails matched than `count` meanwhile (for "no second copy" checks). */
export async function noMoreMails(match: (mail: OutboxMail) => boolean, count: number, ms = 2_000): Promise<OutboxMail[]> {
  await new Promise((r) => setTimeout(r, ms));
  return (await outbox()).filter(match);
}
