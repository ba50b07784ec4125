// Emailed event requests through the local stack: an organizer mails a calendar REQUEST to
// the requests address over SMTP -> SES inbound (local listener: S3 + inbound topic) ->
// event-requests queue -> requestIngestion -> createEvent and inviteAttendees (IAM) -> the
// event, its attendees' invitations, and the organizer's EVENT_REQUEST_PROCESSED notice.
// The same mail again creates nothing; a stranger's creates nothing; a suspended
// organizer's, or an invalid request, gets an EVENT_REQUEST_FAILED notice with the reason.
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type Mail from 'nodemailer/lib/mailer';
import { describe, expect, it } from 'vitest';
import { NOTICE_SK_PREFIX, organizerKey } from '../../resolvers/lib/keys';
import { endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { sendInbound, settled, until } from '../helpers/inboundMail';
import { noMoreMails, waitForMails, type OutboxMail } from '../helpers/outbox';
import { requestIcs } from '../fixtures/requests/requestFixture';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

const e = () => endpoints();
const YEAR = new Date().getUTCFullYear() + 1;

function guests(): [string, string, string] {
  const tag = crypto.randomUUID().slice(0, 8);
  return [`ada-${tag}@example.com`, `grace-${tag}@example.net`, `linus-${tag}@example.org`];
}

function invitation(organizerEmail: string, o: { title: string; guests: [string, string, string]; end?: string }): string {
  return requestIcs({ uid: `${crypto.randomUUID()}@example.com`, start: `${YEAR}0301T090000`, end: o.end ?? `${YEAR}0301T103000`, title: o.title, organizer: organizerEmail, guests: o.guests, requests: e().outputs.RequestsEmail! });
}

/** Mails the requests address; resolves to SES's message id. */
const mail = (message: Mail.Options) => sendInbound({ to: e().outputs.RequestsEmail, ...message });

/** Mails to any of `addresses` (the outbox's `to` may carry the attendee's name too). */
const toAny = (addresses: string[]) => (m: OutboxMail) => m.to.some((to) => addresses.some((a) => to.includes(a)));

async function notices(organizer: Organizer, kind: string) {
  const { client, name } = table();
  const out = await client.send(
    new QueryCommand({
      TableName: name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notice)',
      ExpressionAttributeValues: marshall({ ':pk': organizerKey(organizer.sub).pk, ':notice': NOTICE_SK_PREFIX }),
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((item) => unmarshall(item)).filter((n) => n.kind === kind);
}

async function events(organizer: Organizer) {
  const out = await graphql('{ events(limit: 50) { items { id title description location startsAt endsAt timeZone } } }', {}, organizer.auth);
  expect(out.errors).toBeUndefined();
  return out.data!.events.items as Record<string, string>[];
}

describe('event requests by email', () => {
  it('creates the event an active organizer mails, invites its attendees and notices the organizer, once', { timeout: 150_000 }, async () => {
    const organizer = await newOrganizer();
    const invited = guests();
    const title = `Mailed launch ${crypto.randomUUID().slice(0, 6)}`;
    const message = { from: `Organizer <${organizer.email}>`, subject: `Invitation: ${title}`, text: 'You are invited.', icalEvent: { method: 'REQUEST', content: invitation(organizer.email, { title, guests: invited }) }, messageId: `<${crypto.randomUUID()}@example.com>` };
    await mail(message);

    const [event] = await until('the event', () => events(organizer), (items) => items.some((i) => i.title === title));
    expect(event).toEqual({
      id: expect.any(String),
      title,
      description: 'Agenda:\n1. Welcome, coffee\n2. Roadmap',
      location: 'Room 4, Main building',
      startsAt: `${YEAR}-03-01T08:00:00.000Z`,
      endsAt: `${YEAR}-03-01T09:30:00.000Z`,
      timeZone: 'Europe/Berlin',
    });
    const [processed] = await until('the EVENT_REQUEST_PROCESSED notice', () => notices(organizer, 'EVENT_REQUEST_PROCESSED'), (n) => n.length > 0);
    expect(processed!.details).toMatchObject({ eventId: event!.id, title, invited: 3, duplicates: { count: 0 }, invalid: { count: 0 }, rejected: { count: 0 }, stopped: null });

    const attendees = await graphql('query($e: ID!) { attendees(eventId: $e) { items { email name } } }', { e: event!.id }, organizer.auth);
    expect(new Set(attendees.data!.attendees.items)).toEqual(new Set([{ email: invited[0], name: 'Ada Guest' }, { email: invited[1], name: 'Hopper, Grace' }, { email: invited[2], name: null }]));
    const mails = await waitForMails(toAny(invited), 3, 45_000);
    expect(mails.map((m) => invited.find((g) => m.to.some((to) => to.includes(g)))).sort()).toEqual([...invited].sort());

    // The same mail sent again (same Message-ID and UID): no second event, no second invitation.
    await settled(await mail(message));
    expect((await events(organizer)).filter((i) => i.title === title)).toHaveLength(1);
    expect(await notices(organizer, 'EVENT_REQUEST_PROCESSED')).toHaveLength(1);
    expect(await noMoreMails(toAny(invited), 3)).toHaveLength(3);
  });

  it('creates nothing for a sender who is no organizer', { timeout: 60_000 }, async () => {
    const invited = guests();
    const stranger = `stranger-${crypto.randomUUID()}@example.com`;
    await settled(await mail({ from: stranger, subject: 'Invitation', icalEvent: { method: 'REQUEST', content: invitation(stranger, { title: 'Not ours', guests: invited }) } }));
    expect(await noMoreMails(toAny(invited), 0)).toEqual([]);
  });

  it('refuses a suspended organizer’s request with an EVENT_REQUEST_FAILED notice', { timeout: 60_000 }, async () => {
    const organizer = await newOrganizer();
    const admin = await newOrganizer({ groups: ['admins'] });
    const suspended = await graphql('mutation($id: ID!) { suspendOrganizer(id: $id, reason: "test") { status } }', { id: organizer.sub }, admin.auth);
    expect(suspended.data?.suspendOrganizer.status).toBe('SUSPENDED');
    const title = `Suspended ${crypto.randomUUID().slice(0, 6)}`;
    await mail({ from: organizer.email, subject: 'Invitation', icalEvent: { method: 'REQUEST', content: invitation(organizer.email, { title, guests: guests() }) } });
    const [failed] = await until('the EVENT_REQUEST_FAILED notice', () => notices(organizer, 'EVENT_REQUEST_FAILED'), (n) => n.length > 0);
    expect(failed!.details).toMatchObject({ errorType: 'Unauthorized', reason: expect.stringMatching(/SUSPENDED/), title });
    expect((await events(organizer)).filter((i) => i.title === title)).toEqual([]);
  });

  it('refuses an invalid request (DTEND before DTSTART) with the API’s validation reason', { timeout: 60_000 }, async () => {
    const organizer = await newOrganizer();
    const title = `Backwards ${crypto.randomUUID().slice(0, 6)}`;
    await mail({ from: organizer.email, subject: 'Invitation', icalEvent: { method: 'REQUEST', content: invitation(organizer.email, { title, guests: guests(), end: `${YEAR}0301T080000` }) } });
    const [failed] = await until('the EVENT_REQUEST_FAILED notice', () => notices(organizer, 'EVENT_REQUEST_FAILED'), (n) => n.length > 0);
    expect(failed!.details).toMatchObject({ errorType: 'ValidationError', reason: expect.stringMatching(/endsAt must be after startsAt/), title });
    expect((await events(organizer)).filter((i) => i.title === title)).toEqual([]);
  });
});
