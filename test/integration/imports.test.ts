// Bulk import through the local stack: startImport -> PUT the CSV to the presigned URL (local
// S3) -> S3 notification -> imports queue -> importer -> inviteAttendees (IAM) in chunks ->
// job progress and a summary notice.
import { describe, expect, it } from 'vitest';
import { daysFromNow, graphql, newOrganizer } from '../helpers/api';
import { IMPORT_JOB_QUERY, uploadCsv, waitForJob } from '../helpers/imports';
import { waitForMails } from '../helpers/outbox';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

async function newEvent(organizer: Organizer) {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id title } }',
    { input: { title: `Import party ${crypto.randomUUID().slice(0, 6)}`, startsAt: daysFromNow(15), endsAt: daysFromNow(15, 3), timeZone: 'Europe/Madrid' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent as { id: string; title: string };
}

describe('bulk import', () => {
  it('imports a CSV with a BOM, semicolons, quoted fields and bad rows, and tells the organizer', async () => {
    const organizer = await newOrganizer();
    const event = await newEvent(organizer);
    const csv =
      '\uFEFFName;E-mail address;Email;Team\r\n' +
      '"Lovelace; Ada";x;ada@example.com;R&D\r\n' +
      'Grace;x;grace@example.com;"Navy\r\nReserve"\r\n' +
      'Nobody;x;not-an-address;\r\n' +
      '\r\n' +
      'Ada again;x;ADA@example.com;\r\n' +
      'Alan;x;alan@example.com;\r\n';
    const id = await uploadCsv(organizer, event.id, csv);
    const job = await waitForJob(organizer, event.id, id);
    expect(job).toMatchObject({ status: 'COMPLETED', size: Buffer.byteLength(csv), lastRow: 7, unknownColumns: ['E-mail address', 'Team'], failureReason: null });
    expect(job.totals).toEqual({ rows: 5, valid: 3, invited: 3, duplicates: 1, invalid: 1, rejected: 0, notInvited: 0 });
    expect(job.issues).toEqual([
      { kind: 'INVALID', row: 4, email: 'not-an-address', reason: 'not an email address (local@domain)', firstRow: null },
      { kind: 'DUPLICATE', row: 6, email: 'ADA@example.com', reason: expect.stringContaining('row 2'), firstRow: 2 },
    ]);
    const list = await graphql('query($e: ID!) { attendees(eventId: $e) { items { email name } } }', { e: event.id }, organizer.auth);
    expect(list.data!.attendees.items).toEqual([
      { email: 'ada@example.com', name: 'Lovelace; Ada' },
      { email: 'alan@example.com', name: 'Alan' },
      { email: 'grace@example.com', name: 'Grace' },
    ]);
    const [notice] = await waitForMails((m) => m.to.includes(organizer.email) && m.subject === `Import finished: 3 invited to ${event.title}`, 1);
    expect(notice).toBeDefined();
  });

  it('fails a file without an email column, inviting nobody, and says why', async () => {
    const organizer = await newOrganizer();
    const event = await newEvent(organizer);
    const id = await uploadCsv(organizer, event.id, 'name,phone\nAda,123\n');
    const job = await waitForJob(organizer, event.id, id);
    expect(job.status).toBe('FAILED');
    expect(job.failureReason).toMatch(/email/i);
    expect(job.totals.invited).toBe(0);
  });

  it('stops at the per-event limit and counts the rest as not invited', async () => {
    const organizer = await newOrganizer();
    const admin = await newOrganizer({ groups: ['admins'] });
    await graphql('mutation($id: ID!) { setOrganizerLimits(id: $id, limits: { maxInvitationsPerEvent: 150 }) { id } }', { id: organizer.sub }, admin.auth);
    const event = await newEvent(organizer);
    const rows = Array.from({ length: 250 }, (_, i) => `g${i}@example.com`).join('\n');
    const id = await uploadCsv(organizer, event.id, `email\n${rows}\n`);
    const job = await waitForJob(organizer, event.id, id);
    expect(job.status).toBe('COMPLETED');
    expect(job.totals).toMatchObject({ rows: 250, invited: 100, notInvited: 150 });
    expect(job.stoppedAtRow).toBe(102);
    expect(job.failureReason).toMatch(/maxInvitationsPerEvent/);
  });

  it('shows a job to its organizer only', async () => {
    const organizer = await newOrganizer();
    const event = await newEvent(organizer);
    const id = await uploadCsv(organizer, event.id, 'email\nsolo@example.com\n');
    const other = await graphql(IMPORT_JOB_QUERY, { eventId: event.id, id }, (await newOrganizer()).auth);
    expect(other.errors![0]!.errorType).toBe('Unauthorized');
    const unknown = await graphql(IMPORT_JOB_QUERY, { eventId: event.id, id: 'nope' }, organizer.auth);
    expect(unknown.errors![0]!.errorType).toBe('NotFound');
  });

  it('lists an event’s imports to its organizer, and to nobody else', async () => {
    const organizer = await newOrganizer();
    const event = await newEvent(organizer);
    const IMPORTS = 'query($e: ID!) { imports(eventId: $e) { id eventId fileName createdAt } }';
    expect((await graphql(IMPORTS, { e: event.id }, organizer.auth)).data!.imports).toEqual([]);
    const first = await uploadCsv(organizer, event.id, 'email\nfirst@example.com\n', 'first.csv');
    const second = await uploadCsv(organizer, event.id, 'email\nsecond@example.com\n', 'second.csv');
    const listed = (await graphql(IMPORTS, { e: event.id }, organizer.auth)).data!.imports as { id: string; eventId: string; fileName: string }[];
    expect(listed.map((job) => job.id).sort()).toEqual([first, second].sort());
    expect(listed.map((job) => job.fileName).sort()).toEqual(['first.csv', 'second.csv']);
    const other = await graphql(IMPORTS, { e: event.id }, (await newOrganizer()).auth);
    expect(other.errors![0]!.errorType).toBe('Unauthorized');
  });
});
