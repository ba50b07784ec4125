import { describe, expect, it, vi } from 'vitest';
import type { RsvpOutcome, RsvpRequest } from '../../../../functions/attendeeLinks/graphqlRsvpPort';
import type { HttpRequest } from '../../../../functions/attendeeLinks/httpRequest';
import type { RsvpAttendee, RsvpEvent } from '../../../../functions/attendeeLinks/rsvpPages';
import { rsvpRoutes, type RsvpPorts } from '../../../../functions/attendeeLinks/rsvpRoutes';
import { routeRequest } from '../../../../functions/attendeeLinks/router';
import { badRequestPage, methodNotAllowedPage, notFoundPage } from '../../../../functions/attendeeLinks/unsubscribePages';
import { attendeeToken, unsubscribeToken } from '../../../../functions/lib/tokens/attendeeTokens';

const KEY = Buffer.from('k'.repeat(64));
const OTHER_KEY = Buffer.from('o'.repeat(64));
const FALLBACKS = { notFound: notFoundPage, methodNotAllowed: methodNotAllowedPage, badRequest: badRequestPage };
const FORM = 'application/x-www-form-urlencoded';

const EVENT: RsvpEvent = { title: 'Design review', location: 'Hall 2', startsAt: '2026-03-10T13:00:00.000Z', endsAt: '2026-03-10T14:30:00.000Z', timeZone: 'Europe/Paris', status: 'ACTIVE' };

/**
 * Ports over one in-memory event and attendee; `rsvp` plays the API: it refuses a cancelled
 * event, someone not invited and a comment past 500 characters, and otherwise records.
 */
function fakePorts(options: { event?: RsvpEvent | null; attendee?: RsvpAttendee | null; failure?: Error } = {}) {
  const state = {
    event: options.event === undefined ? { ...EVENT } : options.event,
    attendee: options.attendee === undefined ? ({ email: 'ada@example.com', name: 'Ada', status: 'NEEDS_ACTION', comment: null } as RsvpAttendee) : options.attendee,
  };
  const rsvp = vi.fn(async (request: RsvpRequest): Promise<RsvpOutcome> => {
    if (options.failure) throw options.failure;
    if (state.event?.status === 'CANCELLED') return { kind: 'cancelled' };
    if (!state.event || !state.attendee) return { kind: 'not-invited' };
    if (request.comment.trim().length > 500) return { kind: 'invalid', field: 'comment', message: 'comment must be at most 500 characters' };
    state.attendee = { ...state.attendee, status: request.response, comment: request.comment.trim() || null };
    return { kind: 'answered', attendee: { email: state.attendee.email, name: state.attendee.name, status: request.response, answer: { response: request.response, comment: state.attendee.comment, via: 'LINK', answeredAt: 'now' } } };
  });
  const ports: RsvpPorts = {
    tokenKey: vi.fn(async () => KEY),
    rsvpEvent: vi.fn(async () => state.event),
    rsvpAttendee: vi.fn(async () => state.attendee),
    rsvp,
  };
  const log = vi.fn();
  const routes = rsvpRoutes(ports, log);
  const call = (method: string, target: string, body = '', contentType = FORM) => {
    const [path, query] = target.split('?');
    return routeRequest(routes, { method, path: path!, query, headers: { 'content-type': contentType }, body } satisfies HttpRequest, FALLBACKS);
  };
  return { ports, state, log, call, rsvp };
}

const token = attendeeToken(KEY, 'evt-1', 'Ada@Example.com');
const path = `/rsvp/${token}`;

