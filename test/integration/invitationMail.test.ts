// Invitations by mail through the local stack: inviteAttendees -> invite-dispatch queue ->
// dispatcher -> SES outbox; updateEvent / cancelEvent -> stream -> topics -> notifications
// queue -> stager -> one mail per attendee per SEQUENCE; removeAttendee -> one CANCEL. The
// outbox must hold exactly the right mails, parsed back as iMIP with ical.js and mailparser.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { daysFromNow, endpoints, graphql, newOrganizer } from '../helpers/api';
import { noMoreMails, rawMail, waitForMails, type OutboxMail } from '../helpers/outbox';

const INVITE = `mutation($eventId: ID!, $attendees: [AttendeeInput!]!) { inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } } }`;
const ATTENDEES = `query($eventId: ID!) { attendees(eventId: $eventId) { items { email delivery { state attempts sequence messageId sentAt } } } }`;

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

async function newEvent(organizer: Organizer, title: string) {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id version } }',
    { input: { title, location: 'Hall 2', startsAt: daysFromNow(30), endsAt: daysFromNow(30, 2), timeZone: 'America/New_York' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent as { id: string; version: number };
}

const unique = () => crypto.randomUUID().slice(0, 8);
const forEvent = (eventId: string) => (mail: OutboxMail) => mail.tags.eventId === eventId;

async function calendarOf(mail: OutboxMail) {
  const parsed = await simpleParser(await rawMail(mail.messageId));
  const ics = parsed.attachments.find((a) => a.contentType === 'application/ics') ?? parsed.attachments.find((a) => a.contentType === 'text/calendar');
  const calendar = new ICAL.Component(ICAL.parse((ics ? ics.content : Buffer.from('')).toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    parsed,
    method: calendar.getFirstPropertyValue('method'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    uid: event.getFirstPropertyValue('uid'),
    summary: event.getFirstPropertyValue('summary'),
    attendee: String(event.getFirstPropertyValue('attendee')),
  };
}

describe('invitation mail', () => {
  it('sends one invitation per attendee, records its delivery, and never sends a redelivered message twice', async () => {
    const organizer = await newOrganizer();
    const title = `Design review ${unique()}`;
    const event = await newEvent(organizer, title);
    const guests = ['ada@example.com', 'grace@example.com'];
    const invited = await graphql(INVITE, { eventId: event.id, attendees: guests.map((email) => ({ email })) }, organizer.auth);
    expect(invited.errors).toBeUndefined();

    const mails = await waitForMails(forEvent(event.id), 2);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(guests);
    for (const mail of mails) {
      const cal = await calendarOf(mail);
      expect(cal).toMatchObject({ method: 'REQUEST', sequence: 0, status: 'CONFIRMED', summary: title, uid: `${event.id}@calendar.localhost` });
      expect(cal.attendee).toBe(`mailto:${mail.to[0]}`);
      expect(mail.subject.startsWith(`Invitation: ${title} @ `)).toBe(true);
      // The attendee's unsubscribe link (no List-Unsubscribe-Post: one-click needs https, and the local URL is http).
      const unsubscribe = cal.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
      expect(unsubscribe).toContain(`<${endpoints().outputs.LinksUrl}unsubscribe/`);
    }

    const list = (await graphql(ATTENDEES, { eventId: event.id }, organizer.auth)).data!.attendees.items;
    for (const attendee of list) expect(attendee.delivery).toMatchObject({ state: 'SENT', attempts: 1, sequence: 0, messageId: expect.any(String), sentAt: expect.any(String) });

    // SQS delivers at least once: the same message again sends nothing.
    const sqs = new SQSClient({ region: endpoints().region, endpoint: endpoints().aws.sqs, credentials: endpoints().credentials });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: endpoints().outputs.InviteDispatchQueueUrl,
        MessageBody: JSON.stringify({ kind: 'REQUEST', reason: 'INVITED', eventId: event.id, email: 'ada@example.com', sequence: 0 }),
      }),
    );
    expect(await noMoreMails(forEvent(event.id), 2)).toHaveLength(2);
  });

  it('sends each attendee one update per SEQUENCE, one cancellation (declined or not), and a CANCEL to a removed attendee', async () => {
    const organizer = await newOrganizer();
    const event = await newEvent(organizer, `Offsite ${unique()}`);
    const guests = ['a@example.com', 'b@example.com', 'c@example.com'];
    await graphql(INVITE, { eventId: event.id, attendees: guests.map((email) => ({ email })) }, organizer.auth);
    await waitForMails(forEvent(event.id), 3);

    // Removed: one CANCEL, one SEQUENCE past the event's.
    expect((await graphql('mutation($e: ID!, $m: String!) { removeAttendee(eventId: $e, email: $m) { email } }', { e: event.id, m: 'c@example.com' }, organizer.auth)).errors).toBeUndefined();
    const [removal] = await waitForMails((m) => forEvent(event.id)(m) && m.subject.startsWith('Cancelled:'), 1);
    expect(removal!.to).toEqual(['c@example.com']);
    expect(await calendarOf(removal!)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1 });

    // Updated: the two left get REQUEST SEQUENCE 1, once each.
    const updated = await graphql(
      'mutation($id: ID!, $input: UpdateEventInput!, $v: Int!) { updateEvent(id: $id, input: $input, expectedVersion: $v) { sequence version } }',
      { id: event.id, input: { location: 'Hall 5' }, v: event.version },
      organizer.auth,
    );
    expect(updated.errors).toBeUndefined();
    const updates = await waitForMails((m) => forEvent(event.id)(m) && m.subject.startsWith('Updated invitation:'), 2);
    expect(updates.map((m) => m.to[0]).sort()).toEqual(['a@example.com', 'b@example.com']);
    for (const mail of updates) expect(await calendarOf(mail)).toMatchObject({ method: 'REQUEST', sequence: 1 });

    // Cancelled: both get a CANCEL with the new SEQUENCE.
    expect((await graphql('mutation($id: ID!) { cancelEvent(id: $id, reason: "Venue closed") { status } }', { id: event.id }, organizer.auth)).errors).toBeUndefined();
    const cancels = await waitForMails((m) => forEvent(event.id)(m) && m.subject.startsWith('Cancelled:') && m.to[0] !== 'c@example.com', 2);
    expect(cancels.map((m) => m.to[0]).sort()).toEqual(['a@example.com', 'b@example.com']);
    for (const mail of cancels) expect(await calendarOf(mail)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 2 });

    // Exactly: 3 invitations, 1 removal, 2 updates, 2 cancellations.
    expect(await noMoreMails(forEvent(event.id), 8)).toHaveLength(8);
  });
});
