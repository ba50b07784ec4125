// Bucket notifications delivered through LocalServices (a recording double here): from the
// template's bucket properties, from setNotifications (what CDK's custom resource calls), and
// from PutBucketNotificationConfiguration over HTTP.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';
import { startS3, type S3Harness } from './harness';

const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:Invites-ImportQueue';
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:Invites-Uploads';
const FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:Invites-Ingest';

const template: CfnTemplate = {
  Resources: {
    Uploads: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: 'invites-uploads',
        NotificationConfiguration: {
          QueueConfigurations: [{ Event: 's3:ObjectCreated:*', Queue: QUEUE, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'imports/' }, { Name: 'suffix', Value: '.csv' }] } } }],
          LambdaConfigurations: [{ Event: 's3:ObjectRemoved:*', Function: FUNCTION }],
        },
      },
    },
    Mail: { Type: 'AWS::S3::Bucket', Properties: {} },
  },
};

let h: S3Harness;
let mailBucket: string;

beforeAll(async () => {
  const model = new StackModel(template, { region: 'us-east-1', accountId: '000000000000', stackName: 'Invites', runtimeAttributes: new Map() });
  mailBucket = String(model.ref('Mail'));
  h = await startS3({ model });
});
afterAll(() => h.stop());

describe("the template's bucket notifications", () => {
  it('creates the template buckets and sends ObjectCreated records for matching keys to the queue', async () => {
    expect(h.s3.store.listBuckets().map((b) => b.name).sort()).toEqual(['invites-uploads', mailBucket].sort());
    const put = await h.client.send(new PutObjectCommand({ Bucket: 'invites-uploads', Key: 'imports/guest list.csv', Body: 'a,b\n' }));
    await h.client.send(new PutObjectCommand({ Bucket: 'invites-uploads', Key: 'imports/readme.txt', Body: 'no' }));
    await h.client.send(new PutObjectCommand({ Bucket: 'invites-uploads', Key: 'elsewhere/x.csv', Body: 'no' }));
    await h.s3.notificationsSettled();
    expect(h.services.queued).toHaveLength(1);
    const { arn, message } = h.services.queued[0]!;
    expect(arn).toBe(QUEUE);
    const event = JSON.parse(message.body) as { Records: Record<string, any>[] };
    expect(event.Records).toHaveLength(1);
    const record = event.Records[0]!;
    expect(record).toMatchObject({
      eventVersion: '2.5',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDALOCALDEVELOPER000' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': put.$metadata.requestId, 'x-amz-id-2': put.$metadata.extendedRequestId },
      s3: {
        s3SchemaVersion: '1.0',
        bucket: {
          name: 'invites-uploads',
          arn: 'arn:aws:s3:::invites-uploads',
          awsGeneratedTags: {
            'aws:cloudformation:stack-name': 'Invites',
            'aws:cloudformation:logical-id': 'Uploads',
            'aws:cloudformation:stack-id': 'arn:aws:cloudformation:us-east-1:000000000000:stack/Invites/local',
          },
        },
        object: { key: 'imports/guest+list.csv', size: 4, eTag: put.ETag!.replace(/"/g, '') },
      },
    });
    expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
    expect(record.s3.configurationId).toEqual(expect.any(String));
  });

  it('invokes the function asynchronously (Event) for ObjectRemoved', async () => {
    await h.client.send(new DeleteObjectCommand({ Bucket: 'invites-uploads', Key: 'imports/guest list.csv' }));
    await h.s3.notificationsSettled();
    expect(h.services.invocations).toHaveLength(1);
    const { arn, invocationType, event } = h.services.invocations[0]!;
    expect([arn, invocationType]).toEqual([FUNCTION, 'Event']);
    expect((event as { Records: { eventName: string; s3: { object: unknown } }[] }).Records[0]).toMatchObject({
      eventName: 'ObjectRemoved:Delete',
      s3: { object: { key: 'imports/guest+list.csv', sequencer: expect.any(String) } },
    });
  });
});

describe('setNotifications (for the CDK custom resource)', () => {
  it('takes the API form, sends s3:TestEvent to topics and queues (not functions), then events with SNS subject "Amazon S3 Notification"', async () => {
    h.services.published.length = 0;
    h.services.invocations.length = 0;
    h.s3.setNotifications(mailBucket, {
      TopicConfigurations: [{ Id: 'copies', TopicArn: TOPIC, Events: ['s3:ObjectCreated:Copy'] }],
      LambdaFunctionConfigurations: [{ Id: 'mail', LambdaFunctionArn: FUNCTION, Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'emails/' }] } } }],
    });
    await h.s3.notificationsSettled();
    expect(h.services.invocations).toHaveLength(0);
    expect(h.services.published).toHaveLength(1);
    expect(h.services.published[0]!.message.subject).toBe('Amazon S3 Notification');
    expect(JSON.parse(h.services.published[0]!.message.message)).toMatchObject({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: mailBucket });

    await h.client.send(new PutObjectCommand({ Bucket: mailBucket, Key: 'emails/abc', Body: 'raw mime' }));
    await h.client.send(new CopyObjectCommand({ Bucket: mailBucket, Key: 'archive/abc', CopySource: `${mailBucket}/emails/abc` }));
    await h.s3.notificationsSettled();
    expect(h.services.invocations.map((i) => (i.event as { Records: { eventName: string; s3: { configurationId: string } }[] }).Records[0]).map((r) => [r.eventName, r.s3.configurationId])).toEqual([
      ['ObjectCreated:Put', 'mail'],
    ]);
    const copyEvent = JSON.parse(h.services.published[1]!.message.message) as { Records: { eventName: string }[] };
    expect(copyEvent.Records[0]!.eventName).toBe('ObjectCreated:Copy');
  });

  it('also takes PutBucketNotificationConfiguration over HTTP and answers it back', async () => {
    await h.client.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: mailBucket,
        NotificationConfiguration: { QueueConfigurations: [{ Id: 'q', QueueArn: QUEUE, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.eml' }] } } }] },
        SkipDestinationValidation: true,
      }),
    );
    const config = await h.client.send(new GetBucketNotificationConfigurationCommand({ Bucket: mailBucket }));
    expect(config.QueueConfigurations).toEqual([{ Id: 'q', QueueArn: QUEUE, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'Suffix', Value: '.eml' }] } } }]);
    expect(config.TopicConfigurations).toBeUndefined();
  });
});
