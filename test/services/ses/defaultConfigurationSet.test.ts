// An identity's default configuration set applies to sends from it that name none; a set
// named in the request takes precedence ("any configuration set defined in the email sending
// request takes precedence": CreateEmailIdentity, SES API v2;
// https://docs.aws.amazon.com/ses/latest/dg/managing-configuration-sets.html).
import { SendEmailCommand as SendEmailV1Command } from '@aws-sdk/client-ses';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { MAIL_TEMPLATE, startSes, type SesHarness } from './harness';

const TEMPLATE: CfnTemplate = {
  Resources: {
    ...MAIL_TEMPLATE.Resources,
    Domain: {
      Type: 'AWS::SES::EmailIdentity',
      Properties: { EmailIdentity: 'calendar.localhost', ConfigurationSetAttributes: { ConfigurationSetName: { Ref: 'ConfigurationSet' } } },
    },
    Other: { Type: 'AWS::SES::EmailIdentity', Properties: { EmailIdentity: 'other.localhost' } },
    Marketing: { Type: 'AWS::SES::ConfigurationSet', Properties: { Name: 'marketing' } },
  },
};

let h: SesHarness;
beforeAll(async () => {
  h = await startSes({ template: TEMPLATE });
});
afterAll(() => h.close());

const simple = { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Hi' } } } };

describe("an identity's default configuration set", () => {
  it('applies to a v2 send from the identity that names no configuration set, and publishes its events', async () => {
    const { MessageId } = await h.v2.send(
      new SendEmailCommand({ FromEmailAddress: 'invites@calendar.localhost', Destination: { ToAddresses: ['bob@example.org'] }, Content: simple }),
    );
    expect(h.ses.outbox.get(MessageId!)?.configurationSetName).toBe(h.configurationSet);
    await h.ses.stop();
    const event = h.topics.published.map((p) => p.record).find((r) => r.mail?.messageId === MessageId);
    expect(event?.mail.tags['ses:configuration-set']).toEqual([h.configurationSet]);
  });

  it('applies to a v1 send too', async () => {
    const { MessageId } = await h.v1.send(
      new SendEmailV1Command({ Source: 'invites@calendar.localhost', Destination: { ToAddresses: ['bob@example.org'] }, Message: { Subject: { Data: 'v1' }, Body: { Text: { Data: 'x' } } } }),
    );
    expect(h.ses.outbox.get(MessageId!)?.configurationSetName).toBe(h.configurationSet);
  });

  it('gives way to the configuration set the request names', async () => {
    const { MessageId } = await h.v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'invites@calendar.localhost',
        Destination: { ToAddresses: ['bob@example.org'] },
        Content: simple,
        ConfigurationSetName: 'marketing',
      }),
    );
    expect(h.ses.outbox.get(MessageId!)?.configurationSetName).toBe('marketing');
  });

  it('does not apply to another identity', async () => {
    const { MessageId } = await h.v2.send(
      new SendEmailCommand({ FromEmailAddress: 'news@other.localhost', Destination: { ToAddresses: ['bob@example.org'] }, Content: simple }),
    );
    expect(h.ses.outbox.get(MessageId!)?.configurationSetName).toBeUndefined();
  });
});
