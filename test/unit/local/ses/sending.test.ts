// SES sending semantics without HTTP: configuration-set events and identity notifications in
// the documented shapes (https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html,
// https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html), the mailbox simulator
// (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html#send-email-simulator),
// the account-level suppression list (https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html),
// verified identities and the sandbox (https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../local/shared/clock';
import type { TopicMessage } from '../../../../local/shared/localServices';
import { createLogger, setLogLevel } from '../../../../local/shared/logger';
import { Identities } from '../../../../local/ses/identities';
import { eventTypeOf, sesResourcesFromTemplate, type ConfigurationSetConfig } from '../../../../local/ses/options';
import { Outbox } from '../../../../local/ses/outbox';
import { SesSending, type Caller } from '../../../../local/ses/sending';
import { SendQuota } from '../../../../local/ses/sendQuota';
import { SuppressionList } from '../../../../local/ses/suppressionList';
import { TemplateStore } from '../../../../local/ses/templates';
import type { CfnTemplate } from '../../../../local/template/cloudAssembly';
import { StackModel } from '../../../../local/template/stackModel';

setLogLevel('silent');

const FEEDBACK = 'arn:aws:sns:us-east-1:000000000000:feedback';
const IDENTITY_TOPIC = 'arn:aws:sns:us-east-1:000000000000:identity-bounces';
const caller: Caller = { identity: 'local-developer', sourceIp: '127.0.0.1' };

async function setup(options: { sandbox?: boolean; events?: string[] } = {}) {
  const clock = new ManualClock(Date.UTC(2030, 0, 1, 9));
  const published: { topicArn: string; record: Record<string, any> }[] = [];
  const topics = {
    async publishToTopic(topicArn: string, message: TopicMessage) {
      published.push({ topicArn, record: JSON.parse(message.message) as Record<string, any> });
      return 'message-id';
    },
  };
  const outbox = await Outbox.open();
  const suppression = new SuppressionList(clock);
  const identities = new Identities(['calendar.localhost', 'verified@example.org']);
  const set: ConfigurationSetConfig = {
    name: 'Mail',
    eventDestinations: [{ name: 'Feedback', enabled: true, matchingEventTypes: (options.events ?? ['send', 'delivery', 'bounce', 'complaint']).map(eventTypeOf), snsTopicArn: FEEDBACK }],
  };
  const sending = new SesSending({
    region: 'us-east-1',
    accountId: '000000000000',
    clock,
    logger: createLogger('test'),
    topics,
    outbox,
    quota: new SendQuota({ maxSendRate: 100, max24HourSend: 1000 }, clock),
    suppression,
    identities,
    templates: new TemplateStore(),
    configurationSets: new Map([[set.name, set]]),
    sandbox: options.sandbox ?? false,
    requireVerifiedSender: true,
  });
  const send = async (to: string[], extra: Partial<Parameters<SesSending['sendSimple']>[0]> = {}) => {
    const id = await sending.sendSimple(
      { api: 'SendEmail', from: 'Invites <invites@calendar.localhost>', to, subject: { data: 'Invitation' }, text: { data: 'Hello' }, configurationSetName: 'Mail', ...extra },
      caller,
    );
    await sending.settled();
    return id;
  };
  return { clock, published, outbox, suppression, identities, sending, send };
}

describe('configuration set events', () => {
  it('publishes Send and Delivery in the documented shape, with SES and custom tags', async () => {
    const t = await setup();
    const id = await t.send(['bob@example.org'], { tags: [{ name: 'campaign', value: 'invites' }] });
    expect(t.published.map((p) => [p.topicArn, p.record.eventType])).toEqual([
      [FEEDBACK, 'Send'],
      [FEEDBACK, 'Delivery'],
    ]);
    const [send, delivery] = t.published.map((p) => p.record);
    expect(Object.keys(send!)).toEqual(['eventType', 'mail', 'send']);
    expect(send!.send).toEqual({});
    expect(send!.mail).toMatchObject({
      timestamp: '2030-01-01T09:00:00.000Z',
      source: 'Invites <invites@calendar.localhost>',
      sourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/calendar.localhost',
      sendingAccountId: '000000000000',
      messageId: id,
      destination: ['bob@example.org'],
      headersTruncated: false,
      commonHeaders: { from: ['Invites <invites@calendar.localhost>'], to: ['bob@example.org'], messageId: id, subject: 'Invitation' },
      tags: {
        'ses:configuration-set': ['Mail'],
        'ses:source-ip': ['127.0.0.1'],
        'ses:from-domain': ['calendar.localhost'],
        'ses:caller-identity': ['local-developer'],
        campaign: ['invites'],
      },
    });
    expect(send!.mail.headers).toContainEqual({ name: 'Subject', value: 'Invitation' });
    expect(delivery!.delivery).toMatchObject({ recipients: ['bob@example.org'], smtpResponse: expect.stringMatching(/^250 /), processingTimeMillis: 0 });
    expect(delivery!.mail.tags['ses:outgoing-ip']).toBeDefined();
  });

  it('publishes only the event types the destination matches', async () => {
    const t = await setup({ events: ['bounce', 'complaint'] });
    await t.send(['bob@example.org', 'bounce@simulator.amazonses.com']);
    expect(t.published.map((p) => p.record.eventType)).toEqual(['Bounce']);
  });
});

