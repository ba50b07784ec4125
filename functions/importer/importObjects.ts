// The import objects an S3 event notification names (pure). Object keys arrive URL-encoded,
// spaces as `+` (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html);
// S3's test event on setup, other events and keys outside imports/<eventId>/<jobId>.csv are ignored with a reason.
// Never throws: a body of any other shape is ignored with a reason too.
import type { ImportObject } from './runImportJob';

const KEY = /^imports\/([^/]+)\/([^/]+)\.csv$/;

type S3Record = { eventName?: unknown; s3?: { object?: { key?: unknown; size?: unknown } } };

export function importObjects(body: string): { objects: ImportObject[]; ignored: string[] } {
  let message: { Event?: unknown; Records?: unknown } | null;
  try {
    message = JSON.parse(body);
  } catch {
    return { objects: [], ignored: ['the message is not JSON'] };
  }
  if (message?.Event === 's3:TestEvent') return { objects: [], ignored: ['S3 test event'] };
  if (!Array.isArray(message?.Records)) return { objects: [], ignored: ['no Records'] };
  const objects: ImportObject[] = [];
  const ignored: string[] = [];
  for (const record of message.Records as (S3Record | null)[]) {
    const eventName = record?.eventName;
    if (typeof eventName !== 'string' || !eventName.startsWith('ObjectCreated:')) {
      ignored.push(`event ${String(eventName)}`);
      continue;
    }
    const encoded = record?.s3?.object?.key;
    const key = typeof encoded === 'string' ? decodeKey(encoded) : null;
    if (key === null) {
      ignored.push(`object key ${JSON.stringify(encoded)} is not URL-encoded text`);
      continue;
    }
    const match = KEY.exec(key);
    if (!match) {
      ignored.push(`object key ${JSON.stringify(key)} is not imports/<eventId>/<jobId>.csv`);
      continue;
    }
    const size = record?.s3?.object?.size;
    objects.push({ eventId: match[1]!, jobId: match[2]!, size: typeof size === 'number' ? size : null });
  }
  return { objects, ignored };
}

/** The key as stored, or null when it is not valid URL encoding (S3 never sends that). */
function decodeKey(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
