// SES event records as a configuration set publishes them to SNS (shapes from
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html),
// with the values of this project's tests.

export const INVITATION_TAGS = { purpose: ['invitation'], eventId: ['evt-1'], organizerId: ['org-1'] };

export function mail(tags: Record<string, string[]> = INVITATION_TAGS, destination = ['ada@example.com']) {
  return {
    timestamp: '2026-03-01T10:00:00.000Z',
    source: 'invites@calendar.example',
    sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/calendar.example',
    sendingAccountId: '123456789012',
    messageId: '0100018e01020304-11111111-2222-3333-4444-555555555555-000000',
    destination,
    headersTruncated: false,
    commonHeaders: { from: ['invites@calendar.example'], to: destination, subject: 'Invitation: Summer party' },
    tags: { 'ses:configuration-set': ['CalendarConfigurationSet'], 'ses:from-domain': ['calendar.example'], ...tags },
  };
}

export function bounceRecord(
  options: { bounceType?: string; bounceSubType?: string; recipients?: { emailAddress: string; diagnosticCode?: string }[]; tags?: Record<string, string[]> } = {},
) {
  const recipients = options.recipients ?? [{ emailAddress: 'ada@example.com', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }];
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType: options.bounceType ?? 'Permanent',
      bounceSubType: options.bounceSubType ?? 'General',
      bouncedRecipients: recipients.map((r) => ({ action: 'failed', status: '5.1.1', ...r })),
      timestamp: '2026-03-01T10:00:02.000Z',
      feedbackId: '0100018e01020305-66666666-7777-8888-9999-000000000000-000000',
      reportingMTA: 'dsn; a1-2.smtp-out.amazonses.com',
    },
    mail: mail(options.tags, recipients.map((r) => r.emailAddress)),
  };
}

export function complaintRecord(options: { feedbackType?: string | null; recipients?: string[]; tags?: Record<string, string[]> } = {}) {
  const recipients = options.recipients ?? ['ada@example.com'];
  return {
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
      timestamp: '2026-03-01T10:05:00.000Z',
      feedbackId: '0100018e01020306-66666666-7777-8888-9999-000000000001-000000',
      complaintSubType: null,
      userAgent: 'Mail provider feedback loop',
      ...(options.feedbackType === undefined ? { complaintFeedbackType: 'abuse' } : options.feedbackType === null ? {} : { complaintFeedbackType: options.feedbackType }),
      arrivalDate: '2026-03-01T10:04:00.000Z',
    },
    mail: mail(options.tags, recipients),
  };
}

export function deliveryRecord() {
  return {
    eventType: 'Delivery',
    delivery: { timestamp: '2026-03-01T10:00:01.000Z', processingTimeMillis: 900, recipients: ['ada@example.com'], smtpResponse: '250 2.6.0 Message received', reportingMTA: 'a1-2.smtp-out.amazonses.com' },
    mail: mail(),
  };
}

export function rejectRecord(tags: Record<string, string[]> = INVITATION_TAGS) {
  return { eventType: 'Reject', reject: { reason: 'Bad content' }, mail: mail(tags) };
}
