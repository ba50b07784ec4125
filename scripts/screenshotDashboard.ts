// Writes docs/dashboard.png, the README's picture of the RSVP dashboard: a stack of its own
// (in memory, free ports; cdk.out as `npm run synth` left it), a demo event with guests, a
// finished CSV import, answers by the organizer and by mail (SMTP, as calendar clients reply),
// then the page in Debian's Chromium.
//   npx tsx scripts/screenshotDashboard.ts [out.png]
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTransport } from 'nodemailer';
import { IMPORT_JOB, START_IMPORT } from '../cli/import/importOperations';
import { graphqlClient } from '../cli/shared/graphqlClient';
import { DEFAULT_CDK_OUT, PROJECT_ROOT } from '../local/paths';
import { setLogLevel } from '../local/shared/logger';
import { startLocalStack, type Endpoints } from '../local/stack';
import { replyFixture, type ReplyFixture } from '../test/fixtures/replies/replyFixture';
import { launchBrowser } from '../test/helpers/browser';
import { TEST_CREATE_EVENT, TEST_INVITE_ATTENDEES, TEST_RSVP_FOR_ATTENDEE } from '../test/helpers/operationsEvents';

const OUT = process.argv[2] ?? join(PROJECT_ROOT, 'docs', 'dashboard.png');
const ORGANIZER = 'ada@example.com';
const GUESTS = [
  ['Grace Hopper', 'grace@example.com'],
  ['Alan Turing', 'alan@example.com'],
  ['Katherine Johnson', 'katherine@example.com'],
  ['Edsger Dijkstra', 'edsger@example.com'],
  ['Barbara Liskov', 'barbara@example.com'],
  ['Donald Knuth', 'donald@example.com'],
  ['Margaret Hamilton', 'margaret@example.com'],
  ['Tim Berners-Lee', 'tim@example.com'],
  ['Frances Allen', 'frances@example.com'],
  ['Ken Thompson', 'ken@example.com'],
] as const;

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function replyByMail(e: Endpoints, fixture: ReplyFixture, eventId: string, attendee: string) {
  const rsvp = e.outputs.RsvpEmail!;
  const raw = replyFixture(fixture, { eventId, attendee, mailDomain: rsvp.split('@')[1]!, rsvp, sequence: 0, dtstamp: new Date(Math.floor(Date.now() / 1000) * 1000) });
  const [host, port] = e.smtp.split(':');
  const transport = createTransport({ host, port: Number(port), secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: attendee, to: [rsvp] }, raw: `X-Local-SES-Verdicts: spf=PASS; dkim=PASS; dmarc=PASS\r\n${raw}` });
  } finally {
    transport.close();
  }
}

async function demoEvent(e: Endpoints): Promise<{ eventId: string; importId: string }> {
  const tokens = (await (await fetch(e.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ORGANIZER }) })).json()) as { idToken: string };
  const gql = graphqlClient(e.graphqlUrl, tokens.idToken);
  const startsAt = new Date(Date.now() + 21 * 86_400_000);
  startsAt.setUTCHours(17, 0, 0, 0);
  const { createEvent } = await gql(TEST_CREATE_EVENT, {
    input: { title: 'Product launch party', location: 'Le Perchoir, Paris', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(), timeZone: 'Europe/Paris' },
  });
  const eventId = createEvent.id;
  await gql(TEST_INVITE_ATTENDEES, { eventId, attendees: GUESTS.map(([name, email]) => ({ name, email })) });

  // A guest list from a spreadsheet: 28 people, one listed twice, one address mistyped.
  const rows = Array.from({ length: 28 }, (_, i) => `guest${i + 1}@example.org,Guest ${i + 1}`);
  const csv = ['email,name', ...rows, 'guest3@example.org,Guest 3', 'not-an-address,Typo'].join('\n') + '\n';
  const { startImport } = await gql(START_IMPORT, { eventId, fileName: 'partners.csv' });
  const put = await fetch(startImport.uploadUrl, { method: 'PUT', headers: JSON.parse(startImport.uploadHeaders) as Record<string, string>, body: csv });
  if (!put.ok) throw new Error(`upload failed: HTTP ${put.status}`);
  await until('the import', () => gql(IMPORT_JOB, { eventId, id: startImport.job.id }), ({ importJob }) => importJob.status === 'COMPLETED');

  const answers = [
    ['barbara@example.com', 'ACCEPTED', null],
    ['donald@example.com', 'DECLINED', 'Teaching that evening, sorry.'],
    ['margaret@example.com', 'ACCEPTED', 'Wouldn’t miss it!'],
    ['tim@example.com', 'ACCEPTED', null],
    ['frances@example.com', 'TENTATIVE', 'Depends on my flight.'],
    ['guest4@example.org', 'ACCEPTED', null],
    ['guest9@example.org', 'ACCEPTED', null],
    ['ken@example.com', 'ACCEPTED', null],
  ] as const;
  for (const [email, response, comment] of answers) await gql(TEST_RSVP_FOR_ATTENDEE, { eventId, email, response, comment });
  await replyByMail(e, 'thunderbird', eventId, 'katherine@example.com');
  await replyByMail(e, 'apple-mail', eventId, 'alan@example.com');
  await replyByMail(e, 'gmail', eventId, 'grace@example.com');
  await until(
    'the mailed answers',
    fetchCounts,
    (c) => c.accepted + c.declined + c.tentative === answers.length + 3,
  );
  return { eventId, importId: startImport.job.id };

  async function fetchCounts() {
    const body = { query: 'query($id: ID!) { event(id: $id) { counts { accepted declined tentative } } }', variables: { id: eventId } };
    const out = (await (await fetch(e.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: tokens.idToken }, body: JSON.stringify(body) })).json()) as {
      data: { event: { counts: { accepted: number; declined: number; tentative: number } } };
    };
    return out.data.event.counts;
  }
}

async function main() {
  setLogLevel('warn');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT });
  const browser = await launchBrowser();
  try {
    const e = stack.endpoints;
    const { eventId, importId } = await demoEvent(e);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(e.dashboardUrl);
    await page.getByLabel('Organizer email').fill(ORGANIZER);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector(`#event-select option[value="${eventId}"]`, { state: 'attached' });
    await page.getByLabel('Event').selectOption(eventId);
    await page.getByLabel('Import id').fill(importId);
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.waitForSelector('.import-completed');
    await page.waitForSelector('#connection[data-state="live"]');
    await page.waitForSelector('#answers li[data-email]');
    mkdirSync(dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, fullPage: true });
    console.log(`wrote ${OUT}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
