import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { parseFeedback, recipientAddress } from '../../../../functions/sesFeedback/parseFeedback';
import { bounceRecord, complaintRecord, deliveryRecord, mail, rejectRecord } from './sesRecords';

const body = (value: unknown) => JSON.stringify(value);

describe('reading an SES event record', () => {
  it('reads a bounce: its type, subtype, recipients (normalized) with their diagnostics, and the tags', () => {
    const feedback = parseFeedback(body(bounceRecord({ recipients: [{ emailAddress: 'Ada@Example.COM', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }, { emailAddress: 'grace@example.com' }] })));
    expect(feedback).toEqual({
      type: 'Bounce',
      messageId: mail().messageId,
      tags: expect.objectContaining({ purpose: ['invitation'], eventId: ['evt-1'] }),
      bounceType: 'Permanent',
      bounceSubType: 'General',
      recipients: [
        { email: 'ada@example.com', diagnostic: 'smtp; 550 5.1.1 user unknown' },
        { email: 'grace@example.com', diagnostic: null },
      ],
    });
  });

  it('reads an unknown bounce type as Undetermined, which suppresses nothing', () => {
    expect(parseFeedback(body(bounceRecord({ bounceType: 'Squishy' })))).toMatchObject({ bounceType: 'Undetermined' });
  });

  it('reads a complaint with its feedback type, and one without', () => {
    expect(parseFeedback(body(complaintRecord()))).toMatchObject({ type: 'Complaint', feedbackType: 'abuse', subType: null, recipients: ['ada@example.com'] });
    expect(parseFeedback(body(complaintRecord({ feedbackType: null })))).toMatchObject({ type: 'Complaint', feedbackType: null });
  });

  it('reads a Reject with its reason and the mail’s destinations', () => {
    expect(parseFeedback(body(rejectRecord()))).toMatchObject({ type: 'Reject', reason: 'Bad content', recipients: ['ada@example.com'] });
  });

  it('reads other event types as Other', () => {
    expect(parseFeedback(body(deliveryRecord()))).toMatchObject({ type: 'Other', eventType: 'Delivery' });
  });

  it('reads identity notifications (notificationType, no tags) like event records', () => {
    const { eventType, ...rest } = bounceRecord();
    const { tags, ...untagged } = rest.mail;
    expect(eventType).toBe('Bounce');
    expect(tags).toBeDefined();
    expect(parseFeedback(body({ notificationType: 'Bounce', ...rest, mail: untagged }))).toMatchObject({ type: 'Bounce', tags: {} });
  });

  it('unwraps an SNS envelope (a subscription without raw delivery)', () => {
    const envelope = { Type: 'Notification', MessageId: 'm-1', TopicArn: 'arn:aws:sns:us-east-1:123456789012:feedback', Message: body(complaintRecord()) };
    expect(parseFeedback(body(envelope))).toMatchObject({ type: 'Complaint' });
  });

  it.each([
    ['not JSON', '{"eventType":'],
    ['not an object', '[1, 2]'],
    ['no event type', body({ mail: mail() })],
    ['no mail', body({ eventType: 'Bounce', bounce: bounceRecord().bounce })],
    ['no message id', body({ ...bounceRecord(), mail: { ...mail(), messageId: '' } })],
    ['a bounce without bounce', body({ eventType: 'Bounce', mail: mail() })],
    ['no bounced recipients', body({ ...bounceRecord(), bounce: { ...bounceRecord().bounce, bouncedRecipients: [] } })],
    ['a recipient that is no address', body(bounceRecord({ recipients: [{ emailAddress: 'nobody' }] }))],
    ['a complaint without recipients', body({ ...complaintRecord(), complaint: { complaintFeedbackType: 'abuse' } })],
  ])('refuses %s as malformed', (_what, text) => {
    expect(() => parseFeedback(text)).toThrow(MalformedInputError);
  });
});

describe('recipient addresses', () => {
  it('takes the address out of a display form, trimmed and lower-cased', () => {
    expect(recipientAddress('"Ada L." <Ada@Example.com>')).toBe('ada@example.com');
    expect(recipientAddress('  GRACE@example.com ')).toBe('grace@example.com');
  });

  it('refuses what is not an address', () => {
    for (const value of ['', 'ada', '@example.com', 'ada@', 'ada lovelace@example.com']) expect(recipientAddress(value), value).toBeNull();
  });
});
