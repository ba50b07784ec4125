// The RSVP dashboard (dashboard/, served next to the explorer) in Debian's Chromium against the
// integration stack: an organizer signs in with their email, picks their event and sees its
// counts; an invited attendee's calendar client then accepts by mail over SMTP (SES inbound ->
// requestIngestion -> recordEmailRsvp), and the page's counts and latest answers change live.
// (Reconnecting after a restart of the whole stack: test/services/dev/dashboardRestart.test.ts.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyFixture } from '../fixtures/replies/replyFixture';
import { daysFromNow, endpoints, newOrganizer } from '../helpers/api';
import { launchBrowser } from '../helpers/browser';
import { uploadCsv } from '../helpers/imports';
import { sendInbound } from '../helpers/inboundMail';
import { TEST_CREATE_EVENT, TEST_INVITE_ATTENDEES } from '../helpers/operationsEvents';
import { executeOk } from '../helpers/typedGraphql';

const e = () => endpoints();
const rsvpAddress = () => e().outputs.RsvpEmail!;

/** A calendar client's REPLY (ACCEPTED: the Gmail layout) to the event's invitation, over SMTP to the RSVP address. */
async function acceptByMail(eventId: string, attendee: string) {
  const raw = replyFixture('gmail', {
    eventId,
    attendee,
    mailDomain: rsvpAddress().split('@')[1]!,
    rsvp: rsvpAddress(),
    sequence: 0,
    dtstamp: new Date(Math.floor(Date.now() / 1000) * 1000),
  });
  await sendInbound({ envelope: { from: attendee, to: [rsvpAddress()] }, raw });
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const count = (key: string) => page.locator(`#counts [data-count="${key}"] .value`).textContent();

describe('the RSVP dashboard', () => {
  it('shows an event’s counts, which change when an attendee accepts by email, and the progress of an import started meanwhile', { timeout: 120_000 }, async () => {
    const organizer = await newOrganizer();
    const title = `Dashboard launch ${crypto.randomUUID().slice(0, 6)}`;
    const { createEvent: event } = await executeOk(
      TEST_CREATE_EVENT,
      { input: { title, location: 'Lyon', startsAt: daysFromNow(10), endsAt: daysFromNow(10, 3), timeZone: 'Europe/Paris' } },
      organizer.auth,
    );
    const guests = ['ada', 'grace', 'alan'].map((name) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`);
    const invited = await executeOk(TEST_INVITE_ATTENDEES, { eventId: event.id, attendees: guests.map((email) => ({ email })) }, organizer.auth);
    expect(invited.inviteAttendees.invited.map((a) => a.email).sort()).toEqual([...guests].sort());

    await page.goto(e().dashboardUrl);
    await page.getByLabel('Organizer email').fill(organizer.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#who').textContent()).toBe(organizer.email);
    expect(await page.locator('#sign-in').isVisible()).toBe(false);
    await expect.poll(() => page.locator('#event-select option').allTextContents()).toEqual(['Choose an event', expect.stringContaining(title)]);
    await page.getByLabel('Event').selectOption(event.id);

    await expect.poll(() => page.locator('#event-title').textContent()).toBe(title);
    await expect.poll(() => count('invited')).toBe('3');
    expect(await count('needsAction')).toBe('3');
    expect(await count('accepted')).toBe('0');
    await expect.poll(() => page.locator('#answers').textContent()).toContain('No answers yet.');
    await expect.poll(() => page.locator('#connection').textContent()).toBe('Live');

    await acceptByMail(event.id, guests[1]!);

    // No reload: the page changes from the subscriptions' pushes.
    await expect.poll(() => count('accepted'), { timeout: 60_000, interval: 250 }).toBe('1');
    expect(await count('needsAction')).toBe('2');
    expect(await count('invited')).toBe('3');
    const latest = page.locator(`#answers li[data-email="${guests[1]}"]`);
    await expect.poll(() => latest.textContent(), { timeout: 30_000 }).toContain('Accepted');
    expect(await latest.textContent()).toContain('by email');
    expect(await page.locator('#counts-text').textContent()).toBe('3 invited, 1 accepted, 0 tentative, 0 declined, 2 needs action');

    // An import started now (a CSV uploaded through the API) shows up by itself, to the end.
    await uploadCsv(organizer, event.id, `email,name\nkatherine-${guests[0]!}\nmargaret-${guests[0]!},Margaret\n`, 'partners.csv');
    await expect.poll(() => page.locator('#import').textContent(), { timeout: 60_000, interval: 250 }).toContain('Completed');
    expect(await page.locator('#import').textContent()).toContain('partners.csv');
    await expect.poll(() => count('invited'), { timeout: 30_000 }).toBe('5');
  });
});
