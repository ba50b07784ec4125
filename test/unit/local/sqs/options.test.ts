// The template's queues: names, URLs from the local endpoint, attribute properties, RedrivePolicy
// as an object or a JSON string, FIFO, tags, and QueuePolicy documents kept as Policy.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../../local/template/cloudAssembly';
import { StackModel } from '../../../../local/template/stackModel';
import { queueConfigs } from '../../../../local/sqs/options';
import { makeBroker } from './queueHarness';

const template: CfnTemplate = {
  Resources: {
    Dlq: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600 } },
    Work: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        VisibilityTimeout: 180,
        ReceiveMessageWaitTimeSeconds: 20,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 5 },
        Tags: [{ Key: 'team', Value: 'invites' }],
      },
    },
    Legacy: {
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: 'legacy', RedrivePolicy: { 'Fn::Sub': '{"deadLetterTargetArn":"${Dlq.Arn}","maxReceiveCount":"2"}' } },
    },
    Ordered: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true, ContentBasedDeduplication: true } },
    Policy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: { Queues: [{ Ref: 'Work' }], PolicyDocument: { Version: '2012-10-17', Statement: [] } },
    },
  },
};

function model() {
  return new StackModel(template, {
    region: 'us-east-1',
    accountId: '000000000000',
    stackName: 'Demo',
    runtimeAttributes: new Map(),
    serviceUrls: new Map([['sqs', 'http://127.0.0.1:4566']]),
  });
}

describe('queueConfigs', () => {
  it('reads names, URLs on the local endpoint and attributes', () => {
    const configs = queueConfigs(model());
    const work = configs.find((c) => c.logicalId === 'Work')!;
    expect(work.name).toMatch(/^Demo-Work-[A-Z0-9]{12}$/);
    expect(work.url).toBe(`http://127.0.0.1:4566/000000000000/${work.name}`);
    expect(work.attributes).toMatchObject({ VisibilityTimeout: '180', ReceiveMessageWaitTimeSeconds: '20' });
    expect(JSON.parse(work.attributes.RedrivePolicy!)).toEqual({ deadLetterTargetArn: configs[0]!.arn, maxReceiveCount: 5 });
    expect(work.tags).toEqual({ team: 'invites' });
    expect(JSON.parse(work.attributes.Policy!)).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(configs.find((c) => c.logicalId === 'Ordered')!.name).toMatch(/\.fifo$/);
  });

  it('gives the broker queues with those settings, whatever order the template lists them in', () => {
    const { broker } = makeBroker();
    const queues = broker.defineQueues(queueConfigs(model()).reverse());
    const byName = new Map(queues.map((q) => [q.name, q]));
    const legacy = byName.get('legacy')!;
    expect(legacy.settings.redrivePolicy?.maxReceiveCount).toBe(2);
    const work = [...byName.values()].find((q) => q.name.startsWith('Demo-Work-'))!;
    expect(work.attributes()).toMatchObject({ VisibilityTimeout: '180', ReceiveMessageWaitTimeSeconds: '20' });
    expect([...byName.values()].find((q) => q.isFifo)!.settings.contentBasedDeduplication).toBe(true);
  });
});
