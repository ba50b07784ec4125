// rsvp, recordEmailRsvp and rsvpHistory through the API: attendees answer with their token
// (API key), organizers for an attendee, the ingestion with IAM; counts always equal the
// attendees' statuses, even under concurrent answers.
import { describe, expect, it } from 'vitest';
import { daysFromNow, endpoints, graphql, iamGraphql, newOrganizer } from '../helpers/api';
import { tokenFor } from '../helpers/attendeeTokens';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

const RSVP = `mutation($eventId: ID!, $response: RsvpResponse!, $comment: String, $token: String, $email: String) {
  rsvp(eventId: $eventId, response: $response, comment: $comment, token: $token, email: $email) { email status answer { response comment via sequence } } }`;
const EMAIL_RSVP = `mutation($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!, $comment: String) {
  recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp, comment: $comment) { status answer { via sequence dtstamp } } }`;
const HISTORY = `query($eventId: ID!, $email: String!) { rsvpHistory(eventId: $eventId, email: $email) { response previous comment via } }`;
const COUNTS = `query($id: ID!) { event(id: $id) { counts { invited needsAction accepted declined tentative } } }`;

const apiKey = () => ({ 'x-api-key': endpoints().apiKey });

async function eventWithGuests(organizer: Organizer, guests: string[]) {
  const created = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    { input: { title: 'Team dinner', startsAt: daysFromNow(9), endsAt: daysFromNow(9, 3), timeZone: 'Europe/Rome' } },
    organizer.auth,
  );
  const eventId = created.data!.createEvent.id as string;
  const invited = await graphql('mutation($e: ID!, $a: [AttendeeInput!]!) { inviteAttendees(eventId: $e, attendees: $a) { invited { email } } }', { e: eventId, a: guests.map((email) => ({ email })) }, organizer.auth);
  expect(invited.errors).toBeUndefined();
  return eventId;
}

