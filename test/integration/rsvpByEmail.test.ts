// RSVP by email through the local stack: an attendee's calendar client replies to the
// invitation over SMTP -> SES inbound (local listener: S3 + inbound topic) -> event-requests
// queue -> requestIngestion -> recordEmailRsvp (IAM) -> the attendee's status, answer (via
// EMAIL, with the note), history and the event's counts. The replies are the four clients'
// layouts of test/fixtures/replies/; the bad cases there, and mail failing SES's verdicts,
// change nothing.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { messageClaimId } from '../../functions/requestIngestion/rsvpClaim';
import { messageKey } from '../../resolvers/lib/keys';
import { replyFixture, type ReplyFixture, type ReplyValues } from '../fixtures/replies/replyFixture';
import { daysFromNow, endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { sendInbound, settled, until } from '../helpers/inboundMail';
import { rawMail, waitForMails } from '../helpers/outbox';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

const e = () => endpoints();
const rsvpAddress = () => e().outputs.RsvpEmail!;
const mailDomain = () => rsvpAddress().split('@')[1]!;

const ATTENDEES = `query($e: ID!) { attendees(eventId: $e, limit: 100) { items { email status answer { response comment via sequence dtstamp } } } }`;
const COUNTS = `query($id: ID!) { event(id: $id) { counts { invited needsAction accepted declined tentative } } }`;
const HISTORY = `query($e: ID!, $email: String!) { rsvpHistory(eventId: $e, email: $email) { response previous comment via sequence dtstamp } }`;

type Answered = { email: string; status: string; answer: { response: string; comment: string | null; via: string; sequence: number; dtstamp: string } | null };

const guest = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;

async function eventWithGuests(organizer: Organizer, guests: string[]) {
  const created = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id version } }',
    { input: { title: `Launch party ${crypto.randomUUID().slice(0, 6)}`, startsAt: daysFromNow(12), endsAt: daysFromNow(12, 2), timeZone: 'Europe/Paris' } },
    organizer.auth,
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data!.createEvent as { id: string; version: number };
  const invited = await graphql('mutation($e: ID!, $a: [AttendeeInput!]!) { inviteAttendees(eventId: $e, attendees: $a) { invited { email } } }', { e: id, a: guests.map((email) => ({ email })) }, organizer.auth);
  expect(invited.errors).toBeUndefined();
  return { id, version };
}

/** A fixture filled for this event; the DTSTAMP is now (to the second) unless given. */
function reply(fixture: ReplyFixture, values: Partial<ReplyValues> & Pick<ReplyValues, 'eventId' | 'attendee'>): string {
  return replyFixture(fixture, { mailDomain: mailDomain(), rsvp: rsvpAddress(), sequence: 0, dtstamp: new Date(Math.floor(Date.now() / 1000) * 1000), ...values });
}

/** Sends a raw message over SMTP to the RSVP address; resolves to SES's message id. */
const send = (raw: string, envelopeFrom: string, verdicts?: string) => sendInbound({ envelope: { from: envelopeFrom, to: [rsvpAddress()] }, raw }, verdicts);

async function attendees(organizer: Organizer, eventId: string): Promise<Answered[]> {
  const out = await graphql(ATTENDEES, { e: eventId }, organizer.auth);
  expect(out.errors).toBeUndefined();
  return out.data!.attendees.items as Answered[];
}

