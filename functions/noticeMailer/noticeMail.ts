// The email of an organizer notice: plain text, the notice's subject on one line, its message,
// its details as "name: value" lines and the message id (what support asks for).
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { OrganizerNoticeMessage } from '../lib/messages/organizerNotice';

/** Subjects past this are cut (RFC 5322 section 2.1.1 keeps lines under 998 characters; mail clients show far less). */
export const SUBJECT_MAX_LENGTH = 200;

export function noticeMail(notice: OrganizerNoticeMessage, to: string, sender: string): SendEmailCommandInput {
  return {
    FromEmailAddress: sender,
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: noticeSubject(notice.subject), Charset: 'UTF-8' },
        Body: { Text: { Data: noticeText(notice), Charset: 'UTF-8' } },
      },
    },
    // Bounce and complaint events (the configuration set's) say which kind of notice it was.
    EmailTags: [{ Name: 'notice-kind', Value: notice.kind }],
  };
}

/** One line (a header cannot carry line breaks), cut to SUBJECT_MAX_LENGTH. */
export function noticeSubject(subject: string): string {
  const line = subject.replace(/\s+/g, ' ').trim();
  return line.length <= SUBJECT_MAX_LENGTH ? line : `${line.slice(0, SUBJECT_MAX_LENGTH - 1)}…`;
}

export function noticeText(notice: OrganizerNoticeMessage): string {
  const details = Object.entries(notice.details)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => `  ${name}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return [
    notice.message,
    '',
    ...(details.length > 0 ? ['Details:', ...details, ''] : []),
    `Reference: ${notice.messageId}`,
    '',
    '-- ',
    'Calendar Invite Server: notices about your organizer account.',
    '',
  ].join('\n');
}
