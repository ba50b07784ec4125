// SES API v1 through the real @aws-sdk/client-ses over HTTP (query protocol):
// https://docs.aws.amazon.com/ses/latest/APIReference/API_Operations.html
// Sends land in the outbox (raw ones byte for byte); quotas answer Throttling with SES's
// messages (https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html).
import {
  CreateTemplateCommand,
  GetIdentityVerificationAttributesCommand,
  GetSendQuotaCommand,
  ListIdentitiesCommand,
  SendEmailCommand,
  SendRawEmailCommand,
  SendTemplatedEmailCommand,
  SESClient,
  SetIdentityNotificationTopicCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../local/shared/clock';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { headerOf, leafParts, parseMessage, partText } from '../../../local/ses/mimeTree';
import { errorOf, startSes, type SesHarness } from './harness';

let h: SesHarness;
beforeAll(async () => {
  h = await startSes();
});
afterAll(() => h.close());

describe('SendEmail', () => {
  it('composes the MIME message SES would send and keeps the envelope, configuration set and tags', async () => {
    const { MessageId } = await h.v1.send(
      new SendEmailCommand({
        Source: 'Invites <invites@calendar.localhost>',
        Destination: { ToAddresses: ['bob@example.org'], CcAddresses: ['carol@example.org'], BccAddresses: ['audit@example.org'] },
        ReplyToAddresses: ['rsvp@calendar.localhost'],
        Message: { Subject: { Data: 'Réunion' }, Body: { Text: { Data: 'Bonjour' }, Html: { Data: '<p>Bonjour</p>' } } },
        ConfigurationSetName: h.configurationSet,
        Tags: [{ Name: 'kind', Value: 'invite' }],
      }),
    );
    expect(MessageId).toMatch(/^[0-9a-f]{16}-[0-9a-f-]{36}-000000$/);
    const entry = h.ses.outbox.get(MessageId!)!;
    expect(entry).toMatchObject({
      api: 'SendEmail',
      source: 'Invites <invites@calendar.localhost>',
      destinations: ['bob@example.org', 'carol@example.org', 'audit@example.org'],
      configurationSetName: h.configurationSet,
      tags: { kind: 'invite' },
      subject: 'Réunion',
    });
    const root = parseMessage((await h.ses.outbox.raw(MessageId!))!);
    expect(headerOf(root.headers, 'message-id')).toBe(`<${MessageId}@email.amazonses.com>`);
    expect(headerOf(root.headers, 'reply-to')).toBe('rsvp@calendar.localhost');
    expect(headerOf(root.headers, 'bcc')).toBeUndefined();
    expect(root.contentType).toBe('multipart/alternative');
    expect(leafParts(root).map((p) => [p.contentType, partText(p)])).toEqual([
      ['text/plain', 'Bonjour'],
      ['text/html', '<p>Bonjour</p>'],
    ]);
  });
});

describe('SendRawEmail', () => {
  it('keeps the message byte for byte, with Source and Destinations as the envelope', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: Ada <ada@calendar.localhost>\r\nTo: bob@example.org\r\nSubject: raw\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCaf'),
      Buffer.from([0xe9, 0x0d, 0x0a]),
    ]);
    const { MessageId } = await h.v1.send(
      new SendRawEmailCommand({ RawMessage: { Data: raw }, Source: 'bounces@calendar.localhost', Destinations: ['bob@example.org', 'hidden@example.org'] }),
    );
    expect(Buffer.compare((await h.ses.outbox.raw(MessageId!))!, raw)).toBe(0);
    expect(h.ses.outbox.get(MessageId!)).toMatchObject({ source: 'bounces@calendar.localhost', destinations: ['bob@example.org', 'hidden@example.org'], from: 'Ada <ada@calendar.localhost>' });
  });

  it('takes the envelope from the headers when none is given', async () => {
    const raw = Buffer.from('From: ada@calendar.localhost\r\nTo: a@example.org, B <b@example.org>\r\nCc: c@example.org\r\nSubject: x\r\n\r\nbody\r\n');
    const { MessageId } = await h.v1.send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
    expect(h.ses.outbox.get(MessageId!)).toMatchObject({ source: 'ada@calendar.localhost', destinations: ['a@example.org', 'b@example.org', 'c@example.org'] });
  });
});

