import { describe, expect, it } from 'vitest';
import { MAX_RSVP_FORM_BYTES, readRsvpForm } from '../../../../functions/attendeeLinks/rsvpForm';

const FORM = 'application/x-www-form-urlencoded';

describe('the RSVP form', () => {
  it('reads the answer (any case) and the comment', () => {
    expect(readRsvpForm(FORM, 'answer=yes&comment=See+you%21')).toEqual({ kind: 'answer', answer: 'yes', comment: 'See you!' });
    expect(readRsvpForm(`${FORM}; charset=UTF-8`, 'answer=MAYBE')).toEqual({ kind: 'answer', answer: 'maybe', comment: '' });
    expect(readRsvpForm(undefined, 'comment=&answer=no')).toEqual({ kind: 'answer', answer: 'no', comment: '' });
  });

  it('is unreadable without a known answer, or in another format, keeping the comment', () => {
    expect(readRsvpForm(FORM, 'comment=hi')).toEqual({ kind: 'unreadable', comment: 'hi' });
    expect(readRsvpForm(FORM, 'answer=ACCEPTED&comment=hi')).toEqual({ kind: 'unreadable', comment: 'hi' });
    expect(readRsvpForm('application/json', '{"answer":"yes"}')).toEqual({ kind: 'unreadable', comment: '' });
  });

  it('refuses a body past the limit unread, counting bytes', () => {
    expect(readRsvpForm(FORM, `answer=yes&comment=${'x'.repeat(MAX_RSVP_FORM_BYTES)}`)).toEqual({ kind: 'too-large' });
    expect(readRsvpForm(FORM, `answer=yes&comment=${'é'.repeat(MAX_RSVP_FORM_BYTES / 2)}`)).toEqual({ kind: 'too-large' });
    // A comment at the API's limit, every character percent-encoded from three UTF-8 bytes, fits.
    expect(readRsvpForm(FORM, `answer=yes&comment=${encodeURIComponent('€'.repeat(500))}`).kind).toBe('answer');
  });
});
