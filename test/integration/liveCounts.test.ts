// Live counts through the local stack: the organizer subscribes over the realtime protocol,
// then the counts change by every route (an invitation, the organizer answering for an
// attendee, a mail reply through IAM, a removal). onRsvpCountsChanged pushes the counts after
// each change, from the table's stream (functions/countsPublisher -> publishRsvpCounts), and
// onAttendeeResponded each answer as its mutation returned it. Another organizer is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { subscribe, type Subscription } from '../../cli/shared/appsyncSubscription';
import { daysFromNow, endpoints, graphql, iamGraphql, newOrganizer } from '../helpers/api';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;
type Counts = { invited: number; needsAction: number; accepted: number; declined: number; tentative: number };
type CountsPush = Counts & { eventId: string; changedAt: string };
type AnswerPush = { eventId: string; email: string; status: string; answer: { response: string; via: string } | null };

const ON_COUNTS = `subscription($eventId: ID!) { onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt } }`;
const ON_ANSWER = `subscription($eventId: ID!) { onAttendeeResponded(eventId: $eventId) { eventId email status answer { response via } } }`;
// An answer reaches onAttendeeResponded only when its caller selects eventId (AppSync filters on the selected result).
const RSVP = `mutation($eventId: ID!, $response: RsvpResponse!, $email: String) {
  rsvp(eventId: $eventId, response: $response, email: $email) { eventId email status answer { response via } } }`;
const EMAIL_RSVP = `mutation($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!) {
  recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp) { eventId email status answer { response via } } }`;
const COUNTS = `query($id: ID!) { event(id: $id) { counts { invited needsAction accepted declined tentative } } }`;

const subscriptions: Subscription[] = [];
afterEach(() => {
  for (const s of subscriptions.splice(0)) s.close();
});

async function eventWithGuests(organizer: Organizer, guests: string[]): Promise<string> {
  const created = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    { input: { title: 'Board games', startsAt: daysFromNow(12), endsAt: daysFromNow(12, 4), timeZone: 'Europe/Lisbon' } },
    organizer.auth,
  );
  expect(created.errors).toBeUndefined();
  const eventId = created.data!.createEvent.id as string;
  if (guests.length > 0) await invite(organizer, eventId, guests);
  return eventId;
}

async function invite(organizer: Organizer, eventId: string, guests: string[]) {
  const out = await graphql('mutation($e: ID!, $a: [AttendeeInput!]!) { inviteAttendees(eventId: $e, attendees: $a) { invited { email } } }', { e: eventId, a: guests.map((email) => ({ email })) }, organizer.auth);
  expect(out.errors).toBeUndefined();
}

/** Subscribes as `who` (their Cognito ID token) and collects what `field` pushes. */
async function follow<T>(who: Organizer, query: string, field: string, eventId: string): Promise<T[]> {
  const pushed: T[] = [];
  const subscription = await subscribe(
    {
      realtimeUrl: endpoints().realtimeUrl,
      authorization: { host: new URL(endpoints().graphqlUrl).host, Authorization: who.tokens.idToken },
      query,
      variables: { eventId },
    },
    {
      data: (payload) => {
        expect(payload.errors).toBeUndefined();
        pushed.push((payload.data as Record<string, T>)[field]!);
      },
      dropped: (reason) => {
        throw new Error(`the ${field} subscription dropped: ${reason}`);
      },
    },
  );
  subscriptions.push(subscription);
  return pushed;
}

