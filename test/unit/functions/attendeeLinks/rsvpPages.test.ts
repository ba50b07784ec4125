import { describe, expect, it } from 'vitest';
import { PAGE_HEADERS } from '../../../../functions/attendeeLinks/htmlResponse';
import { answeredPage, answerPage, cancelledPage, invalidRsvpLinkPage, notInvitedPage, type RsvpView } from '../../../../functions/attendeeLinks/rsvpPages';

const VIEW: RsvpView = {
  event: { title: 'Design review', location: 'Hall 2', startsAt: '2026-03-10T13:00:00.000Z', endsAt: '2026-03-10T14:30:00.000Z', timeZone: 'Europe/Paris', status: 'ACTIVE' },
  attendee: { email: 'ada@example.com', name: 'Ada', status: 'NEEDS_ACTION', comment: null },
};

const HOSTILE: RsvpView = {
  event: { ...VIEW.event, title: '<script>alert(1)</script>', location: '"><img src=x onerror=alert(1)>' },
  attendee: { email: `"><script>alert(2)</script>'@example.com`, name: null, status: 'ACCEPTED', comment: '</textarea><script>alert(3)</script>' },
};

/** The answer buttons in page order: [value, emphasized, autofocus]. */
function buttons(body: string): [string, boolean, boolean][] {
  return [...body.matchAll(/<button type="submit" name="answer" value="(\w+)"([^>]*)>/g)].map((m) => [m[1]!, !m[2]!.includes('class="quiet"'), m[2]!.includes('autofocus')]);
}

describe('the RSVP page', () => {
  it('shows the event in its own time zone, where, and who answers', () => {
    const page = answerPage(VIEW);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Design review');
    expect(page.body).toContain('Tue Mar 10, 2026 14:00–15:30');
    expect(page.body).toContain('Europe/Paris, UTC+01:00');
    expect(page.body).toContain('Hall 2');
    expect(page.body).toContain('ada@example.com');
    expect(page.body).toContain('You have not answered yet.');
  });

  it('has a form posting to its own URL, with three answer buttons and an optional comment', () => {
    const page = answerPage(VIEW);
    expect(page.body).toContain('<form method="post">');
    expect(page.body).not.toMatch(/<form[^>]*action=/);
    expect(buttons(page.body).map(([value]) => value)).toEqual(['yes', 'maybe', 'no']);
    expect(page.body).toMatch(/<textarea id="comment" name="comment" rows="3" maxlength="500"><\/textarea>/);
  });

  it('emphasizes none of the answers without a preselection', () => {
    expect(buttons(answerPage(VIEW).body)).toEqual([
      ['yes', true, false],
      ['maybe', true, false],
      ['no', true, false],
    ]);
    expect(answerPage(VIEW).body).toContain('<h1>Will you attend?</h1>');
  });

  it.each([
    ['yes', 'Yes'],
    ['maybe', 'Maybe'],
    ['no', 'No'],
  ] as const)('emphasizes and focuses the link’s answer (%s), and says nothing is recorded yet', (word, label) => {
    const page = answerPage(VIEW, { preselect: word });
    expect(buttons(page.body)).toEqual(['yes', 'maybe', 'no'].map((value) => [value, value === word, value === word]));
    expect(page.body).toContain(`<h1>Answer ${label}?</h1>`);
    expect(page.body).toContain('Nothing is recorded until you press a button.');
    expect(page.body).toContain('You have not answered yet.');
  });

  it('shows the answer so far and prefills its comment', () => {
    const page = answerPage({ ...VIEW, attendee: { ...VIEW.attendee, status: 'TENTATIVE', comment: 'If the train runs' } });
    expect(page.body).toContain('Your answer so far: <strong>Maybe</strong>');
    expect(page.body).toContain('Your comment: If the train runs');
    expect(page.body).toContain('>If the train runs</textarea>');
  });

  it('shows a refusal with the posted comment and the status given', () => {
    const page = answerPage(VIEW, { preselect: 'yes', comment: 'x'.repeat(600), problem: 'Your comment is too long.', statusCode: 400 });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<p class="problem">Your comment is too long.</p>');
    expect(page.body).toContain(`>${'x'.repeat(600)}</textarea>`);
  });

  it('after an answer, says what was recorded and offers the form again to change it', () => {
    const page = answeredPage({ ...VIEW, attendee: { ...VIEW.attendee, status: 'ACCEPTED', comment: 'See you' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>You answered Yes</h1>');
    expect(page.body).toContain('Your comment: See you');
    expect(page.body).toContain('Changed your mind?');
    expect(buttons(page.body)).toHaveLength(3);
    expect(answeredPage({ ...VIEW, attendee: { ...VIEW.attendee, status: 'DECLINED', comment: null } }).body).toContain('<h1>You answered No</h1>');
  });

  it('says a cancelled event is cancelled, without a form', () => {
    const page = cancelledPage({ ...VIEW.event, status: 'CANCELLED' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This event is cancelled');
    expect(page.body).toContain('Design review');
    expect(page.body).not.toContain('<form');
    const refused = cancelledPage({ ...VIEW.event, status: 'CANCELLED' }, 409);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Your answer was not recorded');
  });

  it('says someone removed is no longer invited, without a form, with or without the event', () => {
    for (const page of [notInvitedPage(VIEW.event), notInvitedPage(null, 410)]) {
      expect(page.body).toContain('You are no longer invited');
      expect(page.body).not.toContain('<form');
    }
    expect(notInvitedPage(null, 410).statusCode).toBe(410);
    expect(notInvitedPage(null, 410).body).toContain('your answer was not recorded');
  });

  it('escape every value they show, the comment in the textarea included', () => {
    const pages = [answerPage(HOSTILE, { preselect: 'no' }), answeredPage(HOSTILE), cancelledPage(HOSTILE.event), notInvitedPage(HOSTILE.event)];
    for (const page of pages) {
      expect(page.body).not.toMatch(/<script|<img|<\/textarea><script/);
      expect(page.body).toContain('&lt;script&gt;');
    }
    expect(answerPage(HOSTILE).body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(answerPage(HOSTILE).body).toContain('&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;</textarea>');
  });

  it('are never cached, indexed, framed or scripted, and a bad link is a 404', () => {
    expect(answerPage(VIEW).headers).toEqual(PAGE_HEADERS);
    expect(answeredPage(VIEW).headers['cache-control']).toBe('no-store');
    expect(invalidRsvpLinkPage().statusCode).toBe(404);
    expect(invalidRsvpLinkPage().body).toContain('This link does not work');
  });
});