describe('GET /rsvp/<token>', () => {
  it('shows the event, the answer so far and the form, reading the token’s event and attendee, and changes nothing', async () => {
    const f = fakePorts();
    const page = await f.call('GET', path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Design review');
    expect(page.body).toContain('You have not answered yet.');
    expect(page.body).toContain('<form method="post">');
    expect(f.ports.rsvpEvent).toHaveBeenCalledWith('evt-1');
    expect(f.ports.rsvpAttendee).toHaveBeenCalledWith('evt-1', 'ada@example.com');
    expect(f.rsvp).not.toHaveBeenCalled();
  });

  it.each(['yes', 'maybe', 'no', 'YES'])('preselects the link’s answer (?answer=%s) and still records nothing', async (answer) => {
    const f = fakePorts();
    const page = await f.call('GET', `${path}?answer=${answer}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`value="${answer.toLowerCase()}" autofocus>`));
    expect(page.body.match(/class="quiet"/g)).toHaveLength(2);
    expect(f.rsvp).not.toHaveBeenCalled();
    expect(f.state.attendee!.status).toBe('NEEDS_ACTION');
  });

  it('ignores an answer it does not know', async () => {
    const page = await fakePorts().call('GET', `${path}?answer=ACCEPTED&x=<script>`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('autofocus');
    expect(page.body).not.toContain('<script>');
  });

  it('says a cancelled event is cancelled, without a form', async () => {
    const page = await fakePorts({ event: { ...EVENT, status: 'CANCELLED' } }).call('GET', `${path}?answer=yes`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This event is cancelled');
    expect(page.body).not.toContain('<form');
  });

  it('says someone removed from the guest list is no longer invited', async () => {
    const page = await fakePorts({ attendee: null }).call('GET', path);
    expect(page.body).toContain('You are no longer invited');
    expect(page.body).toContain('Design review');
    expect(page.body).not.toContain('<form');
  });
});

describe('POST /rsvp/<token>', () => {
  it('records the answer through the API with the token, and shows it with a way to change it', async () => {
    const f = fakePorts();
    const page = await f.call('POST', `${path}?answer=no`, 'answer=yes&comment=See+you+there');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>You answered Yes</h1>');
    expect(page.body).toContain('Your comment: See you there');
    expect(page.body).toContain('Changed your mind?');
    expect(f.rsvp).toHaveBeenCalledWith({ eventId: 'evt-1', token, response: 'ACCEPTED', comment: 'See you there' });
    expect(f.log).toHaveBeenCalledWith('answered', { eventId: 'evt-1', response: 'ACCEPTED', outcome: 'answered' });
    expect(JSON.stringify(f.log.mock.calls)).not.toContain('ada@example.com');
  });

  it.each([
    ['maybe', 'TENTATIVE', 'Maybe'],
    ['no', 'DECLINED', 'No'],
  ])('records %s as %s', async (answer, response, label) => {
    const f = fakePorts();
    const page = await f.call('POST', path, `answer=${answer}`);
    expect(page.body).toContain(`<h1>You answered ${label}</h1>`);
    expect(f.rsvp).toHaveBeenCalledWith(expect.objectContaining({ response, comment: '' }));
  });

  it('says a cancelled event took no answer (409), and changes nothing', async () => {
    const f = fakePorts({ event: { ...EVENT, status: 'CANCELLED' } });
    const page = await f.call('POST', path, 'answer=yes');
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('This event is cancelled');
    expect(page.body).toContain('Your answer was not recorded');
    expect(f.log).toHaveBeenCalledWith('refused', expect.objectContaining({ outcome: 'cancelled' }));
  });

  it('says someone removed is no longer invited (410)', async () => {
    const page = await fakePorts({ attendee: null }).call('POST', path, 'answer=no');
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('You are no longer invited');
  });

  it('shows the form again (400) when the API refuses the comment, keeping the answer and the comment', async () => {
    const f = fakePorts();
    const comment = `<b>${'x'.repeat(600)}</b>`;
    const page = await f.call('POST', path, new URLSearchParams({ answer: 'maybe', comment }).toString());
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Your comment is too long: keep it to 500 characters.');
    expect(page.body).toContain(`&lt;b&gt;${'x'.repeat(600)}&lt;/b&gt;</textarea>`);
    expect(page.body).toMatch(/value="maybe" autofocus>/);
    expect(f.state.attendee!.status).toBe('NEEDS_ACTION');
  });

  it('shows the form again without calling the API when no answer was chosen (400) or the body is too large (413)', async () => {
    const f = fakePorts();
    const none = await f.call('POST', path, 'comment=hello');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose Yes, Maybe or No.');
    expect(none.body).toContain('>hello</textarea>');
    const large = await f.call('POST', path, `answer=yes&comment=${'x'.repeat(20_000)}`);
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain('Your comment is too long');
    expect(f.rsvp).not.toHaveBeenCalled();
    expect(f.log).toHaveBeenCalledWith('unreadable-form', { eventId: 'evt-1', reason: 'too-large' });
  });

  it('answers a token the API refuses with the 404 page', async () => {
    const f = fakePorts();
    f.rsvp.mockResolvedValueOnce({ kind: 'bad-token' });
    expect((await f.call('POST', path, 'answer=yes')).statusCode).toBe(404);
  });

  it('lets a failure of the API through, for the handler to answer 503', async () => {
    const f = fakePorts({ failure: new Error('TokenCheckUnavailable') });
    await expect(f.call('POST', path, 'answer=yes')).rejects.toThrow('TokenCheckUnavailable');
  });
});

describe('links that are not ours', () => {
  const forged = [
    ['signed with another key', attendeeToken(OTHER_KEY, 'evt-1', 'ada@example.com')],
    ['with its claims changed', `${attendeeToken(KEY, 'evt-2', 'ada@example.com').split('.')[0]}.${token.split('.')[1]}`],
    ['an unsubscribe token', unsubscribeToken(KEY, 'org-1', 'ada@example.com')],
    ['cut short', token.slice(0, -5)],
    ['not a token at all', 'hello'],
  ];

  it.each(forged)('answers 404 for a token %s, on GET and POST, reading and changing nothing', async (_what, bad) => {
    const f = fakePorts();
    for (const method of ['GET', 'POST']) {
      const page = await f.call(method, `/rsvp/${encodeURIComponent(bad!)}?answer=yes`, 'answer=yes');
      expect(page.statusCode, method).toBe(404);
      expect(page.body).toContain('This link does not work');
    }
    expect(f.rsvp).not.toHaveBeenCalled();
    expect(f.ports.rsvpEvent).not.toHaveBeenCalled();
    expect(f.ports.rsvpAttendee).not.toHaveBeenCalled();
    expect(f.log).toHaveBeenCalledWith('invalid-token', expect.anything());
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    const f = fakePorts();
    expect((await f.call('GET', '/rsvp/')).statusCode).toBe(404);
    expect((await f.call('GET', `${path}/more`)).statusCode).toBe(404);
    expect((await f.call('DELETE', path)).statusCode).toBe(405);
  });
});
