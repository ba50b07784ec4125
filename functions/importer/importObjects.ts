// The import objects an S3 event notification names (pure). Object keys arrive URL-encoded,
// spaces as `+` (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html);
// S3's test event on setup, other events and keys outside imports/<eventId>/<jobId>.csv are ignored with a reason.
import type { ImportObject } from './runImportJob';

const KEY = /^imports\/([^/]+)\/([^/]+)\.csv$/;

export function importObjects(body: string): { objects: ImportObject[]; ignored: string[] } {
  let message: { Event?: string; Records?: { eventName?: string; s3?: { object?: { key?: string; size?: number } } }[] };
  try {
    message = JSON.parse(body);
  } catch {
    return { objects: [], ignored: ['the message is not JSON'] };
  }
  if (message?.Event === 's3:TestEvent') return { objects: [], ignored: ['S3 test event'] };
  const objects: ImportObject[] = [];
  const ignored: string[] = [];
  for (const record of message?.Records ?? []) {
    if (!record.eventName?.startsWith('ObjectCreated:')) {
      ignored.push(`event ${String(record.eventName)}`);
      continue;
    }
    const key = decodeKey(record.s3?.object?.key ?? '');
    const match = KEY.exec(key);
    if (!match) {
      ignored.push(`object key ${JSON.stringify(key)} is not imports/<eventId>/<jobId>.csv`);
      continue;
    }
    objects.push({ eventId: match[1]!, jobId: match[2]!, size: typeof record.s3?.object?.size === 'number' ? record.s3.object.size : null });
  }
  if (!message?.Records) ignored.push('no Records');
  return { objects, ignored };
}

function decodeKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return encoded;
  }
}
