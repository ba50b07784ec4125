// An SQS event source as the CDK writes it (aws-lambda-event-sources SqsEventSource): the
// mapping's properties are read from real synthesized output and drive a local poller.
// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_lambda_event_sources.SqsEventSource.html
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, FilterCriteria, FilterRule, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsEventSourceMappings } from '../../../local/lambda/eventSources/sqsOptions';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { FunctionDouble, settle, startRig, type EventSourceRig } from './eventSourceHarness';

let rig: EventSourceRig;
let template: CfnTemplate;

beforeAll(() => {
  // CDK's built-in template validation takes seconds and checks nothing these tests need.
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'EsmCdk');
  const dlq = new Queue(stack, 'Dlq');
  const queue = new Queue(stack, 'Work', { visibilityTimeout: Duration.seconds(60), deadLetterQueue: { queue: dlq, maxReceiveCount: 5 } });
  const fn = new LambdaFunction(stack, 'Worker', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => {}') });
  fn.addEventSource(
    new SqsEventSource(queue, {
      batchSize: 50,
      maxBatchingWindow: Duration.seconds(2),
      reportBatchItemFailures: true,
      maxConcurrency: 3,
      filters: [FilterCriteria.filter({ body: { kind: FilterRule.isEqual('invite') } })],
    }),
  );
  template = Template.fromStack(stack).toJSON() as CfnTemplate;
});

describe('SQS event source from CDK output', () => {
  beforeAll(() => {
    rig = startRig(template, new FunctionDouble());
  });
  afterAll(() => rig.stop());

  it('reads the mapping as the CDK synthesizes it', () => {
    const [mapping] = sqsEventSourceMappings(rig.model);
    expect(mapping).toMatchObject({
      batchSize: 50,
      maximumBatchingWindowSeconds: 2,
      reportBatchItemFailures: true,
      maximumConcurrency: 3,
      enabled: true,
      filters: [{ body: { kind: ['invite'] } }],
    });
    expect(mapping!.functionName).toBe(String(rig.model.ref(rig.model.ofType('AWS::Lambda::Function')[0]![0])));
    expect(rig.sources.pollers).toHaveLength(1);
  });

  it('delivers matching messages to the function after the batching window', async () => {
    const [[queueId]] = rig.model.ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('Work'));
    const queue = rig.sqs.broker.queueByArn(String(rig.model.getAtt(queueId!, 'Arn')))!;
    for (const body of ['{"kind":"invite"}', '{"kind":"other"}', '{"kind":"invite"}']) queue.send({ body, senderId: 'AIDATEST' });
    await settle();
    rig.clock.advance(2_000);
    await settle();
    expect(rig.fn.batches().flat()).toEqual(['{"kind":"invite"}', '{"kind":"invite"}']);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });
});
