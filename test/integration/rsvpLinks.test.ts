// The RSVP links of an invitation through the local stack: inviteAttendees -> dispatcher ->
// SES outbox; the Yes link taken from the mail's HTML part opens the links function's page,
// which records nothing on GET; the page's POST answers through Mutation.rsvp (IAM, the
// token, via LINK), moving the attendee and the event's counts; forged tokens get a 404; a
// cancelled event and someone removed are said so, and nothing changes.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { attendeeToken } from '../../functions/lib/tokens/attendeeTokens';
import { daysFromNow, endpoints, graphql, newOrganizer } from '../helpers/api';
import { rawMail, waitForMails, type OutboxMail } from '../helpers/outbox';

const INVITE = `mutation($eventId: ID!, $attendees: [AttendeeInput!]!) { inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } } }`;
const ATTENDEES = `query($eventId: ID!) { attendees(eventId: $eventId) { items { email status answer { response comment via } } } }`;
const COUNTS = `query($id: ID!) { event(id: $id) { status counts { invited needsAction accepted declined tentative } } }`;

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

const unique = () => crypto.randomUUID().slice(0, 8);

async function newEvent(organizer: Organizer, title: string): Promise<string> {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    { input: { title, location: 'Room <4>', startsAt: daysFromNow(20), endsAt: daysFromNow(20, 1), timeZone: 'Europe/Paris' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent.id as string;
}

/** Invites the addresses and waits for their invitations in the outbox. */
async function invite(organizer: Organizer, eventId: string, emails: string[]): Promise<OutboxMail[]> {
  const out = await graphql(INVITE, { eventId, attendees: emails.map((email) => ({ email })) }, organizer.auth);
  expect(out.errors).toBeUndefined();
  const mails = await waitForMails((mail) => mail.tags.eventId === eventId, emails.length);
  expect(mails).toHaveLength(emails.length);
  return mails;
}

/** The Yes / Maybe / No links of an invitation's HTML part. */
async function answerLinks(mail: OutboxMail): Promise<Record<'yes' | 'maybe' | 'no', string>> {
  const parsed = await simpleParser(await rawMail(mail.messageId));
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const link = (answer: string) => {
    const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).find((h) => h.endsWith(`?answer=${answer}`));
    if (!href) throw new Error(`no ${answer} link in the HTML part:\n${html}`);
    return href;
  };
  return { yes: link('yes'), maybe: link('maybe'), no: link('no') };
}

const post = (url: string, form: Record<string, string>) => fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

async function attendee(organizer: Organizer, eventId: string, email: string) {
  const out = await graphql(ATTENDEES, { eventId }, organizer.auth);
  expect(out.errors).toBeUndefined();
  return (out.data!.attendees.items as { email: string; status: string; answer: { response: string; comment: string | null; via: string } | null }[]).find((a) => a.email === email);
}

async function event(organizer: Organizer, id: string) {
  const out = await graphql(COUNTS, { id }, organizer.auth);
  expect(out.errors).toBeUndefined();
  return out.data!.event as { status: string; counts: Record<string, number> };
}

function linksUrl(): string {
  return endpoints().outputs.LinksUrl!;
}

describe('RSVP links', () => {
  it('the Yes link shows a page that records nothing; its POST records Yes with the comment, via LINK, and moves the counts', async () => {
    const organizer = await newOrganizer();
    const title = `Quarterly review ${unique()}`;
    const eventId = await newEvent(organizer, title);
    const email = `guest-${unique()}@example.com`;
    const [mail] = await invite(organizer, eventId, [email]);
    const { yes } = await answerLinks(mail!);
    expect(yes.startsWith(`${linksUrl()}rsvp/`)).toBe(true);

    const page = await fetch(yes);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain(title);
    expect(html).toContain('Room &lt;4&gt;');
    expect(html).toContain('<h1>Answer Yes?</h1>');
    expect(html).toContain('<form method="post">');
    expect(html).toMatch(/value="yes" autofocus>/);
    // A scanner following every link records nothing either.
    for (const response of await Promise.all(Object.values(await answerLinks(mail!)).map((url) => fetch(url)))) expect(response.status).toBe(200);
    expect(await attendee(organizer, eventId, email)).toMatchObject({ status: 'NEEDS_ACTION', answer: null });
    expect((await event(organizer, eventId)).counts).toMatchObject({ invited: 1, needsAction: 1, accepted: 0 });

    const answered = await post(yes, { answer: 'yes', comment: 'Looking forward <3' });
    expect(answered.status).toBe(200);
    const result = await answered.text();
    expect(result).toContain('<h1>You answered Yes</h1>');
    expect(result).toContain('Looking forward &lt;3');
    expect(result).toContain('Changed your mind?');

    expect(await attendee(organizer, eventId, email)).toMatchObject({ status: 'ACCEPTED', answer: { response: 'ACCEPTED', comment: 'Looking forward <3', via: 'LINK' } });
    expect((await event(organizer, eventId)).counts).toMatchObject({ invited: 1, needsAction: 0, accepted: 1 });

    // The page opened again shows the answer; changing it moves the counts again.
    expect(await (await fetch(yes)).text()).toContain('Your answer so far: <strong>Yes</strong>');
    expect(await (await post(yes, { answer: 'maybe', comment: '' })).text()).toContain('<h1>You answered Maybe</h1>');
    expect((await event(organizer, eventId)).counts).toMatchObject({ needsAction: 0, accepted: 0, tentative: 1 });
  });

  it('a comment past 500 characters gets the form again (400) and changes nothing', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer, `Long comment ${unique()}`);
    const email = `talker-${unique()}@example.com`;
    const [mail] = await invite(organizer, eventId, [email]);
    const { no } = await answerLinks(mail!);
    const refused = await post(no, { answer: 'no', comment: 'x'.repeat(501) });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Your comment is too long');
    expect(html).toContain(`${'x'.repeat(501)}</textarea>`);
    expect(await attendee(organizer, eventId, email)).toMatchObject({ status: 'NEEDS_ACTION', answer: null });
  });

  it('answers 404 to a forged token, on GET and POST, changing nothing', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer, `Forgery ${unique()}`);
    const email = `target-${unique()}@example.com`;
    await invite(organizer, eventId, [email]);
    const forged = `${linksUrl()}rsvp/${attendeeToken(Buffer.from('not-the-stack-key-'.repeat(4)), eventId, email)}`;
    for (const response of [await fetch(`${forged}?answer=yes`), await post(forged, { answer: 'yes' }), await post(`${linksUrl()}rsvp/garbage`, { answer: 'yes' })]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This link does not work');
    }
    expect(await attendee(organizer, eventId, email)).toMatchObject({ status: 'NEEDS_ACTION', answer: null });
  });

  it('after the event is cancelled the page says so, and a POST changes nothing; someone removed is no longer invited', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer, `Cancelled ${unique()}`);
    const [kept, removed] = [`kept-${unique()}@example.com`, `removed-${unique()}@example.com`];
    const mails = await invite(organizer, eventId, [kept, removed]);
    const linksOf = async (email: string) => answerLinks(mails.find((m) => m.to[0] === email)!);
    const [keptLinks, removedLinks] = [await linksOf(kept), await linksOf(removed)];

    const removal = await graphql('mutation($eventId: ID!, $email: String!) { removeAttendee(eventId: $eventId, email: $email) { email } }', { eventId, email: removed }, organizer.auth);
    expect(removal.errors).toBeUndefined();
    expect(await (await fetch(removedLinks.yes)).text()).toContain('You are no longer invited');
    const refusedRemoved = await post(removedLinks.yes, { answer: 'yes' });
    expect(refusedRemoved.status).toBe(410);
    expect(await refusedRemoved.text()).toContain('You are no longer invited');

    const cancelled = await graphql('mutation($id: ID!) { cancelEvent(id: $id, reason: "Venue closed") { status } }', { id: eventId }, organizer.auth);
    expect(cancelled.errors).toBeUndefined();
    const before = await event(organizer, eventId);

    const page = await fetch(keptLinks.yes);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('This event is cancelled');
    expect(html).not.toContain('<form');

    const refused = await post(keptLinks.yes, { answer: 'yes', comment: 'Too late?' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This event is cancelled');
    expect(await attendee(organizer, eventId, kept)).toMatchObject({ status: 'NEEDS_ACTION', answer: null });
    expect(await event(organizer, eventId)).toEqual(before);
  });
});
