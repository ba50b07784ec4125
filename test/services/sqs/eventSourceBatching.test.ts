// Batches: up to BatchSize messages; with MaximumBatchingWindowInSeconds, Lambda gathers until
// the batch is full or the window ends; without one it invokes with what one receive got. On
// success every message of the batch is deleted. The record shape is Lambda's.
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
import { afterEach, describe, expect, it } from 'vitest';
import { md5Hex } from '../../../local/sqs/md5';
import { mappingTemplate, settle, startRig, type EventSourceRig } from './eventSourceHarness';

let rig: EventSourceRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

describe('SQS event source batches', () => {
  it('invokes the function with the queued messages as Lambda records, then deletes them', async () => {
    rig = startRig(mappingTemplate({}), undefined, { sendBeforeStart: ['one', 'two', 'three'] });
    await settle();
    expect(rig.fn.batches()).toEqual([['one', 'two', 'three']]);
    const [record] = rig.fn.invocations[0]!.event.Records;
    expect(rig.fn.invocations[0]!.name).toBe('worker');
    expect(record).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      receiptHandle: expect.any(String),
      body: 'one',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(rig.clock.now()),
        SenderId: 'AIDATEST',
        ApproximateFirstReceiveTimestamp: String(rig.clock.now()),
      },
      messageAttributes: {},
      md5OfBody: md5Hex('one'),
      eventSource: 'aws:sqs',
      eventSourceARN: String(rig.model.getAtt('Work', 'Arn')),
      awsRegion: 'us-east-1',
    });
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('carries message attributes as Lambda writes them', async () => {
    rig = startRig(mappingTemplate({}));
    rig.queue('Work').send({
      body: 'b',
      senderId: 'AIDATEST',
      messageAttributes: { kind: { DataType: 'String', StringValue: 'invite' }, raw: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2) } },
    });
    await settle();
    const [record] = rig.fn.invocations[0]!.event.Records;
    expect(record!.messageAttributes).toEqual({
      kind: { stringValue: 'invite', stringListValues: [], binaryListValues: [], dataType: 'String' },
      raw: { binaryValue: 'AQI=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
    });
    expect(record!.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never puts more than BatchSize messages in a batch', async () => {
    rig = startRig(mappingTemplate({ BatchSize: 3 }), undefined, { sendBeforeStart: ['1', '2', '3', '4', '5', '6', '7'] });
    await settle();
    expect(rig.fn.batches().map((b) => b.length).sort()).toEqual([1, 3, 3]);
    expect(rig.fn.batches().flat().sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('with a batching window, gathers messages until the window ends', async () => {
    rig = startRig(mappingTemplate({ BatchSize: 100, MaximumBatchingWindowInSeconds: 5, ScalingConfig: { MaximumConcurrency: 2 } }));
    await settle();
    rig.send(...Array.from({ length: 15 }, (_, i) => `m${i}`));
    await settle();
    rig.clock.advance(4_999);
    await settle();
    expect(rig.fn.invocations).toHaveLength(0);
    rig.clock.advance(1);
    await settle();
    // Two pollers each gathered part of the messages during the window.
    expect(rig.fn.invocations).toHaveLength(2);
    expect(rig.fn.batches().flat().sort()).toEqual(Array.from({ length: 15 }, (_, i) => `m${i}`).sort());
  });

  it('with a batching window, invokes as soon as the batch is full', async () => {
    rig = startRig(mappingTemplate({ BatchSize: 12, MaximumBatchingWindowInSeconds: 20, ScalingConfig: { MaximumConcurrency: 2 } }), undefined, {
      sendBeforeStart: Array.from({ length: 30 }, (_, i) => `m${i}`),
    });
    await settle();
    expect(rig.fn.batches().map((b) => b.length)).toEqual([12, 12]);
    // The rest waits for the window (shorter than the visibility timeout, as AWS advises).
    rig.clock.advance(20_000);
    await settle();
    expect(rig.fn.batches().map((b) => b.length)).toEqual([12, 12, 6]);
  });

  it('reads BatchSize above 10 only with a batching window, as Lambda requires', () => {
    expect(() => startRig(mappingTemplate({ BatchSize: 11 }))).toThrow(/MaximumBatchingWindowInSeconds of at least 1/);
  });

  it('leaves a disabled mapping idle', async () => {
    rig = startRig(mappingTemplate({ Enabled: false }), undefined, { sendBeforeStart: ['x'] });
    await settle();
    expect(rig.fn.invocations).toHaveLength(0);
    expect(rig.sources.pollers).toHaveLength(0);
  });
});
