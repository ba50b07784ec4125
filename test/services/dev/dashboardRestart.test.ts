// The RSVP dashboard across a restart of the whole local stack (what `npm run dev` does after
// a template change, or a developer after Ctrl-C): a stack of its own from the product's
// cdk.out, kept in a data directory, stopped while the page is open, and started again on the
// same ports. The page says it is reconnecting, comes back live by itself, and shows an
// answer given while it was away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../cli/shared/graphqlClient';
import { stackPorts } from '../../../local/dev/stackPorts';
import { DEFAULT_CDK_OUT } from '../../../local/paths';
import { setLogLevel } from '../../../local/shared/logger';
import { startLocalStack, type LocalStack } from '../../../local/stack';
import { launchBrowser } from '../../helpers/browser';
import { TEST_CREATE_EVENT, TEST_INVITE_ATTENDEES, TEST_RSVP_FOR_ATTENDEE } from '../../helpers/operationsEvents';

const ORGANIZER = 'restart-organizer@example.com';
const dataDir = mkdtempSync(join(tmpdir(), 'dashboard-restart-'));
let stack: LocalStack | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  setLogLevel((process.env.LOCAL_LOG as 'info') ?? 'warn');
  stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT, dataDir });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function organizerClient() {
  const { tokenUrl, graphqlUrl } = stack!.endpoints;
  const response = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ORGANIZER }) });
  const { idToken } = (await response.json()) as { idToken: string };
  return graphqlClient(graphqlUrl, idToken);
}

const connection = () => page.locator('#connection').textContent();
const counts = () => page.locator('#counts-text').textContent();

describe('the dashboard across a restart of the stack', () => {
  it('reconnects by itself and shows what changed while the stack was down', { timeout: 300_000 }, async () => {
    const gql = await organizerClient();
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const { createEvent: event } = await gql(TEST_CREATE_EVENT, {
      input: { title: 'Restart party', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), timeZone: 'Europe/Oslo' },
    });
    await gql(TEST_INVITE_ATTENDEES, { eventId: event.id, attendees: [{ email: 'ada@example.com' }, { email: 'grace@example.com' }] });

    await page.goto(stack!.endpoints.dashboardUrl);
    await page.getByLabel('Organizer email').fill(ORGANIZER);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#event-select option').allTextContents()).toEqual(['Choose an event', expect.stringContaining('Restart party')]);
    await page.getByLabel('Event').selectOption(event.id);
    await expect.poll(connection, { timeout: 30_000 }).toBe('Live');
    await expect.poll(counts).toBe('2 invited, 0 accepted, 0 tentative, 0 declined, 2 needs action');

    // Stop everything; start again from the same data on the same ports.
    const ports = stackPorts(stack!.endpoints);
    await stack!.stop();
    stack = undefined;
    await expect.poll(connection, { timeout: 30_000 }).toBe('Reconnecting…');
    stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT, dataDir, ports });
    expect(stack.endpoints.dashboardUrl).toBe(page.url().split('#')[0]);

    // An answer given before the page is back: no push reaches it, the re-read after reconnecting does.
    await (await organizerClient())(TEST_RSVP_FOR_ATTENDEE, { eventId: event.id, email: 'grace@example.com', response: 'ACCEPTED', comment: null });
    await expect.poll(connection, { timeout: 60_000, interval: 250 }).toBe('Live');
    await expect.poll(counts, { timeout: 30_000 }).toBe('2 invited, 1 accepted, 0 tentative, 0 declined, 1 needs action');

    // And live again: the next answer arrives as a push.
    await (await organizerClient())(TEST_RSVP_FOR_ATTENDEE, { eventId: event.id, email: 'ada@example.com', response: 'DECLINED', comment: 'Away that week' });
    await expect.poll(counts, { timeout: 30_000 }).toBe('2 invited, 1 accepted, 0 tentative, 1 declined, 0 needs action');
  });
});
