// Deliverability on the product's own template: mail sent with SES to the mailbox simulator
// bounces or is complained about; the configuration set's events reach the feedback topic,
// its queue and the feedback function, which suppresses the address and marks the
// invitation's attendee, and inviteAttendees then refuses the address. Hand-made SES records
// published on the topic cover what the simulator cannot do (transient bounces, several
// recipients, an attendee that is gone). The links function's URL serves the one-click
// unsubscribe: a GET shows a page and changes nothing, a POST unsubscribes the address from
// that organizer only, and tokens that are not ours get a 404.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../functions/lib/tokens/attendeeTokens';
import { newAttendeeRecord } from '../../resolvers/lib/invites';
import { attendeeKey, normalizeEmail, suppressionKey, type TableKey } from '../../resolvers/lib/keys';
import { daysFromNow, endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { putItem } from '../helpers/table';

const e = () => endpoints();
const sdk = () => ({ region: e().region, credentials: e().credentials, maxAttempts: 1 });

const INVITE = `mutation($eventId: ID!, $attendees: [AttendeeInput!]!) {
  inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } rejected { email reason } }
}`;
const ATTENDEES = `query($eventId: ID!) { attendees(eventId: $eventId) { items { email delivery { state lastError } } } }`;

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

/** A resource's physical id by its construct path below the stack, as endpoints.json keys it. */
function output(path: string): string {
  const value = e().outputs[`${e().stackName}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${e().stackName}/${path}`);
  return value;
}

function linksUrl(): string {
  const url = e().functionUrls[`${e().stackName}/Deliverability/AttendeeLinks/Function/FunctionUrl`];
  if (!url) throw new Error(`endpoints.json has no function URL for Deliverability/AttendeeLinks: ${JSON.stringify(e().functionUrls)}`);
  return url;
}

/** A mailbox simulator address of its own (a +label keeps the simulator's behaviour). */
const simulator = (mailbox: 'bounce' | 'complaint' | 'success') => `${mailbox}+${crypto.randomUUID()}@simulator.amazonses.com`;
const sender = () => `invites@${e().outputs.RsvpEmail!.split('@')[1]}`;

async function newEvent(organizer: Organizer): Promise<string> {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    { input: { title: 'Deliverability check', startsAt: daysFromNow(10), endsAt: daysFromNow(10, 2), timeZone: 'Europe/Berlin' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent.id as string;
}

/** An attendee whose invitation went out (what the dispatcher leaves behind). */
async function putSentAttendee(eventId: string, email: string, messageId: string | null = null) {
  const record = newAttendeeRecord({ id: eventId, organizerId: 'org-of-this-event' }, { email, name: null, key: normalizeEmail(email) }, new Date().toISOString(), 'API');
  await putItem({ ...record, delivery: { ...record.delivery, state: 'SENT', attempts: 1, sentAt: record.invitedAt, messageId } });
}

async function item(key: TableKey): Promise<Record<string, any> | undefined> {
  const { client, name } = table();
  const out = await client.send(new GetItemCommand({ TableName: name, Key: marshall(key), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const when = <T>(value: T | undefined, ok: (v: T) => boolean) => (value !== undefined && ok(value) ? value : undefined);

async function sendInvitation(to: string, tags: Record<string, string> | null) {
  const ses = new SESv2Client({ ...sdk(), endpoint: e().aws.sesv2 });
  const out = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: sender(),
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: 'Invitation: Deliverability check' }, Body: { Text: { Data: 'You are invited.' } } } },
      EmailTags: tags ? Object.entries(tags).map(([Name, Value]) => ({ Name, Value })) : undefined,
    }),
  );
  expect(out.MessageId).toBeTruthy();
}

/** An SES event record published on the feedback topic, as SES would (for what the simulator cannot do). */
async function publishFeedback(record: Record<string, unknown>) {
  const sns = new SNSClient({ ...sdk(), endpoint: e().aws.sns });
  await sns.send(new PublishCommand({ TopicArn: output('Messaging/SesFeedback'), Message: JSON.stringify(record) }));
}

function sesMail(destination: string[], tags: Record<string, string[]>) {
  return {
    timestamp: new Date().toISOString(),
    source: sender(),
    sourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/calendar.localhost',
    sendingAccountId: '000000000000',
    messageId: `0100${Date.now().toString(16)}-${crypto.randomUUID()}-000000`,
    destination,
    tags,
  };
}

function bounce(bounceType: 'Permanent' | 'Transient', recipients: string[], tags: Record<string, string[]>, diagnosticCode: string) {
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
      bouncedRecipients: recipients.map((emailAddress) => ({ emailAddress, action: 'failed', diagnosticCode })),
      timestamp: new Date().toISOString(),
      feedbackId: crypto.randomUUID(),
    },
    mail: sesMail(recipients, tags),
  };
}

