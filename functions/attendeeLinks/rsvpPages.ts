// The pages of the RSVP link, in plain words. The page shows the event (its time in the
// event's own zone, as the invitation does) and the attendee's answer so far, with a form
// posting to the page's own URL: three buttons, the one the invitation's link named
// emphasized, and an optional comment. Showing a page never answers (mail scanners follow
// links): only the form's POST does. Every value shown is escaped.
import { RSVP_LIMITS } from '../../resolvers/lib/rsvps';
import type { AttendeeStatus } from '../../resolvers/lib/records';
import { singleLineText } from '../lib/calendar/plainText';
import { escapeHtml, htmlLines } from '../lib/mail/escapeHtml';
import { eventWhen, eventZone } from '../lib/mail/eventWhen';
import { htmlPage, type HttpResponse } from './htmlResponse';
import { RSVP_ANSWERS, statusLabel, type AnswerWord } from './rsvpAnswers';

/** What the page shows of the event (the table's event item). */
export type RsvpEvent = {
  title: string;
  location: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: string;
};

/** What the page shows of the attendee: their answer so far. */
export type RsvpAttendee = { email: string; name: string | null; status: AttendeeStatus; comment: string | null };

export type RsvpView = { event: RsvpEvent; attendee: RsvpAttendee };

export type AnswerFormOptions = {
  /** The answer the link named (`?answer=`), or the one posted with a refused comment. */
  preselect?: AnswerWord | null;
  /** Prefilled; default the attendee's comment so far. */
  comment?: string | null;
  /** Why the last POST was refused. */
  problem?: string;
  /** Default 200. */
  statusCode?: number;
};

function titleOf(event: RsvpEvent): string {
  return singleLineText(event.title) || '(no title)';
}

function eventSummary(event: RsvpEvent): string {
  const where = singleLineText(event.location);
  return [
    `<h2>${escapeHtml(titleOf(event))}</h2>`,
    '<p>',
    `${escapeHtml(eventWhen(event))}<br>`,
    `<span class="muted">${escapeHtml(eventZone(event))}</span>`,
    ...(where ? [`<br>${escapeHtml(where)}`] : []),
    '</p>',
  ].join('\n');
}

function answerSoFar(attendee: RsvpAttendee): string {
  const label = statusLabel(attendee.status);
  const lines = [label ? `<p>Your answer so far: <strong>${escapeHtml(label)}</strong></p>` : '<p>You have not answered yet.</p>'];
  if (label && attendee.comment) lines.push(`<p class="muted">Your comment: ${htmlLines(attendee.comment)}</p>`);
  return lines.join('\n');
}

function answeringAs(attendee: RsvpAttendee): string {
  return `<p class="muted">Answering as <span class="address">${escapeHtml(attendee.email)}</span></p>`;
}

/** The form: no action attribute, so it posts to the page's own URL (the token is in it). */
function answerForm(preselect: AnswerWord | null, comment: string): string {
  const buttons = RSVP_ANSWERS.map(({ word, label }) => {
    const emphasis = preselect === null || preselect === word ? '' : ' class="quiet"';
    const focus = preselect === word ? ' autofocus' : '';
    return `<button type="submit" name="answer" value="${word}"${emphasis}${focus}>${escapeHtml(label)}</button>`;
  });
  return [
    '<form method="post">',
    '<p><label for="comment">Comment for the organizer (optional)</label><br>',
    `<textarea id="comment" name="comment" rows="3" maxlength="${RSVP_LIMITS.commentMaxLength}">${escapeHtml(comment)}</textarea></p>`,
    `<p class="answers">${buttons.join('\n')}</p>`,
    '</form>',
  ].join('\n');
}

/** The page a link opens: the event, the answer so far, and the form. Changes nothing. */
export function answerPage(view: RsvpView, options: AnswerFormOptions = {}): HttpResponse {
  const preselect = options.preselect ?? null;
  const chosen = preselect ? RSVP_ANSWERS.find((a) => a.word === preselect)!.label : null;
  return htmlPage(
    options.statusCode ?? 200,
    `Your answer: ${titleOf(view.event)}`,
    [
      chosen ? `<h1>Answer ${escapeHtml(chosen)}?</h1>` : '<h1>Will you attend?</h1>',
      eventSummary(view.event),
      answeringAs(view.attendee),
      ...(options.problem ? [`<p class="problem">${escapeHtml(options.problem)}</p>`] : []),
      answerSoFar(view.attendee),
      chosen ? `<p>Nothing is recorded until you press a button.</p>` : '',
      answerForm(preselect, options.comment ?? view.attendee.comment ?? ''),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/** After a POST the API took: what was recorded, and the form to change it. */
export function answeredPage(view: RsvpView): HttpResponse {
  const label = statusLabel(view.attendee.status) ?? 'nothing yet';
  return htmlPage(
    200,
    `You answered ${label}`,
    [
      `<h1>You answered ${escapeHtml(label)}</h1>`,
      eventSummary(view.event),
      answeringAs(view.attendee),
      ...(view.attendee.comment ? [`<p class="muted">Your comment: ${htmlLines(view.attendee.comment)}</p>`] : []),
      '<p>The organizer can see your answer. Changed your mind? Answer again:</p>',
      answerForm(null, view.attendee.comment ?? ''),
    ].join('\n'),
  );
}

/** A cancelled event takes no answers: 200 when shown, 409 when a POST was refused. */
export function cancelledPage(event: RsvpEvent, statusCode = 200): HttpResponse {
  return htmlPage(
    statusCode,
    'Event cancelled',
    [
      '<h1>This event is cancelled</h1>',
      eventSummary(event),
      `<p>${statusCode === 200 ? 'It takes no more answers.' : 'Your answer was not recorded: it takes no more answers.'}</p>`,
    ].join('\n'),
  );
}

/** The attendee was removed from the guest list (or the event is gone): 200 when shown, 410 when a POST was refused. */
export function notInvitedPage(event: RsvpEvent | null, statusCode = 200): HttpResponse {
  return htmlPage(
    statusCode,
    'No longer invited',
    [
      '<h1>You are no longer invited</h1>',
      ...(event ? [eventSummary(event)] : []),
      `<p>The organizer removed you from the guest list${statusCode === 200 ? '' : ', so your answer was not recorded'}. If this is a mistake, ask the organizer.</p>`,
    ].join('\n'),
  );
}

export function invalidRsvpLinkPage(): HttpResponse {
  return htmlPage(
    404,
    'Link not valid',
    ['<h1>This link does not work</h1>', '<p>It may have been cut short when it was copied. Open the Yes, Maybe or No link in the invitation again.</p>'].join('\n'),
  );
}