describe('templates', () => {
  it('creates a template and sends it filled in', async () => {
    await h.v1.send(
      new CreateTemplateCommand({ Template: { TemplateName: 'Invite', SubjectPart: 'You are invited to {{title}}', TextPart: 'Hi {{name}}', HtmlPart: '<p>Hi {{name}}</p>' } }),
    );
    const { MessageId } = await h.v1.send(
      new SendTemplatedEmailCommand({
        Source: 'invites@calendar.localhost',
        Destination: { ToAddresses: ['bob@example.org'] },
        Template: 'Invite',
        TemplateData: JSON.stringify({ title: 'Standup', name: 'Bob' }),
      }),
    );
    expect(h.ses.outbox.get(MessageId!)!.subject).toBe('You are invited to Standup');
    expect(
      await errorOf(h.v1.send(new SendTemplatedEmailCommand({ Source: 'invites@calendar.localhost', Destination: { ToAddresses: ['b@example.org'] }, Template: 'Nope', TemplateData: '{}' }))),
    ).toMatchObject({ name: 'TemplateDoesNotExistException', message: 'Template Nope does not exist.' });
  });
});

describe('identities', () => {
  it('verifies, lists and reports identities, and sends identity notifications to the chosen topic', async () => {
    await h.v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'me@example.net' }));
    expect((await h.v1.send(new ListIdentitiesCommand({}))).Identities).toEqual(['calendar.localhost', 'me@example.net']);
    expect((await h.v1.send(new ListIdentitiesCommand({ IdentityType: 'Domain' }))).Identities).toEqual(['calendar.localhost']);
    const attrs = await h.v1.send(new GetIdentityVerificationAttributesCommand({ Identities: ['me@example.net', 'other@example.net'] }));
    expect(attrs.VerificationAttributes).toEqual({ 'me@example.net': { VerificationStatus: 'Success' }, 'other@example.net': { VerificationStatus: 'NotStarted' } });

    const topic = 'arn:aws:sns:us-east-1:000000000000:identity-bounces';
    await h.v1.send(new SetIdentityNotificationTopicCommand({ Identity: 'me@example.net', NotificationType: 'Bounce', SnsTopic: topic }));
    await h.v1.send(new SendEmailCommand({ Source: 'me@example.net', Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }));
    await h.ses.sending.settled();
    const notification = h.topics.published.find((p) => p.topicArn === topic)!.record;
    expect(notification).toMatchObject({ notificationType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General' }, mail: { source: 'me@example.net' } });
  });
});

describe('errors', () => {
  it('rejects an unverified sender and an unknown configuration set', async () => {
    const message = { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } };
    expect(await errorOf(h.v1.send(new SendEmailCommand({ Source: 'x@elsewhere.com', Destination: { ToAddresses: ['b@example.org'] }, Message: message })))).toEqual({
      name: 'MessageRejected',
      message: 'Email address is not verified. The following identities failed the check in region US-EAST-1: x@elsewhere.com',
      status: 400,
    });
    expect(
      await errorOf(h.v1.send(new SendEmailCommand({ Source: 'a@calendar.localhost', Destination: { ToAddresses: ['b@example.org'] }, Message: message, ConfigurationSetName: 'Nope' }))),
    ).toMatchObject({ name: 'ConfigurationSetDoesNotExistException', message: 'Configuration set <Nope> does not exist.' });
  });

  it('refuses unsigned requests and unknown keys', async () => {
    const unsigned = await fetch(`${h.server.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetSendQuota&Version=2010-12-01' });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const stranger = new SESClient({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'x' } });
    expect(await errorOf(stranger.send(new GetSendQuotaCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
  });
});

describe('sending quotas', () => {
  it('answers Throttling "Maximum sending rate exceeded." and "Daily message quota exceeded.", and counts recipients in GetSendQuota', async () => {
    const clock = new ManualClock(Date.now());
    const q = await startSes({ clock, settings: { sendQuota: { maxSendRate: 1, max24HourSend: 3 } } });
    try {
      const send = () =>
        q.v1.send(new SendEmailCommand({ Source: 'a@calendar.localhost', Destination: { ToAddresses: ['b@example.org'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }));
      await send();
      expect(await errorOf(send())).toEqual({ name: 'Throttling', message: 'Maximum sending rate exceeded.', status: 400 });
      clock.advance(1_000);
      await send();
      clock.advance(1_000);
      await send();
      clock.advance(1_000);
      expect(await errorOf(send())).toEqual({ name: 'Throttling', message: 'Daily message quota exceeded.', status: 400 });
      expect(await q.v1.send(new GetSendQuotaCommand({}))).toMatchObject({ Max24HourSend: 3, MaxSendRate: 1, SentLast24Hours: 3 });
    } finally {
      await q.close();
    }
  });
});
