// SES API v2 through the real @aws-sdk/client-sesv2 over HTTP (REST JSON):
// https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html ,
// API_GetAccount.html, API_PutSuppressedDestination.html, API_GetSuppressedDestination.html,
// API_DeleteSuppressedDestination.html, API_ListSuppressedDestinations.html.
// Suppressed recipients: accepted, not delivered, and a Bounce with bounceSubType
// OnAccountSuppressionList reaches the configuration set's SNS destination through the local
// SNS (https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html).
import {
  CreateEmailTemplateCommand,
  DeleteSuppressedDestinationCommand,
  GetAccountCommand,
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  PutSuppressedDestinationCommand,
  SendEmailCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../local/shared/clock';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { headerOf, leafParts, parseMessage, partText } from '../../../local/ses/mimeTree';
import { errorOf, startSes, type SesHarness } from './harness';

let h: SesHarness;
let clock: ManualClock;
beforeAll(async () => {
  clock = new ManualClock(Date.now());
  h = await startSes({ withSns: true, clock });
});
afterAll(() => h.close());

const feedbackQueue = () => String(h.model.getAtt('FeedbackQueue', 'Arn'));
const events = () => h.queues.to(feedbackQueue()).map((m) => JSON.parse(JSON.parse(m.body).Message as string) as Record<string, any>);

describe('SendEmail', () => {
  it('sends Simple content with custom headers and attachments', async () => {
    const { MessageId } = await h.v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'invites@calendar.localhost',
        Destination: { ToAddresses: ['bob@example.org'] },
        Content: {
          Simple: {
            Subject: { Data: 'Agenda' },
            Body: { Text: { Data: 'See attached' } },
            Headers: [{ Name: 'X-Event-Id', Value: 'evt-1' }],
            Attachments: [{ FileName: 'agenda.txt', RawContent: Buffer.from('1. hello'), ContentType: 'text/plain' }],
          },
        },
        EmailTags: [{ Name: 'kind', Value: 'agenda' }],
        ConfigurationSetName: h.configurationSet,
      }),
    );
    const entry = h.ses.outbox.get(MessageId!)!;
    expect(entry).toMatchObject({ api: 'v2:SendEmail', subject: 'Agenda', tags: { kind: 'agenda' }, configurationSetName: h.configurationSet });
    const root = parseMessage((await h.ses.outbox.raw(MessageId!))!);
    expect(headerOf(root.headers, 'x-event-id')).toBe('evt-1');
    expect(leafParts(root).map((p) => [p.contentType, p.filename, partText(p)])).toEqual([
      ['text/plain', undefined, 'See attached'],
      ['text/plain', 'agenda.txt', '1. hello'],
    ]);
  });

  it('keeps Raw content byte for byte', async () => {
    const raw = Buffer.from('From: ada@calendar.localhost\r\nTo: bob@example.org\r\nSubject: raw v2\r\nX-Odd:  spaced \r\n\r\n\u00e9t\u00e9\r\n', 'utf8');
    const { MessageId } = await h.v2.send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
    expect(Buffer.compare((await h.ses.outbox.raw(MessageId!))!, raw)).toBe(0);
    expect(h.ses.outbox.get(MessageId!)).toMatchObject({ source: 'ada@calendar.localhost', destinations: ['bob@example.org'], subject: 'raw v2' });
  });

  it('fills Template content, stored or inline', async () => {
    await h.v2.send(new CreateEmailTemplateCommand({ TemplateName: 'Reminder', TemplateContent: { Subject: 'Reminder: {{title}}', Text: 'Starts at {{time}}' } }));
    const stored = await h.v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'invites@calendar.localhost',
        Destination: { ToAddresses: ['bob@example.org'] },
        Content: { Template: { TemplateName: 'Reminder', TemplateData: '{"title":"Standup","time":"09:00"}' } },
      }),
    );
    expect(h.ses.outbox.get(stored.MessageId!)!.subject).toBe('Reminder: Standup');
    const inline = await h.v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'invites@calendar.localhost',
        Destination: { ToAddresses: ['bob@example.org'] },
        Content: { Template: { TemplateContent: { Subject: 'Hi {{name}}', Html: '<b>{{name}}</b>' }, TemplateData: '{"name":"<Bob>"}' } },
      }),
    );
    const root = parseMessage((await h.ses.outbox.raw(inline.MessageId!))!);
    // Handlebars escapes {{name}} in HTML.
    expect(partText(leafParts(root)[0]!).trimEnd()).toBe('<b>&#x3C;Bob&#x3E;</b>');
  });

  it('answers bad sends with v2’s exceptions', async () => {
    expect(
      await errorOf(
        h.v2.send(new SendEmailCommand({ FromEmailAddress: 'x@elsewhere.com', Destination: { ToAddresses: ['b@example.org'] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } } })),
      ),
    ).toEqual({ name: 'MessageRejected', message: 'Email address is not verified. The following identities failed the check in region US-EAST-1: x@elsewhere.com', status: 400 });
    expect(await errorOf(h.v2.send(new SendEmailCommand({ FromEmailAddress: 'a@calendar.localhost', Content: {} })))).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    expect(
      await errorOf(
        h.v2.send(
          new SendEmailCommand({
            FromEmailAddress: 'a@calendar.localhost',
            Destination: { ToAddresses: ['b@example.org'] },
            Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
            ConfigurationSetName: 'Nope',
          }),
        ),
      ),
    ).toMatchObject({ name: 'NotFoundException', status: 404 });
  });
});

