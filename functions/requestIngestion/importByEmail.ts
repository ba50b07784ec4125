// The CSV-import handler: each CSV attached to an active organizer's mail takes the upload's
// path. Per attachment, in order: claim it (emailImportClaim.ts), startImport (IAM, source
// EMAIL, the attachment's file name), PUT the bytes to the upload URL, mark the claim SENT.
// The importer then runs the job and mails the organizer its IMPORT_FINISHED notice.
// - An attachment already imported (a redelivery) is skipped.
// - A refusal of the import (ImportRefusedError: another organizer's event, cancelled, gone)
//   marks the claim DROPPED and ends the message: every other attachment would meet it too.
// - Another PermanentError (the bucket refused the upload) drops that attachment only.
// - Anything else releases the claim and retries the message; attachments imported before
//   it stay done. Retrying after startImport succeeded leaves that job WAITING_FOR_UPLOAD
//   until it expires: a stray job rather than a lost import.
import { errorText, isPermanent } from '../lib/errors';
import type { Claim, ClaimOutcome } from '../lib/sendOnce/sendClaim';
import type { CsvImportRequest } from './classifyRequest';
import { attachmentClaimId, REQUEST_INGESTION_CONSUMER } from './emailImportClaim';
import { ImportRefusedError } from './errors';
import type { StartImportPort } from './graphqlImportPort';
import type { UploadPort } from './uploadCsv';

export type ClaimPorts = {
  claim(claim: Claim): Promise<ClaimOutcome>;
  finish(claim: Claim, status: 'SENT' | 'DROPPED', facts: { reason?: string }): Promise<void>;
  release(claim: Claim): Promise<void>;
};

export type ImportPorts = ClaimPorts & { startImport: StartImportPort; upload: UploadPort };

export type ClaimConfig = { table: string; leaseMs: number; now: () => number; newToken: () => string };

export type AttachmentOutcome =
  | { index: number; outcome: 'imported'; jobId: string }
  | { index: number; outcome: 'alreadyImported' }
  | { index: number; outcome: 'dropped'; reason: string; errorType?: string };

export type ImportByEmail =
  /** Every attachment settled (imported, already imported, or dropped for good). */
  | { outcome: 'done'; attachments: AttachmentOutcome[] }
  /** One attachment needs a retry; those before it are settled. */
  | { outcome: 'retry'; attachments: AttachmentOutcome[]; reason: string };

export type Warn = (message: string, fields: Record<string, unknown>) => void;

export async function importByEmail(
  request: CsvImportRequest,
  sender: { sesMessageId: string; organizerId: string },
  config: ClaimConfig,
  ports: ImportPorts,
  warn: Warn,
): Promise<ImportByEmail> {
  const settled: AttachmentOutcome[] = [];
  for (const attachment of request.attachments) {
    const claim: Claim = {
      table: config.table,
      consumer: REQUEST_INGESTION_CONSUMER,
      messageId: attachmentClaimId(sender.sesMessageId, attachment.index),
      token: config.newToken(),
      nowMs: config.now(),
      leaseMs: config.leaseMs,
    };
    let claimed: ClaimOutcome;
    try {
      claimed = await ports.claim(claim);
    } catch (error) {
      return { outcome: 'retry', attachments: settled, reason: `claim failed: ${errorText(error)}` };
    }
    if (claimed === 'done') {
      settled.push({ index: attachment.index, outcome: 'alreadyImported' });
      continue;
    }
    if (claimed === 'inProgress') return { outcome: 'retry', attachments: settled, reason: 'another receive of this message is importing it' };

    const finish = async (status: 'SENT' | 'DROPPED', reason?: string) => {
      try {
        await ports.finish(claim, status, reason ? { reason } : {});
      } catch (error) {
        // The import started (or never will): a retry would only risk a second job.
        warn('emailed import not marked', { sesMessageId: sender.sesMessageId, attachment: attachment.index, status, error: errorText(error) });
      }
    };
    try {
      const started = await ports.startImport({ eventId: request.eventId, fileName: attachment.fileName, organizerId: sender.organizerId });
      await ports.upload(started.uploadUrl, started.uploadHeaders, attachment.content);
      await finish('SENT');
      settled.push({ index: attachment.index, outcome: 'imported', jobId: started.jobId });
    } catch (error) {
      if (isPermanent(error)) {
        await finish('DROPPED', error.message);
        const refused = error instanceof ImportRefusedError;
        settled.push({ index: attachment.index, outcome: 'dropped', reason: error.message, ...(refused ? { errorType: error.errorType } : {}) });
        if (refused) return { outcome: 'done', attachments: settled };
        continue;
      }
      try {
        await ports.release(claim);
      } catch (releaseError) {
        // The lease runs out on its own before the message is received again.
        warn('emailed import claim not released', { sesMessageId: sender.sesMessageId, attachment: attachment.index, error: errorText(releaseError) });
      }
      return { outcome: 'retry', attachments: settled, reason: errorText(error) };
    }
  }
  return { outcome: 'done', attachments: settled };
}
