// The bulk-import CLI (cli/import.ts) as a person runs it, as a child process against the
// test stack, and the onImportProgress subscription it relies on, end to end.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { IMPORT_JOB, ON_IMPORT_PROGRESS, START_IMPORT, type ImportJobView } from '../../cli/import/importOperations';
import { subscribe, type Subscription } from '../../cli/shared/appsyncSubscription';
import { ENDPOINTS_FILE, PROJECT_ROOT } from '../../local/paths';
import { daysFromNow, endpoints, graphql, newOrganizer } from '../helpers/api';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;
type CliRun = { code: number | null; stdout: string; stderr: string };

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
let dir: string;

beforeAll(() => {
  // The CLI finds the stack the way it finds `npm run dev`'s: <data dir>/endpoints.json.
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  writeFileSync(join(dir, ENDPOINTS_FILE), JSON.stringify(endpoints()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importCli(args: string[], dataDir = dir): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(TSX, ['cli/import.ts', '--data-dir', dataDir, ...args], { cwd: PROJECT_ROOT, timeout: 50_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function newEvent(organizer: Organizer): Promise<string> {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    { input: { title: `CLI import ${crypto.randomUUID().slice(0, 6)}`, startsAt: daysFromNow(20), endsAt: daysFromNow(20, 2), timeZone: 'Europe/Madrid' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent.id as string;
}

// Each run starts tsx (a few seconds on a busy machine) and waits for the importer.
describe('npm run import', { timeout: 60_000 }, () => {
  it('uploads a CSV, reports progress, prints the summary and exits 0', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const file = csvFile('guests.csv', 'email,name,team\nada@example.com,Ada,R&D\nnot-an-address,Nobody,\ngrace@example.com,Grace,Navy\n');
    const run = await importCli(['--event', eventId, '--email', organizer.email, file]);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('Import completed: 2 of 3 rows invited.');
    expect(run.stdout).toMatch(/^ {2}invited +2$/m);
    expect(run.stdout).toContain('Ignored columns: team');
    expect(run.stdout).toContain('  row 3  INVALID  not-an-address: not an email address');
    // Not a terminal: plain progress lines on stderr, stdout keeps only the summary.
    expect(run.stderr).toContain('Uploading guests.csv');
    expect(run.stderr).toMatch(/^COMPLETED 100% .* row 4 {2}2 invited$/m);
    expect(run.stderr).not.toContain('\x1b[');
    expect(run.stderr, 'the CLI followed the job without its subscription').not.toMatch(/live updates/i);
  });

  it('exits 2 when a limit stops the invitations, saying at which row and why', async () => {
    const organizer = await newOrganizer();
    const admin = await newOrganizer({ groups: ['admins'] });
    await graphql('mutation($id: ID!) { setOrganizerLimits(id: $id, limits: { maxInvitationsPerEvent: 2 }) { id } }', { id: organizer.sub }, admin.auth);
    const eventId = await newEvent(organizer);
    const file = csvFile('three.csv', 'email\na@example.com\nb@example.com\nc@example.com\n');
    const run = await importCli(['--event', eventId, '--email', organizer.email, file]);
    expect(run, run.stderr).toMatchObject({ code: 2 });
    expect(run.stdout).toMatch(/^Import stopped at row 2: 0 of 3 rows invited, 3 not invited\.\n {2}Reason: .*maxInvitationsPerEvent/);
  });

  it('exits 1 for a file the importer cannot read as a guest list, with the reason', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const run = await importCli(['--event', eventId, '--email', organizer.email, csvFile('phones.csv', 'name,phone\nAda,123\n')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Import failed: .*email/i);
  });

  it("exits 1 with the API's errorType when the API refuses the import", async () => {
    const organizer = await newOrganizer();
    const run = await importCli(['--event', 'no-such-event', '--email', organizer.email, csvFile('one.csv', 'email\nx@example.com\n')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('import: startImport failed: NotFound: ');
    expect(run.stdout).toBe('');
  });

  it('exits 1 and says what is missing: the file, or a running stack', async () => {
    const missing = await importCli(['--event', 'e1', '--email', 'ada@example.com', join(dir, 'nope.csv')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain(`import: No such file: ${join(dir, 'nope.csv')}`);
    const noStack = await importCli(['--event', 'e1', '--email', 'ada@example.com', csvFile('any.csv', 'email\n')], join(dir, 'empty'));
    expect(noStack.code).toBe(1);
    expect(noStack.stderr).toContain('No running local stack found');
  });
});

describe('onImportProgress', () => {
  let subscription: Subscription | undefined;
  afterAll(() => subscription?.close());

  it("pushes the job to its organizer's subscriber while it runs and when it completes", async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const started = await graphql(print(START_IMPORT), { eventId, fileName: 'many.csv' }, organizer.auth);
    expect(started.errors).toBeUndefined();
    const { uploadUrl, uploadHeaders, job } = started.data!.startImport as { uploadUrl: string; uploadHeaders: string; job: ImportJobView };

    const pushed: ImportJobView[] = [];
    let completed: (job: ImportJobView) => void;
    let dropped: (error: Error) => void;
    const done = new Promise<ImportJobView>((resolve, reject) => {
      completed = resolve;
      dropped = reject;
    });
    subscription = await subscribe(
      {
        realtimeUrl: endpoints().realtimeUrl,
        authorization: { host: new URL(endpoints().graphqlUrl).host, Authorization: organizer.tokens.idToken },
        query: print(ON_IMPORT_PROGRESS),
        variables: { eventId, id: job.id },
      },
      {
        data: (payload) => {
          const update = (payload.data as { onImportProgress: ImportJobView }).onImportProgress;
          pushed.push(update);
          if (update.status === 'COMPLETED' || update.status === 'FAILED') completed(update);
        },
        dropped: (reason) => dropped(new Error(`the subscription dropped: ${reason}`)),
      },
    );
    // Two chunks of 100 rows and a last one of 50.
    const csv = `email\n${Array.from({ length: 250 }, (_, i) => `p${i}@example.com`).join('\n')}\n`;
    const put = await fetch(uploadUrl, { method: 'PUT', headers: JSON.parse(uploadHeaders), body: csv });
    expect(put.status).toBe(200);

    const last = await done;
    const running = pushed.filter((j) => j.status === 'RUNNING');
    expect(running.length).toBeGreaterThanOrEqual(1);
    expect(running.some((j) => j.lastRow > 1 && j.bytesRead > 0 && j.totals.invited > 0)).toBe(true);
    expect(last).toMatchObject({ id: job.id, eventId, status: 'COMPLETED', size: Buffer.byteLength(csv), bytesRead: Buffer.byteLength(csv), lastRow: 251 });
    expect(last.totals).toMatchObject({ rows: 250, invited: 250 });
    // The push is the stored job.
    const stored = await graphql(print(IMPORT_JOB), { eventId, id: job.id }, organizer.auth);
    expect(stored.data!.importJob).toEqual(last);
  });
});
