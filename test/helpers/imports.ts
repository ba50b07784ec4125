// Bulk imports as a client does them: startImport, then a PUT of the file to the upload URL
// with the headers given; and waiting for the job to end.
import { expect } from 'vitest';
import { graphql, type newOrganizer } from './api';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

export const START_IMPORT = `mutation($eventId: ID!, $fileName: String) { startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { id status source fileName } } }`;
export const IMPORT_JOB_QUERY = `query($eventId: ID!, $id: ID!) { importJob(eventId: $eventId, id: $id) {
  id status size bytesRead lastRow fileName failureReason stoppedAtRow unknownColumns
  totals { rows valid invited duplicates invalid rejected notInvited }
  issues { kind row email reason firstRow } } }`;

/** startImport, then the upload as a client would do it: a PUT with the headers given. */
export async function uploadCsv(organizer: Organizer, eventId: string, csv: string | Buffer, fileName = 'guests.csv') {
  const started = await graphql(START_IMPORT, { eventId, fileName }, organizer.auth);
  expect(started.errors).toBeUndefined();
  const { uploadUrl, uploadHeaders, job } = started.data!.startImport;
  expect(job).toMatchObject({ status: 'WAITING_FOR_UPLOAD', source: 'UPLOAD', fileName });
  const put = await fetch(uploadUrl, { method: 'PUT', headers: JSON.parse(uploadHeaders), body: csv });
  expect(put.status, await put.text()).toBe(200);
  return job.id as string;
}

export async function waitForJob(organizer: Organizer, eventId: string, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const out = await graphql(IMPORT_JOB_QUERY, { eventId, id }, organizer.auth);
    expect(out.errors).toBeUndefined();
    const job = out.data!.importJob;
    if (job.status === 'COMPLETED' || job.status === 'FAILED' || Date.now() > until) return job;
    await new Promise((r) => setTimeout(r, 300));
  }
}