describe('account and suppression list', () => {
  it('reports the account’s quota and sending state', async () => {
    const account = await h.v2.send(new GetAccountCommand({}));
    expect(account).toMatchObject({
      SendingEnabled: true,
      ProductionAccessEnabled: true,
      EnforcementStatus: 'HEALTHY',
      SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14 },
      SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    expect(account.SendQuota!.SentLast24Hours).toBeGreaterThan(0);
  });

  it('puts, gets, lists (by reason) and deletes suppressed destinations', async () => {
    await h.v2.send(new PutSuppressedDestinationCommand({ EmailAddress: 'gone@example.org', Reason: 'BOUNCE' }));
    clock.advance(1_000);
    await h.v2.send(new PutSuppressedDestinationCommand({ EmailAddress: 'angry@example.org', Reason: 'COMPLAINT' }));
    const { SuppressedDestination } = await h.v2.send(new GetSuppressedDestinationCommand({ EmailAddress: 'gone@example.org' }));
    expect(SuppressedDestination).toMatchObject({ EmailAddress: 'gone@example.org', Reason: 'BOUNCE' });
    expect(SuppressedDestination!.LastUpdateTime).toBeInstanceOf(Date);
    const all = await h.v2.send(new ListSuppressedDestinationsCommand({}));
    expect(all.SuppressedDestinationSummaries!.map((s) => s.EmailAddress)).toEqual(['angry@example.org', 'gone@example.org']);
    const bounces = await h.v2.send(new ListSuppressedDestinationsCommand({ Reasons: ['BOUNCE'] }));
    expect(bounces.SuppressedDestinationSummaries!.map((s) => s.EmailAddress)).toEqual(['gone@example.org']);
    const paged = await h.v2.send(new ListSuppressedDestinationsCommand({ PageSize: 1 }));
    expect(paged.SuppressedDestinationSummaries).toHaveLength(1);
    expect((await h.v2.send(new ListSuppressedDestinationsCommand({ PageSize: 1, NextToken: paged.NextToken }))).SuppressedDestinationSummaries![0]!.EmailAddress).toBe(
      'gone@example.org',
    );
    await h.v2.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'angry@example.org' }));
    expect(await errorOf(h.v2.send(new GetSuppressedDestinationCommand({ EmailAddress: 'angry@example.org' })))).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(await errorOf(h.v2.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'angry@example.org' })))).toMatchObject({ name: 'NotFoundException' });
  });

  it('accepts mail to a suppressed address, does not deliver it, and publishes its bounce through SNS to the subscribed queue', async () => {
    h.queues.sent.length = 0;
    const { MessageId } = await h.v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'invites@calendar.localhost',
        Destination: { ToAddresses: ['gone@example.org', 'bob@example.org'] },
        Content: { Simple: { Subject: { Data: 'Invitation' }, Body: { Text: { Data: 'Come' } } } },
        ConfigurationSetName: h.configurationSet,
      }),
    );
    await h.ses.sending.settled();
    await h.sns!.broker.settled();
    expect(h.ses.outbox.get(MessageId!)!.recipients).toEqual([
      { address: 'gone@example.org', outcome: 'suppressed' },
      { address: 'bob@example.org', outcome: 'delivered' },
    ]);
    const received = events();
    expect(received.map((e) => e.eventType)).toEqual(['Send', 'Bounce', 'Delivery']);
    expect(received[1]).toMatchObject({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList', bouncedRecipients: [{ emailAddress: 'gone@example.org' }] },
      mail: { messageId: MessageId, destination: ['gone@example.org', 'bob@example.org'], tags: { 'ses:configuration-set': [h.configurationSet] } },
    });
    expect(received[2]!.delivery.recipients).toEqual(['bob@example.org']);
  });
});

describe('throttling and signatures', () => {
  it('answers the send rate with TooManyRequestsException and the daily quota with LimitExceededException', async () => {
    const qClock = new ManualClock(Date.now());
    const q = await startSes({ clock: qClock, settings: { sendQuota: { maxSendRate: 1, max24HourSend: 2 } } });
    try {
      const send = () =>
        q.v2.send(
          new SendEmailCommand({
            FromEmailAddress: 'a@calendar.localhost',
            Destination: { ToAddresses: ['b@example.org'] },
            Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
          }),
        );
      await send();
      expect(await errorOf(send())).toEqual({ name: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.', status: 429 });
      qClock.advance(1_000);
      await send();
      qClock.advance(1_000);
      expect(await errorOf(send())).toEqual({ name: 'LimitExceededException', message: 'Daily message quota exceeded.', status: 400 });
      // The quota can be changed while running (local route).
      const changed = await fetch(`${q.server.url}/_local/ses/send-quota`, { method: 'PUT', body: JSON.stringify({ max24HourSend: 10 }) });
      expect(await changed.json()).toEqual({ maxSendRate: 1, max24HourSend: 10, sentLast24Hours: 2 });
      await send();
    } finally {
      await q.close();
    }
  });

  it('refuses unsigned requests and unknown keys with the REST exceptions', async () => {
    const unsigned = await fetch(`${h.server.url}/v2/email/account`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const stranger = new SESv2Client({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'x' } });
    expect(await errorOf(stranger.send(new GetAccountCommand({})))).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
  });
});