describe('rsvp', () => {
  it('records an attendee’s answer with their token, moves the counts, and keeps the history in order', async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, ['ada@example.com', 'bob@example.com']);
    const token = await tokenFor(eventId, 'ada@example.com');

    const yes = await graphql(RSVP, { eventId, response: 'ACCEPTED', comment: ' Count me in ', token }, apiKey());
    expect(yes.errors).toBeUndefined();
    expect(yes.data!.rsvp).toEqual({ email: 'ada@example.com', status: 'ACCEPTED', answer: { response: 'ACCEPTED', comment: 'Count me in', via: 'API', sequence: 0 } });
    const maybe = await graphql(RSVP, { eventId, response: 'TENTATIVE', token }, apiKey());
    expect(maybe.errors).toBeUndefined();
    expect((await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts).toEqual({ invited: 2, needsAction: 1, accepted: 0, declined: 0, tentative: 1 });

    const history = (await graphql(HISTORY, { eventId, email: 'ADA@example.com' }, organizer.auth)).data!.rsvpHistory;
    expect(history).toEqual([
      { response: 'ACCEPTED', previous: 'NEEDS_ACTION', comment: 'Count me in', via: 'API' },
      { response: 'TENTATIVE', previous: 'ACCEPTED', comment: null, via: 'API' },
    ]);
    const me = (await graphql('{ me { stats { rsvps { accepted tentative declined } } } }', {}, organizer.auth)).data!.me;
    expect(me.stats.rsvps).toEqual({ accepted: 1, tentative: 1, declined: 0 });
  });

  it('refuses an answer without a valid token, for another event, for someone not invited, and for a cancelled event', async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, ['ada@example.com']);
    const other = await eventWithGuests(organizer, ['ada@example.com']);
    const noToken = await graphql(RSVP, { eventId, response: 'ACCEPTED', email: 'ada@example.com' }, apiKey());
    expect(noToken.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'TOKEN_REQUIRED' } });
    const forged = await graphql(RSVP, { eventId, response: 'ACCEPTED', token: `${await tokenFor(eventId, 'ada@example.com')}x` }, apiKey());
    expect(forged.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'BAD_TOKEN' } });
    const elsewhere = await graphql(RSVP, { eventId, response: 'ACCEPTED', token: await tokenFor(other, 'ada@example.com') }, apiKey());
    expect(elsewhere.errors![0]).toMatchObject({ errorType: 'Unauthorized' });
    const stranger = await graphql(RSVP, { eventId, response: 'ACCEPTED', token: await tokenFor(eventId, 'eve@example.com') }, apiKey());
    expect(stranger.errors![0].errorType).toBe('NotFound');
    await graphql('mutation($id: ID!) { cancelEvent(id: $id) { id } }', { id: eventId }, organizer.auth);
    const late = await graphql(RSVP, { eventId, response: 'ACCEPTED', token: await tokenFor(eventId, 'ada@example.com') }, apiKey());
    expect(late.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'EVENT_CANCELLED' } });
  });

  it('lets the organizer answer for an attendee, and nobody else', async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, ['ada@example.com']);
    const done = await graphql(RSVP, { eventId, response: 'DECLINED', email: 'ada@example.com' }, organizer.auth);
    expect(done.data!.rsvp.answer).toMatchObject({ response: 'DECLINED', via: 'ORGANIZER' });
    const intruder = await graphql(RSVP, { eventId, response: 'ACCEPTED', email: 'ada@example.com' }, (await newOrganizer()).auth);
    expect(intruder.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'NOT_EVENT_ORGANIZER' } });
  });

  it('applies a mail reply unless it is older than the answer recorded (SEQUENCE, then DTSTAMP)', async () => {
    const organizer = await newOrganizer();
    const eventId = await eventWithGuests(organizer, ['ada@example.com']);
    const first = await iamGraphql(EMAIL_RSVP, { eventId, email: 'ada@example.com', response: 'ACCEPTED', sequence: 0, dtstamp: '2030-01-01T10:00:00Z' });
    expect(first.data!.recordEmailRsvp).toEqual({ status: 'ACCEPTED', answer: { via: 'EMAIL', sequence: 0, dtstamp: '2030-01-01T10:00:00.000Z' } });
    const older = await iamGraphql(EMAIL_RSVP, { eventId, email: 'ada@example.com', response: 'DECLINED', sequence: 0, dtstamp: '2030-01-01T09:00:00Z' });
    expect(older.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'STALE_REPLY' } });
    const again = await iamGraphql(EMAIL_RSVP, { eventId, email: 'ada@example.com', response: 'DECLINED', sequence: 0, dtstamp: '2030-01-01T10:00:00Z' });
    expect(again.errors![0].errorInfo!.reason).toBe('STALE_REPLY');
    const newer = await iamGraphql(EMAIL_RSVP, { eventId, email: 'ada@example.com', response: 'DECLINED', sequence: 0, dtstamp: '2030-01-01T11:00:00Z' });
    expect(newer.data!.recordEmailRsvp.status).toBe('DECLINED');
    const noIam = await graphql(EMAIL_RSVP, { eventId, email: 'ada@example.com', response: 'ACCEPTED', sequence: 1, dtstamp: '2030-01-02T00:00:00Z' }, organizer.auth);
    expect(noIam.errors![0].errorType).toMatch(/Unauthorized/);
  });

  it('keeps the counts equal to the attendees’ statuses under concurrent answers', { timeout: 120_000 }, async () => {
    const organizer = await newOrganizer();
    const guests = Array.from({ length: 20 }, (_, i) => `c${i}@example.com`);
    const eventId = await eventWithGuests(organizer, guests);
    const tokens = await Promise.all(guests.map((g) => tokenFor(eventId, g)));
    const responses = ['ACCEPTED', 'DECLINED', 'TENTATIVE'];
    // 100 answers, five per attendee, all at once: some lose a race (Conflict) and change nothing.
    const calls = Array.from({ length: 100 }, (_, i) => graphql(RSVP, { eventId, response: responses[i % 3], token: tokens[i % 20] }, apiKey()));
    const results = await Promise.all(calls);
    for (const r of results) if (r.errors) expect(r.errors[0].errorInfo!.reason).toBe('ATTENDEE_CHANGED');
    const items = (await graphql('query($e: ID!) { attendees(eventId: $e, limit: 100) { items { status } } }', { e: eventId }, organizer.auth)).data!.attendees.items as { status: string }[];
    const recount = { invited: 20, needsAction: 0, accepted: 0, declined: 0, tentative: 0 };
    for (const { status } of items) {
      const field = status === 'NEEDS_ACTION' ? 'needsAction' : (status.toLowerCase() as 'accepted' | 'declined' | 'tentative');
      recount[field] += 1;
    }
    expect((await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts).toEqual(recount);
  });
});
