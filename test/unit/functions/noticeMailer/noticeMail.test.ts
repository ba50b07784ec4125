import { describe, expect, it } from 'vitest';
import { noticeMail, noticeSubject, noticeText, SUBJECT_MAX_LENGTH } from '../../../../functions/noticeMailer/noticeMail';
import { makeNoticeMessage } from '../../../helpers/notices';

describe('the notice email', () => {
  it('is plain UTF-8 text from the sender to the organizer, tagged with the notice’s kind', () => {
    const mail = noticeMail(makeNoticeMessage(), 'ada@example.com', 'invites@calendar.example');
    expect(mail).toEqual({
      FromEmailAddress: 'invites@calendar.example',
      Destination: { ToAddresses: ['ada@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Event created: Launch party', Charset: 'UTF-8' },
          Body: { Text: { Data: expect.any(String), Charset: 'UTF-8' } },
        },
      },
      EmailTags: [{ Name: 'notice-kind', Value: 'EVENT_CREATED' }],
    });
    expect(mail.Content!.Simple!.Body!.Html).toBeUndefined();
  });

  it('says the message, the details that are set, and the reference', () => {
    const text = noticeText(makeNoticeMessage({ kind: 'REQUEST_REFUSED', message: 'Your request to create an event was refused: limit.', details: { operation: 'createEvent', errorInfo: { limit: 'maxActiveEvents', value: 2 }, eventId: null } }));
    expect(text).toBe(
      [
        'Your request to create an event was refused: limit.',
        '',
        'Details:',
        '  operation: createEvent',
        '  errorInfo: {"limit":"maxActiveEvents","value":2}',
        '',
        'Reference: ORGANIZER_NOTICE#EVENT_CREATED#evt-1',
        '',
        '-- ',
        'Calendar Invite Server: notices about your organizer account.',
        '',
      ].join('\n'),
    );
  });

  it('keeps the subject on one line and cuts a long one', () => {
    expect(noticeSubject('Event created:\r\n  Bcc: someone@example.com')).toBe('Event created: Bcc: someone@example.com');
    const long = noticeSubject(`Event created: ${'x'.repeat(500)}`);
    expect(long).toHaveLength(SUBJECT_MAX_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
