// 500 answers from 100 attendees changing their minds, all at once, by every route (the
// attendee's token under the API key, the organizer for an attendee, a mail reply through
// IAM), while five dashboards follow the event. Afterwards the event's counts equal a recount
// of the attendee records, and the last counts every dashboard was pushed equal them too.
import { print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { subscribe, type Subscription } from '../../cli/shared/appsyncSubscription';
import type { TestAttendeeStatusesQuery, TestOnCountsSubscription } from '../../generated/client/graphql';
import { daysFromNow, endpoints, newOrganizer, type GraphqlResult } from '../helpers/api';
import { tokenFor } from '../helpers/attendeeTokens';
import { TEST_CREATE_EVENT, TEST_INVITE_ATTENDEES, TEST_RSVP_FOR_ATTENDEE } from '../helpers/operationsEvents';
import { TEST_ATTENDEE_STATUSES, TEST_EVENT_COUNTS, TEST_ON_COUNTS, TEST_RECORD_EMAIL_RSVP, TEST_RSVP_WITH_TOKEN } from '../helpers/operationsRsvps';
import { execute, executeOk } from '../helpers/typedGraphql';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;
type Counts = { invited: number; needsAction: number; accepted: number; declined: number; tentative: number };

const ATTENDEES = 100;
const ANSWERS = 500;
const RESPONSES = ['ACCEPTED', 'DECLINED', 'TENTATIVE'] as const;
/** Errors that say "try again later": the token check did not answer, DynamoDB had a 5xx. */
const RETRYABLE = ['TokenCheckUnavailable', 'DynamoDB:InternalServerError'];


const subscriptions: Subscription[] = [];
afterAll(() => {
  for (const s of subscriptions.splice(0)) s.close();
});

/** A dashboard following the event as `idToken`'s user: every counts push, in order. */
async function dashboard(idToken: string, eventId: string): Promise<Counts[]> {
  const pushed: Counts[] = [];
  const subscription = await subscribe(
    {
      realtimeUrl: endpoints().realtimeUrl,
      authorization: { host: new URL(endpoints().graphqlUrl).host, Authorization: idToken },
      query: print(TEST_ON_COUNTS),
      variables: { eventId },
    },
    {
      data: (payload) => {
        const push = (payload.data as TestOnCountsSubscription).onRsvpCountsChanged!;
        expect(push.eventId).toBe(eventId);
        pushed.push({ invited: push.invited, needsAction: push.needsAction, accepted: push.accepted, declined: push.declined, tentative: push.tentative });
      },
      dropped: (reason) => {
        throw new Error(`a dashboard's subscription dropped: ${reason}`);
      },
    },
  );
  subscriptions.push(subscription);
  return pushed;
}

async function recount(organizer: Organizer, eventId: string): Promise<Counts> {
  const counts: Counts = { invited: 0, needsAction: 0, accepted: 0, declined: 0, tentative: 0 };
  let nextToken: string | null = null;
  do {
    const { attendees }: TestAttendeeStatusesQuery = await executeOk(TEST_ATTENDEE_STATUSES, { eventId, nextToken }, organizer.auth);
    for (const { status } of attendees.items) {
      counts.invited += 1;
      const field = status === 'NEEDS_ACTION' ? 'needsAction' : (status.toLowerCase() as 'accepted' | 'declined' | 'tentative');
      counts[field] += 1;
    }
    nextToken = attendees.nextToken ?? null;
  } while (nextToken);
  return counts;
}

async function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('answers under concurrency', () => {
  it('keeps the counts equal to a recount after 500 concurrent answers from 100 attendees, and every dashboard ends on them', { timeout: 300_000 }, async () => {
    const organizer = await newOrganizer();
    const admin = await newOrganizer({ groups: ['admins'] });
    const { createEvent: event } = await executeOk(
      TEST_CREATE_EVENT,
      { input: { title: 'All hands', startsAt: daysFromNow(20), endsAt: daysFromNow(20, 2), timeZone: 'Europe/Berlin' } },
      organizer.auth,
    );
    const eventId = event.id;
    const guests = Array.from({ length: ATTENDEES }, (_, i) => `mind${i}@example.com`);
    const { inviteAttendees } = await executeOk(TEST_INVITE_ATTENDEES, { eventId, attendees: guests.map((email) => ({ email })) }, organizer.auth);
    expect(inviteAttendees.invited).toHaveLength(ATTENDEES);
    const tokens = await Promise.all(guests.map((guest) => tokenFor(eventId, guest)));

    // Three dashboards of the organizer's and two of an administrator's.
    const dashboards = await Promise.all([organizer, organizer, organizer, admin, admin].map((who) => dashboard(who.tokens.idToken, eventId)));

    // Answer i is attendee i % 100's (i / 100)th: each attendee answers five times, by turns
    // with their token, through the organizer, and by mail (each reply newer than the last).
    const start = Date.parse('2030-03-01T09:00:00Z');
    const answer = (i: number) => {
      const attendee = i % ATTENDEES;
      const round = Math.floor(i / ATTENDEES);
      const response = RESPONSES[(attendee + round) % RESPONSES.length];
      switch ((attendee + round) % 3) {
        case 0:
          return execute(TEST_RSVP_WITH_TOKEN, { eventId, response, token: tokens[attendee]! }, 'apiKey');
        case 1:
          return execute(TEST_RSVP_FOR_ATTENDEE, { eventId, response, email: guests[attendee]!, comment: null }, organizer.auth);
        default:
          return execute(TEST_RECORD_EMAIL_RSVP, { eventId, email: guests[attendee]!, response, sequence: 0, dtstamp: new Date(start + i * 1000).toISOString() }, 'iam');
      }
    };
    // A client tries again after an error that says to (as the AWS SDKs do): on this shared
    // two-core machine a burst of 500 can outlast the token checker's 10 s timeout.
    const withRetries = async (i: number): Promise<GraphqlResult<unknown>> => {
      for (let attempt = 1; ; attempt += 1) {
        const result = await answer(i);
        const retryable = result.errors?.some((error) => RETRYABLE.includes(error.errorType ?? ''));
        if (!retryable || attempt === 3) return result;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    };
    const results = await Promise.all(Array.from({ length: ANSWERS }, (_, i) => withRetries(i)));

    // An answer that lost a race to another of the same attendee's changes nothing and says
    // so; a mail reply older than one recorded before it is refused as stale. Nothing else.
    const refusals = results.flatMap((r) => r.errors ?? []);
    const unexpected = refusals.filter((error) => !['ATTENDEE_CHANGED', 'STALE_REPLY'].includes(error.errorInfo?.reason as string));
    expect(unexpected).toEqual([]);
    expect(results.length - refusals.length).toBeGreaterThan(0);

    const expected = await recount(organizer, eventId);
    expect(expected.invited).toBe(ATTENDEES);
    expect((await executeOk(TEST_EVENT_COUNTS, { id: eventId }, organizer.auth)).event!.counts).toEqual(expected);

    // The pushes arrive from the table's stream, after the answers: wait for every dashboard
    // to reach the counts, then check that nothing else follows (it is their last message).
    const last = (pushed: Counts[]) => pushed[pushed.length - 1];
    await until('every dashboard to show the recounted counts', () => dashboards.every((pushed) => JSON.stringify(last(pushed)) === JSON.stringify(expected)), 180_000);
    const lengths = dashboards.map((pushed) => pushed.length);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(dashboards.map((pushed) => pushed.length)).toEqual(lengths);
    for (const pushed of dashboards) expect(last(pushed)).toEqual(expected);
  });
});
