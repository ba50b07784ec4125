// GET /rsvp/<attendee token>[?answer=yes|maybe|no]: the event, the attendee's answer so far
// and a form, the link's answer emphasized; it changes nothing (mail scanners and link
// previews fetch every link). A cancelled event, or an attendee no longer on the guest list,
// is said so instead of the form.
// POST /rsvp/<attendee token> (the form: answer=yes|maybe|no&comment=...): Mutation.rsvp over
// IAM with the token and via LINK; the API decides (graphqlRsvpPort.ts) and the page shows
// the answer recorded, or the refusal in plain words (a comment too long: the form again, 400).
// A token that is not ours (forged, cut short, another kind) gets a 404 page either way, before
// anything is read.
import { RSVP_LIMITS } from '../../resolvers/lib/rsvps';
import { readAttendeeToken } from '../lib/tokens/attendeeTokens';
import type { RsvpPort } from './graphqlRsvpPort';
import type { HttpResponse } from './htmlResponse';
import type { HttpRequest } from './httpRequest';
import { answerWord, responseOf, type AnswerWord } from './rsvpAnswers';
import { readRsvpForm } from './rsvpForm';
import { answeredPage, answerPage, cancelledPage, invalidRsvpLinkPage, notInvitedPage, type RsvpAttendee, type RsvpEvent } from './rsvpPages';
import type { Route } from './router';

export type RsvpPorts = {
  tokenKey(): Promise<Uint8Array>;
  /** The event as the page shows it; null when there is none. */
  rsvpEvent(eventId: string): Promise<RsvpEvent | null>;
  /** The attendee's answer so far; null when they are not (or no longer) invited. */
  rsvpAttendee(eventId: string, email: string): Promise<RsvpAttendee | null>;
  rsvp: RsvpPort;
};

/** What the handler logs of each request: the event id and the answer, never the address. */
export type RsvpLog = (
  event: 'invalid-token' | 'unreadable-form' | 'answered' | 'refused',
  fields: Record<string, unknown>,
) => void;

const RSVP_PATH = /^\/rsvp\/([^/]+)$/;

const EVENT_CANCELLED = 409;
const NO_LONGER_INVITED = 410;

type Claims = { eventId: string; email: string };
type PageOptions = { preselect?: AnswerWord | null; comment?: string | null; problem?: string; statusCode?: number };

export function rsvpRoutes(ports: RsvpPorts, log: RsvpLog): Route[] {
  const claimsOf = async (token: string) => readAttendeeToken(await ports.tokenKey(), token);

  /** The page for where the invitation stands: cancelled, no longer invited, or the form. */
  async function standing(claims: Claims, options: PageOptions): Promise<HttpResponse> {
    const [event, attendee] = await Promise.all([ports.rsvpEvent(claims.eventId), ports.rsvpAttendee(claims.eventId, claims.email)]);
    if (event?.status === 'CANCELLED') return cancelledPage(event);
    if (!event || !attendee) return notInvitedPage(event);
    return answerPage({ event, attendee }, options);
  }

  async function show(request: HttpRequest, [token]: string[]): Promise<HttpResponse> {
    const claims = await claimsOf(token!);
    if (!claims) {
      log('invalid-token', { method: 'GET' });
      return invalidRsvpLinkPage();
    }
    return standing(claims, { preselect: answerWord(new URLSearchParams(request.query ?? '').get('answer')) });
  }

  async function answer(request: HttpRequest, [token]: string[]): Promise<HttpResponse> {
    const claims = await claimsOf(token!);
    if (!claims) {
      log('invalid-token', { method: 'POST' });
      return invalidRsvpLinkPage();
    }
    const form = readRsvpForm(request.headers['content-type'], request.body);
    if (form.kind !== 'answer') {
      log('unreadable-form', { eventId: claims.eventId, reason: form.kind });
      return form.kind === 'too-large'
        ? standing(claims, { statusCode: 413, comment: '', problem: `Your comment is too long: keep it to ${RSVP_LIMITS.commentMaxLength} characters. Nothing was changed.` })
        : standing(claims, { statusCode: 400, comment: form.comment, problem: 'Choose Yes, Maybe or No. Nothing was changed.' });
    }
    const response = responseOf(form.answer);
    const [event, outcome] = await Promise.all([
      ports.rsvpEvent(claims.eventId),
      ports.rsvp({ eventId: claims.eventId, token: token!, response, comment: form.comment }),
    ]);
    log(outcome.kind === 'answered' ? 'answered' : 'refused', { eventId: claims.eventId, response, outcome: outcome.kind });
    switch (outcome.kind) {
      case 'answered': {
        const attendee = outcome.attendee;
        // The event was there a moment ago (the API just read it); the page needs its facts.
        if (!event) return notInvitedPage(null, NO_LONGER_INVITED);
        return answeredPage({ event, attendee: { email: attendee.email, name: attendee.name, status: attendee.status, comment: attendee.answer?.comment ?? null } });
      }
      case 'cancelled':
        return event ? cancelledPage(event, EVENT_CANCELLED) : notInvitedPage(null, NO_LONGER_INVITED);
      case 'not-invited':
        return notInvitedPage(event, NO_LONGER_INVITED);
      case 'bad-token':
        return invalidRsvpLinkPage();
      case 'invalid': {
        const problem =
          outcome.field === 'comment'
            ? `Your comment is too long: keep it to ${RSVP_LIMITS.commentMaxLength} characters. Nothing was changed.`
            : `Your answer could not be recorded: ${outcome.message}.`;
        return standing(claims, { statusCode: 400, preselect: form.answer, comment: form.comment, problem });
      }
    }
  }

  return [
    { method: 'GET', pattern: RSVP_PATH, handle: show },
    { method: 'POST', pattern: RSVP_PATH, handle: answer },
  ];
}