async function invite(organizer: Organizer, eventId: string, email: string) {
  const out = await graphql(INVITE, { eventId, attendees: [{ email }] }, organizer.auth);
  expect(out.errors).toBeUndefined();
  return out.data!.inviteAttendees as { invited: { email: string }[]; rejected: { email: string; reason: string }[] };
}

describe('SES feedback', () => {
  it('a hard bounce of an invitation suppresses the address and marks the attendee BOUNCED, which the API shows', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const address = simulator('bounce');
    await putSentAttendee(eventId, address);
    await sendInvitation(address, { purpose: 'invitation', eventId, organizerId: organizer.sub });

    const suppression = await eventually('the suppression', async () => when(await item(suppressionKey(address)), (s) => s.reason === 'BOUNCED'));
    expect(suppression).toMatchObject({ email: address, reason: 'BOUNCED' });
    expect(suppression.unsubscribedFrom).toBeUndefined();
    const attendee = await eventually('the attendee BOUNCED', async () => when(await item(attendeeKey(eventId, address)), (a) => a.delivery.state === 'BOUNCED'));
    expect(attendee.delivery.lastError).toBe('Permanent bounce (General): smtp; 550 5.1.1 user unknown');

    const listed = (await graphql(ATTENDEES, { eventId }, organizer.auth)).data!.attendees.items;
    expect(listed).toEqual([{ email: address, delivery: { state: 'BOUNCED', lastError: attendee.delivery.lastError } }]);

    const other = await newOrganizer();
    const result = await invite(other, await newEvent(other), address.toUpperCase());
    expect(result.invited).toEqual([]);
    expect(result.rejected).toEqual([{ email: expect.stringMatching(/@simulator\.amazonses\.com$/), reason: 'mail to this address bounced: it is suppressed' }]);
  });

  it('a complaint about an invitation suppresses the address and marks the attendee COMPLAINED', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const address = simulator('complaint');
    await putSentAttendee(eventId, address);
    await sendInvitation(address, { purpose: 'invitation', eventId, organizerId: organizer.sub });

    await eventually('the suppression', async () => when(await item(suppressionKey(address)), (s) => s.reason === 'COMPLAINED'));
    const attendee = await eventually('the attendee COMPLAINED', async () => when(await item(attendeeKey(eventId, address)), (a) => a.delivery.state === 'COMPLAINED'));
    expect(attendee.delivery.lastError).toMatch(/^Complaint/);
    expect(attendee.delivery).toMatchObject({ attempts: 1, sentAt: expect.any(String) });

    const result = await invite(organizer, await newEvent(organizer), address);
    expect(result.rejected).toEqual([{ email: address, reason: 'this address marked our mail as spam: it is suppressed' }]);
  });

  it('mail that is not an invitation still suppresses a hard-bounced address', async () => {
    const address = simulator('bounce');
    await sendInvitation(address, null);
    await eventually('the suppression', async () => when(await item(suppressionKey(address)), (s) => s.reason === 'BOUNCED'));
  });

  it('a transient bounce only notes the error on the attendee (about its latest mail), and suppresses nothing', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const address = `full-${crypto.randomUUID()}@example.com`;
    const resent = `resent-${crypto.randomUUID()}@example.com`;
    await putSentAttendee(eventId, address);
    // This attendee's latest mail is a later one than the bounce is about.
    await putSentAttendee(eventId, resent, 'a-later-mail');
    // Not an SES record: dropped by the function, and no obstacle to the next one.
    await publishFeedback({ eventType: 'Bounce', bounce: {} });
    await publishFeedback(bounce('Transient', [resent, address], { purpose: ['invitation'], eventId: [eventId] }, 'smtp; 452 4.2.2 mailbox full'));

    const attendee = await eventually('the noted error', async () => when(await item(attendeeKey(eventId, address)), (a) => Boolean(a.delivery.lastError)));
    expect(attendee.delivery).toMatchObject({ state: 'SENT', lastError: 'Transient bounce (MailboxFull): smtp; 452 4.2.2 mailbox full' });
    expect((await item(attendeeKey(eventId, resent)))!.delivery).toMatchObject({ state: 'SENT', lastError: null, messageId: 'a-later-mail' });
    expect(await item(suppressionKey(address))).toBeUndefined();
    expect((await invite(organizer, await newEvent(organizer), address)).invited).toEqual([{ email: address }]);
  });

  it('keeps the stronger fact, and writes nothing for an attendee that is gone', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const complained = `complained-${crypto.randomUUID()}@example.com`;
    const gone = `gone-${crypto.randomUUID()}@example.com`;
    const tags = { purpose: ['invitation'], eventId: [eventId], organizerId: [organizer.sub] };
    await putSentAttendee(eventId, complained);
    await publishFeedback({
      eventType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: complained }], complaintFeedbackType: 'abuse', timestamp: new Date().toISOString(), feedbackId: crypto.randomUUID() },
      mail: sesMail([complained], tags),
    });
    await eventually('the attendee COMPLAINED', async () => when(await item(attendeeKey(eventId, complained)), (a) => a.delivery.state === 'COMPLAINED'));

    // A later hard bounce of both: the complaint stays; the address without an attendee is suppressed all the same.
    await publishFeedback(bounce('Permanent', [complained, gone], tags, 'smtp; 550 5.1.1 user unknown'));
    await eventually('the second address suppressed', async () => when(await item(suppressionKey(gone)), (s) => s.reason === 'BOUNCED'));
    expect(await item(suppressionKey(complained))).toMatchObject({ reason: 'COMPLAINED' });
    expect((await item(attendeeKey(eventId, complained)))!.delivery).toMatchObject({ state: 'COMPLAINED', lastError: expect.stringMatching(/^Complaint/) });
    expect(await item(attendeeKey(eventId, gone))).toBeUndefined();
  });
});