async function until(what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const counts = (push: CountsPush): Counts => ({ invited: push.invited, needsAction: push.needsAction, accepted: push.accepted, declined: push.declined, tentative: push.tentative });

describe('live counts', () => {
  it('pushes the event’s counts after every change, whatever made it, and each answer, to its organizer', { timeout: 60_000 }, async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, []);
    const elsewhere = await eventWithGuests(organizer, ['ada@example.com']);
    const countsPushed = await follow<CountsPush>(organizer, ON_COUNTS, 'onRsvpCountsChanged', eventId);
    const answersPushed = await follow<AnswerPush>(organizer, ON_ANSWER, 'onAttendeeResponded', eventId);

    await invite(organizer, eventId, ['ada@example.com', 'bob@example.com', 'cy@example.com']);
    const byOrganizer = await graphql(RSVP, { eventId, response: 'ACCEPTED', email: 'ada@example.com' }, organizer.auth);
    expect(byOrganizer.errors).toBeUndefined();
    // Another event's answer reaches its own subscribers only.
    expect((await graphql(RSVP, { eventId: elsewhere, response: 'TENTATIVE', email: 'ada@example.com' }, organizer.auth)).errors).toBeUndefined();
    const byMail = await iamGraphql(EMAIL_RSVP, { eventId, email: 'bob@example.com', response: 'DECLINED', sequence: 0, dtstamp: new Date().toISOString() });
    expect(byMail.errors).toBeUndefined();
    const removed = await graphql('mutation($e: ID!, $m: String!) { removeAttendee(eventId: $e, email: $m) { email } }', { e: eventId, m: 'cy@example.com' }, organizer.auth);
    expect(removed.errors).toBeUndefined();

    const stored = (await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts as Counts;
    expect(stored).toEqual({ invited: 2, needsAction: 0, accepted: 1, declined: 1, tentative: 0 });
    await until('the counts push of the removal', () => countsPushed.length >= 4);
    expect(countsPushed.map(counts)).toEqual([
      { invited: 3, needsAction: 3, accepted: 0, declined: 0, tentative: 0 },
      { invited: 3, needsAction: 2, accepted: 1, declined: 0, tentative: 0 },
      { invited: 3, needsAction: 1, accepted: 1, declined: 1, tentative: 0 },
      stored,
    ]);
    for (const push of countsPushed) {
      expect(push.eventId).toBe(eventId);
      expect(Number.isNaN(Date.parse(push.changedAt))).toBe(false);
    }

    await until('both answers', () => answersPushed.length >= 2);
    expect(answersPushed).toEqual([
      { eventId, email: 'ada@example.com', status: 'ACCEPTED', answer: { response: 'ACCEPTED', via: 'ORGANIZER' } },
      { eventId, email: 'bob@example.com', status: 'DECLINED', answer: { response: 'DECLINED', via: 'EMAIL' } },
    ]);
  });

  it('lets an admin follow any event', async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, []);
    const admin = await newOrganizer({ groups: ['admins'] });
    const countsPushed = await follow<CountsPush>(admin, ON_COUNTS, 'onRsvpCountsChanged', eventId);
    await invite(organizer, eventId, ['ada@example.com']);
    expect((await graphql(RSVP, { eventId, response: 'TENTATIVE', email: 'ada@example.com' }, organizer.auth)).errors).toBeUndefined();
    await until('the counts push of the answer', () => countsPushed.length >= 2);
    expect(countsPushed.map(counts)).toEqual([
      { invited: 1, needsAction: 1, accepted: 0, declined: 0, tentative: 0 },
      { invited: 1, needsAction: 0, accepted: 0, declined: 0, tentative: 1 },
    ]);
  });

  it('refuses another organizer’s subscriptions when they start, and an unknown event’s', async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, []);
    const intruder = await newOrganizer();
    for (const [query, field] of [
      [ON_COUNTS, 'onRsvpCountsChanged'],
      [ON_ANSWER, 'onAttendeeResponded'],
    ]) {
      await expect(follow(intruder, query!, field!, eventId)).rejects.toMatchObject({ name: 'SubscriptionError', errorType: expect.stringMatching(/^Unauthorized/) });
      await expect(follow(organizer, query!, field!, 'no-such-event')).rejects.toMatchObject({ errorType: expect.stringMatching(/^Unauthorized/) });
    }
  });
});