const counts = async (organizer: Organizer, eventId: string) => (await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts;
const history = async (organizer: Organizer, eventId: string, email: string) => (await graphql(HISTORY, { e: eventId, email }, organizer.auth)).data!.rsvpHistory as unknown[];

async function claim(sender: string, messageId: string, sesMessageId: string) {
  const { client, name } = table();
  const out = await client.send(new GetItemCommand({ TableName: name, Key: marshall(messageKey(`requestIngestion/${messageClaimId(sender, messageId, sesMessageId)}`)), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

describe('RSVP by email', () => {
  it('records each client’s reply as the attendee’s answer, via EMAIL with the note, and moves the counts', { timeout: 120_000 }, async () => {
    const organizer = await newOrganizer();
    const guests = { gmail: guest('gmail'), outlook: guest('Outlook.Guest'), apple: guest('apple'), thunderbird: guest('thunderbird') };
    const event = await eventWithGuests(organizer, Object.values(guests));

    // The UID the replies carry is the one the invitation gave (functions/lib/calendar/eventUid.ts).
    const [invitation] = await waitForMails((m) => m.to.includes(guests.gmail), 1);
    const parsed = await PostalMime.parse(await rawMail(invitation!.messageId));
    const ics = parsed.attachments.find((a) => a.mimeType === 'text/calendar')!;
    const vevent = new ICAL.Component(ICAL.parse(typeof ics.content === 'string' ? ics.content : new TextDecoder().decode(ics.content))).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${event.id}@${mailDomain()}`);

    const dtstamp = new Date(Math.floor(Date.now() / 1000) * 1000);
    await send(reply('gmail', { eventId: event.id, attendee: guests.gmail, dtstamp }), guests.gmail);
    // Outlook writes MAILTO: and the address in another case than it was invited with.
    await send(reply('outlook', { eventId: event.id, attendee: guests.outlook.toUpperCase(), from: guests.outlook, dtstamp }), guests.outlook);
    await send(reply('apple-mail', { eventId: event.id, attendee: guests.apple, dtstamp }), guests.apple);
    await send(reply('thunderbird', { eventId: event.id, attendee: guests.thunderbird, dtstamp }), guests.thunderbird);

    const items = await until('all four answers', () => attendees(organizer, event.id), (list) => list.every((a) => a.status !== 'NEEDS_ACTION'));
    const answer = (response: string, comment: string | null) => ({ response, comment, via: 'EMAIL', sequence: 0, dtstamp: dtstamp.toISOString() });
    const byEmail = Object.fromEntries(items.map((a) => [a.email, a]));
    expect(byEmail[guests.gmail]).toEqual({ email: guests.gmail, status: 'ACCEPTED', answer: answer('ACCEPTED', null) });
    expect(byEmail[guests.outlook]).toEqual({ email: guests.outlook, status: 'DECLINED', answer: answer('DECLINED', 'Sorry – I’m travelling that week. Have a great launch!') });
    expect(byEmail[guests.apple]).toEqual({ email: guests.apple, status: 'ACCEPTED', answer: answer('ACCEPTED', 'Avec plaisir, j’apporte le gâteau !') });
    expect(byEmail[guests.thunderbird]).toEqual({
      email: guests.thunderbird,
      status: 'TENTATIVE',
      answer: answer('TENTATIVE', 'I might be a little late: the train from Bern arrives at 14:10, so I’ll come straight from the station.'),
    });
    expect(await counts(organizer, event.id)).toEqual({ invited: 4, needsAction: 0, accepted: 2, declined: 1, tentative: 1 });
  });

  it('applies a message once, however often it arrives, and the same reply in another message once', { timeout: 120_000 }, async () => {
    const organizer = await newOrganizer();
    const attendee = guest('twice');
    const event = await eventWithGuests(organizer, [attendee]);
    const messageId = `<${crypto.randomUUID()}@mail.example.com>`;
    const raw = reply('gmail', { eventId: event.id, attendee, messageId });

    const first = await send(raw, attendee);
    await until('the answer', () => attendees(organizer, event.id), ([a]) => a?.status === 'ACCEPTED');
    await settled(first);
    const again = await send(raw, attendee);
    await settled(again);
    // The same reply (UID, ATTENDEE, SEQUENCE, DTSTAMP) again, as another message.
    const copy = await send(raw.replace(messageId, `<${crypto.randomUUID()}@mail.example.com>`), attendee);
    await settled(copy);

    expect(await history(organizer, event.id, attendee)).toEqual([
      { response: 'ACCEPTED', previous: 'NEEDS_ACTION', comment: null, via: 'EMAIL', sequence: 0, dtstamp: expect.any(String) },
    ]);
    expect(await claim(attendee, messageId, first)).toMatchObject({ status: 'SENT' });
    expect(await counts(organizer, event.id)).toEqual({ invited: 1, needsAction: 0, accepted: 1, declined: 0, tentative: 0 });
  });

  it('keeps a newer answer when a reply to an older SEQUENCE arrives after it', { timeout: 120_000 }, async () => {
    const organizer = await newOrganizer();
    const attendee = guest('stale');
    const event = await eventWithGuests(organizer, [attendee]);
    const updated = await graphql('mutation($id: ID!, $v: Int!) { updateEvent(id: $id, input: { location: "Rooftop, 1 Main St" }, expectedVersion: $v) { sequence } }', { id: event.id, v: event.version }, organizer.auth);
    expect(updated.data?.updateEvent.sequence).toBe(1);

    await send(reply('thunderbird', { eventId: event.id, attendee, sequence: 1 }), attendee);
    await until('the answer to SEQUENCE 1', () => attendees(organizer, event.id), ([a]) => a?.status === 'TENTATIVE');
    // The reply to the first invitation (SEQUENCE:0) was made later, but SEQUENCE ranks first.
    const stale = await send(reply('stale-sequence', { eventId: event.id, attendee, dtstamp: new Date(Date.now() + 60_000) }), attendee);
    await settled(stale);

    const [after] = await attendees(organizer, event.id);
    expect(after).toMatchObject({ status: 'TENTATIVE', answer: { response: 'TENTATIVE', sequence: 1 } });
    expect(await history(organizer, event.id, attendee)).toHaveLength(1);
    expect(await counts(organizer, event.id)).toEqual({ invited: 1, needsAction: 0, accepted: 0, declined: 0, tentative: 1 });
  });

  it('changes nothing for a forged sender, an unknown UID, mail that is no calendar reply, broken MIME, or mail failing SES’s verdicts', { timeout: 180_000 }, async () => {
    const organizer = await newOrganizer();
    const attendee = guest('victim');
    const event = await eventWithGuests(organizer, [attendee]);
    const mallory = `mallory-${crypto.randomUUID().slice(0, 8)}@evil.example`;
    const unknownEventMessageId = `<${crypto.randomUUID()}@mail.example.com>`;

    const sent = [
      // Authenticated for its own domain, claiming to answer for the attendee.
      await send(reply('forged-sender', { eventId: event.id, attendee, from: mallory }), mallory),
      await send(reply('unknown-uid', { eventId: event.id, attendee }), attendee),
      await send(reply('not-calendar', { eventId: event.id, attendee }), attendee),
      await send(reply('broken-mime', { eventId: event.id, attendee }), attendee),
      // A good reply, but neither SPF nor DKIM passes; another flagged as spam.
      await send(reply('gmail', { eventId: event.id, attendee }), attendee, 'spf=FAIL; dkim=FAIL; dmarc=GRAY; spam=PASS; virus=PASS'),
      await send(reply('gmail', { eventId: event.id, attendee }), attendee, 'spf=PASS; dkim=PASS; dmarc=PASS; spam=FAIL; virus=PASS'),
    ];
    // A UID of ours for an event that does not exist: the API refuses it (NotFound).
    const unknownEvent = await send(reply('gmail', { eventId: crypto.randomUUID(), attendee, messageId: unknownEventMessageId }), attendee);
    for (const id of [...sent, unknownEvent]) await settled(id);

    expect(await attendees(organizer, event.id)).toEqual([{ email: attendee, status: 'NEEDS_ACTION', answer: null }]);
    expect(await history(organizer, event.id, attendee)).toEqual([]);
    expect(await counts(organizer, event.id)).toEqual({ invited: 1, needsAction: 1, accepted: 0, declined: 0, tentative: 0 });
    expect(await claim(attendee, unknownEventMessageId, unknownEvent)).toMatchObject({ status: 'DROPPED', reason: expect.stringMatching(/^recordEmailRsvp refused/) });
  });
});
