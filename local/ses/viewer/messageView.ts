// One outbox message as the viewer's JSON and pages show it: the record, the headers (encoded
// words decoded), and every leaf MIME part with its decoded text (text/*), HTML (text/html),
// calendar (text/calendar, application/ics) and where to download it.
import { decodeWords } from '../mimeDecode';
import { leafParts, parseMessage, partBytes, partText, type MimePart } from '../mimeTree';
import type { OutboxEntry } from '../outbox';
import { calendarView, type CalendarView } from './calendarView';

export type PartView = {
  path: string;
  contentType: string;
  charset?: string;
  transferEncoding: string;
  disposition?: string;
  filename?: string;
  /** Decoded size in bytes. */
  size: number;
  text?: string;
  html?: string;
  calendar?: CalendarView;
  /** Relative to the viewer's base path. */
  downloadPath: string;
};

export type MessageView = OutboxEntry & {
  headers: { name: string; value: string }[];
  parts: PartView[];
  /** The first calendar part's METHOD, for lists. */
  calendarMethod?: string;
};

const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

export function messageView(entry: OutboxEntry, raw: Buffer): MessageView {
  const root = parseMessage(raw);
  const parts = leafParts(root).map((part) => partView(entry.messageId, part));
  return {
    ...entry,
    headers: root.headers.map((h) => ({ name: h.name, value: decodeWords(h.value) })),
    parts,
    calendarMethod: parts.find((p) => p.calendar)?.calendar?.method,
  };
}

function partView(messageId: string, part: MimePart): PartView {
  const bytes = partBytes(part);
  const view: PartView = {
    path: part.path,
    contentType: part.contentType,
    charset: part.params.charset,
    transferEncoding: part.transferEncoding,
    disposition: part.disposition,
    filename: part.filename,
    size: bytes.length,
    downloadPath: `messages/${encodeURIComponent(messageId)}/parts/${part.path}`,
  };
  if (CALENDAR_TYPES.has(part.contentType)) {
    const text = partText(part);
    view.text = text;
    view.calendar = calendarView(text, part.params.method);
  } else if (part.contentType === 'text/html') {
    view.html = partText(part);
  } else if (part.contentType.startsWith('text/')) {
    view.text = partText(part);
  }
  return view;
}

/** File name for a part download: its own, or one made from its number and type. */
export function partFileName(part: MimePart): string {
  if (part.filename) return part.filename;
  if (CALENDAR_TYPES.has(part.contentType)) return `part-${part.path}.ics`;
  const extension = part.contentType === 'text/html' ? 'html' : part.contentType === 'text/plain' ? 'txt' : 'bin';
  return `part-${part.path}.${extension}`;
}
