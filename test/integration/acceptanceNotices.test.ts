// Organizer notices of acceptances, through the API on the local stack: a notice per new
// acceptance (the default), none when OFF, and a digest of a window's acceptances once its
// timer finds it ended. The shared stack's windows last an hour: the digest test sends the
// window's timer itself, as due, on the digest queue the scheduler uses.
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_WINDOW_SK_PREFIX, NOTICE_SK_PREFIX, organizerKey } from '../../resolvers/lib/keys';
import type { AcceptanceWindowRecord, NoticeRecord } from '../../resolvers/lib/records';
import { daysFromNow, endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { tokenFor } from '../helpers/attendeeTokens';
import { waitForMails } from '../helpers/outbox';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

const RSVP = `mutation($eventId: ID!, $response: RsvpResponse!, $comment: String, $token: String, $email: String) {
  rsvp(eventId: $eventId, response: $response, comment: $comment, token: $token, email: $email) { status } }`;
const SET = 'mutation($setting: AcceptanceNotices!) { setAcceptanceNotices(setting: $setting) { acceptanceNotices } }';
const apiKey = () => ({ 'x-api-key': endpoints().apiKey });

async function eventWithGuests(organizer: Organizer, title: string, guests: { email: string; name?: string }[]) {
  const created = await graphql('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { input: { title, startsAt: daysFromNow(12), endsAt: daysFromNow(12, 2), timeZone: 'Europe/London' } }, organizer.auth);
  const eventId = created.data!.createEvent.id as string;
  const invited = await graphql('mutation($e: ID!, $a: [AttendeeInput!]!) { inviteAttendees(eventId: $e, attendees: $a) { invited { email } } }', { e: eventId, a: guests }, organizer.auth);
  expect(invited.errors).toBeUndefined();
  return eventId;
}

async function answer(eventId: string, email: string, response: string, comment?: string) {
  const out = await graphql(RSVP, { eventId, response, comment, token: await tokenFor(eventId, email) }, apiKey());
  expect(out.errors).toBeUndefined();
}

/** The organizer's items whose sort key starts with `prefix`. */
async function organizerItems<T>(organizer: Organizer, prefix: string): Promise<T[]> {
  const { client, name } = table();
  const out = await client.send(
    new QueryCommand({
      TableName: name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': { S: organizerKey(organizer.sub).pk }, ':prefix': { S: prefix } },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((item) => unmarshall(item) as T);
}

const noticesOf = async (organizer: Organizer, kind: string) => (await organizerItems<NoticeRecord>(organizer, NOTICE_SK_PREFIX)).filter((n) => n.kind === kind);

describe('acceptance notices', () => {
  it('tell an organizer who never chose of each new acceptance, by a notice and its mail, and of nothing else', async () => {
    const organizer = await newOrganizer();
    expect((await graphql('{ me { acceptanceNotices } }', {}, organizer.auth)).data!.me.acceptanceNotices).toBe('EACH_ANSWER');
    const title = `Team offsite ${crypto.randomUUID().slice(0, 6)}`;
    const eventId = await eventWithGuests(organizer, title, [{ email: 'ada@example.com', name: 'Ada Lovelace' }, { email: 'bob@example.com' }]);

    await answer(eventId, 'ada@example.com', 'ACCEPTED', 'Count me in');
    await answer(eventId, 'ada@example.com', 'ACCEPTED', 'Still in');
    await answer(eventId, 'bob@example.com', 'DECLINED');
    await answer(eventId, 'bob@example.com', 'ACCEPTED');

    // Written with the answers: one per acceptance from another status.
    const notices = await noticesOf(organizer, 'ATTENDEE_ACCEPTED');
    expect(notices.map((n) => n.subject).sort()).toEqual([`Ada Lovelace accepted "${title}"`, `bob@example.com accepted "${title}"`]);
    expect(notices.find((n) => n.details.email === 'ada@example.com')!.details).toMatchObject({ eventId, eventTitle: title, name: 'Ada Lovelace', comment: 'Count me in', via: 'API', previous: 'NEEDS_ACTION' });
    expect(notices.find((n) => n.details.email === 'bob@example.com')!.details).toMatchObject({ previous: 'DECLINED', comment: null });

    const mails = await waitForMails((m) => m.to.includes(organizer.email) && m.subject.endsWith(`accepted "${title}"`), 2);
    expect(mails.map((m) => m.subject).sort()).toEqual([`Ada Lovelace accepted "${title}"`, `bob@example.com accepted "${title}"`]);
  });

  it('tell an organizer who turned them OFF of nothing, and the setting shows on me', async () => {
    const organizer = await newOrganizer();
    const set = await graphql(SET, { setting: 'OFF' }, organizer.auth);
    expect(set.data!.setAcceptanceNotices.acceptanceNotices).toBe('OFF');
    expect((await graphql('{ me { acceptanceNotices } }', {}, organizer.auth)).data!.me.acceptanceNotices).toBe('OFF');
    const eventId = await eventWithGuests(organizer, 'Quiet dinner', [{ email: 'ada@example.com' }]);
    await answer(eventId, 'ada@example.com', 'ACCEPTED');
    expect(await noticesOf(organizer, 'ATTENDEE_ACCEPTED')).toEqual([]);
    expect(await organizerItems(organizer, ACCEPTANCE_WINDOW_SK_PREFIX)).toEqual([]);
    const me = (await graphql('{ me { stats { rsvps { accepted } } } }', {}, organizer.auth)).data!.me;
    expect(me.stats.rsvps.accepted).toBe(1);
  });

  it('refuse a setting that is not one of the choices', async () => {
    const organizer = await newOrganizer();
    const out = await graphql(SET, { setting: 'WEEKLY' }, organizer.auth);
    expect(out.errors).toBeDefined();
    expect((await graphql('{ me { acceptanceNotices } }', {}, organizer.auth)).data!.me.acceptanceNotices).toBe('EACH_ANSWER');
  });

  it('gather an organizer’s acceptances in a digest, made once when the window’s timer finds it ended', async () => {
    const organizer = await newOrganizer();
    expect((await graphql(SET, { setting: 'DIGEST' }, organizer.auth)).data!.setAcceptanceNotices.acceptanceNotices).toBe('DIGEST');
    const title = `Launch ${crypto.randomUUID().slice(0, 6)}`;
    const eventId = await eventWithGuests(organizer, title, [{ email: 'ada@example.com', name: 'Ada Lovelace' }, { email: 'bob@example.com' }, { email: 'cy@example.com' }]);
    await answer(eventId, 'ada@example.com', 'ACCEPTED', 'Wonderful');
    await answer(eventId, 'ada@example.com', 'ACCEPTED');
    await answer(eventId, 'cy@example.com', 'DECLINED');
    const byOrganizer = await graphql(RSVP, { eventId, response: 'ACCEPTED', email: 'bob@example.com' }, organizer.auth);
    expect(byOrganizer.errors).toBeUndefined();

    expect(await noticesOf(organizer, 'ATTENDEE_ACCEPTED')).toEqual([]);
    // Two acceptances, in the window of the hour (two windows if the test ran across the hour).
    const windows = await organizerItems<AcceptanceWindowRecord>(organizer, ACCEPTANCE_WINDOW_SK_PREFIX);
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBe(2);
    expect(windows.flatMap((w) => w.acceptances.map((a) => `${a.email} ${a.via} ${a.comment}`)).sort()).toEqual(['ada@example.com API Wonderful', 'bob@example.com ORGANIZER null']);

    // Each window's timer, as due (twice: a redelivery), on the queue the scheduler uses.
    const e = endpoints();
    const sqs = new SQSClient({ region: e.region, credentials: e.credentials, endpoint: e.aws.sqs });
    const queueUrl = e.outputs[`${e.stackName}/AcceptanceDigests/DigestTimers`];
    for (const w of windows) {
      const body = JSON.stringify({ organizerId: organizer.sub, windowStart: w.windowStart, windowEnd: new Date(Date.now() - 60_000).toISOString() });
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    }

    const subjects = windows.map((w) => `${w.count} ${w.count === 1 ? 'acceptance' : 'acceptances'} for your events`);
    const mails = await waitForMails((m) => m.to.includes(organizer.email) && subjects.includes(m.subject), windows.length);
    expect(mails.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    const digests = await noticesOf(organizer, 'ACCEPTANCE_DIGEST');
    expect(digests).toHaveLength(windows.length);
    expect(digests.flatMap((d) => (d.details.acceptances as { email: string }[]).map((a) => a.email)).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    expect(digests.map((d) => d.message).join('\n')).toContain(`Ada Lovelace (ada@example.com) accepted "${title}": "Wonderful"`);
    expect(await organizerItems(organizer, ACCEPTANCE_WINDOW_SK_PREFIX)).toEqual([]);
  });
});
