// The organizer's summary notice of an import that ended (the table's stream mails it and
// publishes it on the organizer notices topic, like every notice).
import { noticeKey } from '../../resolvers/lib/keys';
import { NOTICE_TTL_SECONDS } from '../../resolvers/lib/notices';
import type { ImportJobRecord, NoticeRecord } from '../../resolvers/lib/records';
import type { ImportSummary } from './importSummary';

export function importNotice(
  job: Pick<ImportJobRecord, 'id' | 'eventId' | 'organizerId' | 'fileName'>,
  outcome: { status: 'COMPLETED'; summary: ImportSummary } | { status: 'FAILED'; reason: string; summary: ImportSummary | null },
  eventTitle: string,
  now: Date,
): NoticeRecord {
  const file = job.fileName ? `"${job.fileName}"` : 'Your guest list';
  const t = outcome.summary?.totals ?? { rows: 0, valid: 0, invited: 0, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 };
  const stopped = outcome.summary?.stopped ?? null;
  const counts = [
    `${t.invited} invited`,
    `${t.duplicates} already invited or repeated`,
    `${t.invalid} invalid`,
    `${t.rejected} refused (bounced, complained or unsubscribed)`,
    ...(t.notInvited > 0 ? [`${t.notInvited} not invited`] : []),
  ].join(', ');
  const invitedBefore = t.invited === 0 ? 'Nobody was invited.' : `Before that, ${t.invited === 1 ? '1 person was' : `${t.invited} people were`} invited.`;
  const message =
    outcome.status === 'FAILED'
      ? `${file} could not be imported into "${eventTitle}": ${sentence(outcome.reason)} ${invitedBefore}`
      : stopped
        ? `${file} was imported into "${eventTitle}" up to row ${stopped.row}, where sending stopped: ${sentence(stopped.reason)} Of ${t.rows} rows: ${counts}.`
        : `${file} was imported into "${eventTitle}". Of ${t.rows} rows: ${counts}.`;
  const subject =
    outcome.status === 'FAILED' ? `Import failed: ${eventTitle}` : stopped ? `Import stopped at a limit: ${eventTitle}` : `Import finished: ${t.invited} invited to ${eventTitle}`;
  const createdAt = now.toISOString();
  const id = `import-${job.id}`;
  return {
    ...noticeKey(job.organizerId, createdAt, id),
    id,
    organizerId: job.organizerId,
    kind: 'IMPORT_FINISHED',
    subject,
    message,
    details: {
      eventId: job.eventId,
      importId: job.id,
      status: outcome.status,
      totals: t,
      stoppedAtRow: stopped?.row ?? null,
      failureReason: outcome.status === 'FAILED' ? outcome.reason : (stopped?.reason ?? null),
    },
    createdAt,
    expiresAt: Math.floor(now.getTime() / 1000) + NOTICE_TTL_SECONDS,
  };
}

/** `text` ending as a sentence does, so that the next sentence can follow it. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