describe('the mailbox simulator', () => {
  it('bounces bounce@, bounces suppressionlist@ as Suppressed, delivers then complains for complaint@, labels included', async () => {
    const t = await setup();
    await t.send(['bounce+a@simulator.amazonses.com', 'suppressionlist@simulator.amazonses.com', 'complaint@simulator.amazonses.com', 'success+x@simulator.amazonses.com', 'ooto@simulator.amazonses.com']);
    const events = t.published.map((p) => [p.record.eventType, p.record.bounce?.bounceSubType ?? p.record.complaint?.complaintFeedbackType ?? p.record.delivery?.recipients[0]]);
    expect(events).toEqual([
      ['Send', undefined],
      ['Bounce', 'General'],
      ['Bounce', 'Suppressed'],
      ['Delivery', 'complaint@simulator.amazonses.com'],
      ['Complaint', 'abuse'],
      ['Delivery', 'success+x@simulator.amazonses.com'],
      ['Delivery', 'ooto@simulator.amazonses.com'],
    ]);
    const bounce = t.published[1]!.record.bounce;
    expect(bounce).toMatchObject({
      bounceType: 'Permanent',
      bouncedRecipients: [{ emailAddress: 'bounce+a@simulator.amazonses.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
    });
    expect(t.outbox.list()[0]!.recipients.map((r) => r.outcome)).toEqual(['bounced', 'bounced', 'complained', 'delivered', 'delivered']);
  });
});

describe('the account-level suppression list', () => {
  it('accepts mail to a suppressed address but does not deliver it, and reports OnAccountSuppressionList', async () => {
    const t = await setup();
    t.suppression.put('gone@example.org', 'BOUNCE');
    t.suppression.put('angry@example.org', 'COMPLAINT');
    const id = await t.send(['gone@example.org', 'angry@example.org']);
    expect(t.outbox.get(id)!.recipients).toEqual([
      { address: 'gone@example.org', outcome: 'suppressed' },
      { address: 'angry@example.org', outcome: 'suppressed' },
    ]);
    const records = t.published.map((p) => p.record);
    expect(records.map((r) => r.eventType)).toEqual(['Send', 'Bounce', 'Complaint']);
    expect(records[1]!.bounce).toMatchObject({ bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList', bouncedRecipients: [{ emailAddress: 'gone@example.org' }] });
    expect(records[2]!.complaint).toMatchObject({ complaintSubType: 'OnAccountSuppressionList', complainedRecipients: [{ emailAddress: 'angry@example.org' }] });
  });
});

describe('identity notifications', () => {
  it('sends Bounce notifications (notificationType, no tags) to the sender identity’s topic', async () => {
    const t = await setup({ events: [] });
    t.identities.setNotificationTopic('calendar.localhost', 'Bounce', IDENTITY_TOPIC);
    await t.send(['bounce@simulator.amazonses.com', 'bob@example.org']);
    expect(t.published.map((p) => [p.topicArn, p.record.notificationType])).toEqual([[IDENTITY_TOPIC, 'Bounce']]);
    const { mail } = t.published[0]!.record;
    expect(mail).toMatchObject({ sourceIp: '127.0.0.1', callerIdentity: 'local-developer', source: 'Invites <invites@calendar.localhost>' });
    expect(mail).not.toHaveProperty('tags');
  });
});

describe('identities', () => {
  it('refuses an unverified sender with SES’s text, and in the sandbox unverified recipients too', async () => {
    const t = await setup();
    await expect(
      t.sending.sendSimple({ api: 'SendEmail', from: 'someone@elsewhere.com', to: ['bob@example.org'], subject: { data: 's' } }, caller),
    ).rejects.toThrow('Email address is not verified. The following identities failed the check in region US-EAST-1: someone@elsewhere.com');
    const sandbox = await setup({ sandbox: true });
    await expect(sandbox.send(['bob@example.org'])).rejects.toThrow('The following identities failed the check in region US-EAST-1: bob@example.org');
    await expect(sandbox.send(['verified@example.org', 'success@simulator.amazonses.com'])).resolves.toMatch(/-000000$/);
  });

  it('refuses an unknown configuration set and more than 50 recipients', async () => {
    const t = await setup();
    await expect(t.send(['bob@example.org'], { configurationSetName: 'Nope' })).rejects.toThrow('Configuration set <Nope> does not exist.');
    await expect(t.send(Array.from({ length: 51 }, (_, i) => `r${i}@example.org`))).rejects.toThrow('Recipient count exceeds 50.');
  });
});

describe('template resources', () => {
  const template: CfnTemplate = {
    Resources: {
      Feedback: { Type: 'AWS::SNS::Topic', Properties: {} },
      Domain: { Type: 'AWS::SES::EmailIdentity', Properties: { EmailIdentity: 'calendar.localhost' } },
      Set: { Type: 'AWS::SES::ConfigurationSet', Properties: {} },
      Dest: {
        Type: 'AWS::SES::ConfigurationSetEventDestination',
        Properties: {
          ConfigurationSetName: { Ref: 'Set' },
          EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'renderingFailure', 'deliveryDelay'], SnsDestination: { TopicARN: { Ref: 'Feedback' } } },
        },
      },
    },
  };

  it('reads configuration sets, SNS destinations (event types normalised) and identities', () => {
    const model = new StackModel(template, { region: 'us-east-1', accountId: '000000000000', stackName: 'Demo', runtimeAttributes: new Map() });
    const resources = sesResourcesFromTemplate(model);
    expect(resources.identities).toEqual(['calendar.localhost']);
    expect(resources.configurationSets).toEqual([
      {
        name: String(model.ref('Set')),
        eventDestinations: [{ name: 'Dest', enabled: true, matchingEventTypes: ['BOUNCE', 'RENDERING_FAILURE', 'DELIVERY_DELAY'], snsTopicArn: String(model.ref('Feedback')) }],
      },
    ]);
  });
});