describe('one-click unsubscribe (the links function URL)', () => {
  async function key(): Promise<Uint8Array> {
    const client = new SecretsManagerClient({ ...sdk(), endpoint: e().aws.secrets_manager });
    const out = await client.send(new GetSecretValueCommand({ SecretId: output('TokenKey/Secret') }));
    return Buffer.from(out.SecretString!, 'utf8');
  }

  const oneClick = (url: string) =>
    fetch(url, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }), redirect: 'manual' });

  it('is the stack output LinksUrl, ending in a slash', () => {
    expect(e().outputs.LinksUrl).toBe(linksUrl());
    expect(linksUrl()).toMatch(/\/$/);
  });

  it('shows a page on GET without changing anything, unsubscribes on POST, and only from that organizer', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const address = `reader-${crypto.randomUUID()}@example.com`;
    const url = `${linksUrl()}unsubscribe/${unsubscribeToken(await key(), organizer.sub, address)}`;

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain(address);
    expect(html).toContain(organizer.email);
    expect(html).toContain('<form method="post">');
    expect(await item(suppressionKey(address))).toBeUndefined();

    const done = await oneClick(url);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed');
    expect(await item(suppressionKey(address))).toMatchObject({ email: address, unsubscribedFrom: [organizer.sub] });

    // A provider's one-click request, then the page's button: still one entry.
    expect((await oneClick(url)).status).toBe(200);
    expect((await item(suppressionKey(address)))!.unsubscribedFrom).toEqual([organizer.sub]);
    expect(await (await fetch(url)).text()).toContain('Already unsubscribed');

    const refused = await invite(organizer, eventId, address);
    expect(refused.rejected).toEqual([{ email: address, reason: "this address unsubscribed from the organizer's invitations" }]);
    const other = await newOrganizer();
    expect((await invite(other, await newEvent(other), address)).invited).toEqual([{ email: address }]);
  });

  it('answers 404 to a forged token and 400 to a POST that is not one-click, changing nothing', async () => {
    const organizer = await newOrganizer();
    const address = `target-${crypto.randomUUID()}@example.com`;
    const forged = unsubscribeToken(Buffer.from('not-the-stack-key-'.repeat(4)), organizer.sub, address);
    for (const response of [await fetch(`${linksUrl()}unsubscribe/${forged}`), await oneClick(`${linksUrl()}unsubscribe/${forged}`), await oneClick(`${linksUrl()}unsubscribe/garbage`)]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This link does not work');
    }
    const genuine = `${linksUrl()}unsubscribe/${unsubscribeToken(await key(), organizer.sub, address)}`;
    const notOneClick = await fetch(genuine, { method: 'POST', body: new URLSearchParams({ unsubscribe: 'yes' }) });
    expect(notOneClick.status).toBe(400);
    expect((await fetch(`${linksUrl()}elsewhere`)).status).toBe(404);
    expect((await fetch(genuine, { method: 'DELETE' })).status).toBe(405);
    expect(await item(suppressionKey(address))).toBeUndefined();
  });
});
