// Calendar REQUESTs read into createEvent's input and the attendees to invite.
import { describe, expect, it } from 'vitest';
import { parseEventRequest } from '../../../../functions/requestIngestion/parseEventRequest';
import { requestIcs } from '../../../fixtures/requests/requestFixture';

const ORGANIZER = 'ada@example.org';
const skip = (email: string) => email === ORGANIZER || email.endsWith('@calendar.example');
const fixture = (overrides: Partial<Parameters<typeof requestIcs>[0]> = {}) =>
  requestIcs({
    uid: 'launch-1@example.org',
    start: '20300301T090000',
    end: '20300301T103000',
    title: 'Launch review',
    organizer: ORGANIZER,
    guests: ['Bob@Example.COM', 'grace@example.net', 'linus@example.com'],
    requests: 'requests@calendar.example',
    ...overrides,
  });

/** A minimal REQUEST around the given VEVENT lines. */
const calendar = (lines: string[], head: string[] = []) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'METHOD:REQUEST', ...head, 'BEGIN:VEVENT', 'UID:u-1', 'DTSTAMP:20300101T000000Z', 'SUMMARY:Standup', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const parse = (text: string) => parseEventRequest(text, skip);

describe('parseEventRequest', () => {
  it('reads the fixture into createEvent’s input: local Berlin times as UTC instants, text unescaped', () => {
    const parsed = parse(fixture());
    expect(parsed).toMatchObject({
      kind: 'request',
      request: {
        uid: 'launch-1@example.org',
        sequence: 0,
        input: {
          title: 'Launch review',
          description: 'Agenda:\n1. Welcome, coffee\n2. Roadmap',
          location: 'Room 4, Main building',
          startsAt: '2030-03-01T08:00:00.000Z',
          endsAt: '2030-03-01T09:30:00.000Z',
          timeZone: 'Europe/Berlin',
        },
      },
    });
  });

  it('invites the VEVENT’s attendees with their CN, not the organizer, our own addresses or a VALARM’s attendee', () => {
    const parsed = parse(fixture());
    expect(parsed.kind === 'request' && parsed.request.attendees).toEqual([
      { email: 'bob@example.com', name: 'Ada Guest' },
      { email: 'grace@example.net', name: 'Hopper, Grace' },
      { email: 'linus@example.com', name: null },
    ]);
  });

  it('reads summer time in the zone named by TZID', () => {
    const parsed = parse(fixture({ start: '20300701T090000', end: '20300701T100000' }));
    expect(parsed).toMatchObject({ request: { input: { startsAt: '2030-07-01T07:00:00.000Z', endsAt: '2030-07-01T08:00:00.000Z' } } });
  });

  it('takes UTC times as they are, shown in UTC unless the calendar names its zone', () => {
    expect(parse(calendar(['DTSTART:20300301T090000Z', 'DTEND:20300301T100000Z']))).toMatchObject({ request: { input: { startsAt: '2030-03-01T09:00:00.000Z', timeZone: 'UTC' } } });
    expect(parse(calendar(['DTSTART:20300301T090000Z', 'DTEND:20300301T100000Z'], ['X-WR-TIMEZONE:America/New_York']))).toMatchObject({
      request: { input: { startsAt: '2030-03-01T09:00:00.000Z', timeZone: 'America/New_York' } },
    });
  });

  it('reads floating times in the calendar’s X-WR-TIMEZONE, else in UTC', () => {
    expect(parse(calendar(['DTSTART:20300301T090000', 'DTEND:20300301T100000'], ['X-WR-TIMEZONE:America/New_York']))).toMatchObject({
      request: { input: { startsAt: '2030-03-01T14:00:00.000Z', endsAt: '2030-03-01T15:00:00.000Z', timeZone: 'America/New_York' } },
    });
    expect(parse(calendar(['DTSTART:20300301T090000', 'DTEND:20300301T100000']))).toMatchObject({ request: { input: { startsAt: '2030-03-01T09:00:00.000Z', timeZone: 'UTC' } } });
  });

  it('ends after DURATION when there is no DTEND', () => {
    expect(parse(calendar(['DTSTART;TZID=Europe/Paris:20300301T090000', 'DURATION:PT1H45M']))).toMatchObject({
      request: { input: { startsAt: '2030-03-01T08:00:00.000Z', endsAt: '2030-03-01T09:45:00.000Z', timeZone: 'Europe/Paris' } },
    });
  });

  it('runs an all-day event from midnight to midnight', () => {
    expect(parse(calendar(['DTSTART;VALUE=DATE:20300301', 'DTEND;VALUE=DATE:20300302'], ['X-WR-TIMEZONE:Europe/Paris']))).toMatchObject({
      request: { input: { startsAt: '2030-02-28T23:00:00.000Z', endsAt: '2030-03-01T23:00:00.000Z' } },
    });
    expect(parse(calendar(['DTSTART;VALUE=DATE:20300301']))).toMatchObject({ request: { input: { startsAt: '2030-03-01T00:00:00.000Z', endsAt: '2030-03-02T00:00:00.000Z' } } });
  });

  it('reads a TZID that is no IANA name through the calendar’s own VTIMEZONE (Outlook’s Windows names)', () => {
    const vtimezone = ['BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time', 'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];
    const parsed = parse(calendar(['DTSTART;TZID="W. Europe Standard Time":20300301T090000', 'DTEND;TZID="W. Europe Standard Time":20300301T100000'], vtimezone));
    expect(parsed).toMatchObject({ request: { input: { startsAt: '2030-03-01T08:00:00.000Z', endsAt: '2030-03-01T09:00:00.000Z', timeZone: 'UTC' } } });
  });

  it('reads a local time skipped by the clocks going forward with the offset before the gap', () => {
    // 2030-03-31 02:30 does not happen in Paris: it is read as 01:30 UTC (03:30 CEST).
    expect(parse(calendar(['DTSTART;TZID=Europe/Paris:20300331T023000', 'DURATION:PT1H']))).toMatchObject({ request: { input: { startsAt: '2030-03-31T01:30:00.000Z' } } });
    // 2030-10-27 02:30 happens twice: the first (CEST, 00:30 UTC).
    expect(parse(calendar(['DTSTART;TZID=Europe/Paris:20301027T023000', 'DURATION:PT1H']))).toMatchObject({ request: { input: { startsAt: '2030-10-27T00:30:00.000Z' } } });
  });

  it('keeps SEQUENCE, and leaves a missing SUMMARY or end to createEvent’s own checks', () => {
    const parsed = parse(calendar(['SEQUENCE:3', 'DTSTART:20300301T090000Z']).replace('SUMMARY:Standup\r\n', ''));
    expect(parsed).toMatchObject({ request: { sequence: 3, input: { title: '', startsAt: '2030-03-01T09:00:00.000Z', endsAt: '2030-03-01T09:00:00.000Z' } } });
  });

  it('counts ATTENDEEs that are no mailto: address apart', () => {
    const parsed = parse(calendar(['DTSTART:20300301T090000Z', 'DURATION:PT1H', 'ATTENDEE:urn:uuid:1234', 'ATTENDEE:mailto:bob@example.com', 'ATTENDEE;CN=Bob again:mailto:BOB@example.com']));
    expect(parsed).toMatchObject({ request: { attendees: [{ email: 'bob@example.com', name: null }], notMailto: ['urn:uuid:1234'] } });
  });

  it.each([
    ['no DTSTART', calendar(['DTEND:20300301T100000Z']), /no DTSTART/],
    ['two VEVENTs', calendar(['DTSTART:20300301T090000Z', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:u-2', 'DTSTART:20300302T090000Z']), /holds 2/],
    ['a recurrence rule', calendar(['DTSTART:20300301T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=4']), /repeats/],
    ['an unknown time zone', calendar(['DTSTART;TZID=Mars/Olympus:20300301T090000']), /Mars\/Olympus/],
    ['a negative SEQUENCE', calendar(['DTSTART:20300301T090000Z', 'SEQUENCE:-1']), /SEQUENCE/],
    ['no iCalendar at all', 'Hello, please book a room', /not iCalendar/],
  ])('refuses a calendar with %s, saying why', (_name, text, problem) => {
    expect(parse(text)).toEqual({ kind: 'invalid', problem: expect.stringMatching(problem) });
  });

  it('tells a calendar that is no REQUEST by its METHOD', () => {
    expect(parse(calendar(['DTSTART:20300301T090000Z']).replace('METHOD:REQUEST', 'METHOD:PUBLISH'))).toEqual({ kind: 'notRequest', method: 'PUBLISH' });
    expect(parse(calendar(['DTSTART:20300301T090000Z']).replace('METHOD:REQUEST\r\n', ''))).toEqual({ kind: 'notRequest', method: null });
  });
});
