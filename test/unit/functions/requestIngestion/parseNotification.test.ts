import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { parseNotification } from '../../../../functions/requestIngestion/parseNotification';
import { body, INBOUND_BUCKET, notification, REQUESTS, SES_MESSAGE_ID } from './harness';

describe('parseNotification', () => {
  it('reads the message id, recipients, verdicts, From and where the S3 action stored the message', () => {
    expect(parseNotification(body({ dmarcPolicy: 'reject', verdicts: { dmarc: 'FAIL' } }))).toEqual({
      sesMessageId: SES_MESSAGE_ID,
      recipients: [REQUESTS],
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL', dmarcPolicy: 'reject' },
      from: ['Ada <ada@example.org>'],
      stored: { bucket: INBOUND_BUCKET, key: `inbound/${SES_MESSAGE_ID}` },
      mailFrom: 'ada@example.org',
      dkimDomains: [],
    });
  });

  it('reads the envelope sender and the domains of the DKIM signatures, for alignment', () => {
    const n = notification();
    (n.mail as { headers: { name: string; value: string }[] }).headers.push(
      { name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; d=Example.org; s=sel; b=abc' },
      { name: 'dkim-signature', value: 'v=1; a=ed25519-sha256; d=relay.example.net; s=k; b=def' },
    );
    expect(parseNotification(JSON.stringify(n))).toMatchObject({ mailFrom: 'ada@example.org', dkimDomains: ['example.org', 'relay.example.net'] });
  });

  it('unwraps a notification still in its SNS envelope (a subscription without raw delivery)', () => {
    const envelope = { Type: 'Notification', MessageId: 'sns-1', TopicArn: 'arn:aws:sns:us-east-1:0:inbound', Message: body() };
    expect(parseNotification(JSON.stringify(envelope)).sesMessageId).toBe(SES_MESSAGE_ID);
  });

  it('reports verdicts the rule did not give (no scanning) as null', () => {
    const parsed = parseNotification(body({ verdicts: { spam: null, virus: null } }));
    expect(parsed.verdicts).toMatchObject({ spam: null, virus: null, spf: 'PASS' });
  });

  it('takes a notification without commonHeaders.from as having no From', () => {
    const n = notification();
    delete (n.mail as { commonHeaders: Record<string, unknown> }).commonHeaders.from;
    expect(parseNotification(JSON.stringify(n)).from).toEqual([]);
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['a JSON list', '[]', /not a JSON object/],
    ['a bounce notification', JSON.stringify({ ...notification(), notificationType: 'Bounce' }), /not "Received"/],
    ['an SNS action (no stored object)', JSON.stringify({ ...notification(), receipt: { ...(notification().receipt as object), action: { type: 'SNS', topicArn: 'x' } } }), /not S3/],
    ['no messageId', JSON.stringify({ ...notification(), mail: { commonHeaders: {} } }), /no messageId/],
    ['no recipients', JSON.stringify({ ...notification(), receipt: { ...(notification().receipt as object), recipients: [] } }), /recipients/],
  ])('refuses %s as malformed', (_name, input, message) => {
    expect(() => parseNotification(input)).toThrow(MalformedInputError);
    expect(() => parseNotification(input)).toThrow(message);
  });
});
