// Errors: a failed invocation (error or timeout) leaves the whole batch in the queue, where it
// returns after the visibility timeout, and the queue's redrive policy moves a message that keeps
// failing to the dead-letter queue. With ReportBatchItemFailures only the reported messages stay.
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
import { afterEach, describe, expect, it } from 'vitest';
import { failure, FunctionDouble, mappingTemplate, settle, startRig, type EventSourceRig } from './eventSourceHarness';

let rig: EventSourceRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const VISIBILITY_TIMEOUT_MS = 30_000;

describe('SQS event source failures', () => {
  it('retries a failed batch after the visibility timeout, until the message lands in the dead-letter queue', async () => {
    const fn = new FunctionDouble(() => failure('cannot handle'));
    rig = startRig(mappingTemplate({}), fn, { sendBeforeStart: ['poison'] });
    await settle();
    expect(fn.invocations).toHaveLength(1);
    expect(rig.queue('Work').counts().inFlight).toBe(1);
    for (const receiveCount of ['2', '3']) {
      rig.clock.advance(VISIBILITY_TIMEOUT_MS);
      await settle();
      expect(fn.invocations.at(-1)!.event.Records[0]!.attributes.ApproximateReceiveCount).toBe(receiveCount);
    }
    rig.clock.advance(VISIBILITY_TIMEOUT_MS);
    await settle();
    expect(fn.invocations).toHaveLength(3);
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    const [dead] = rig.queue('Dlq').receiveNow(1);
    expect(dead!.body).toBe('poison');
    expect(rig.reports.map((r) => r.outcome.kind)).toEqual(['failure', 'failure', 'failure']);
  });

  it('deletes only the messages not reported as failed (ReportBatchItemFailures)', async () => {
    const fn = new FunctionDouble((event) => ({
      ok: true,
      result: { batchItemFailures: event.Records.filter((r) => r.body.startsWith('bad')).map((r) => ({ itemIdentifier: r.messageId })) },
    }));
    rig = startRig(mappingTemplate({ FunctionResponseTypes: ['ReportBatchItemFailures'] }), fn, { sendBeforeStart: ['good-1', 'bad-1', 'good-2'] });
    await settle();
    expect(fn.batches()).toEqual([['good-1', 'bad-1', 'good-2']]);
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    rig.clock.advance(VISIBILITY_TIMEOUT_MS);
    await settle();
    expect(fn.batches()).toEqual([['good-1', 'bad-1', 'good-2'], ['bad-1']]);
    rig.clock.advance(VISIBILITY_TIMEOUT_MS);
    await settle();
    expect(fn.batches().slice(1)).toEqual([['bad-1'], ['bad-1']]);
    // Received 3 times (maxReceiveCount): the next receive moves it to the dead-letter queue.
    rig.clock.advance(VISIBILITY_TIMEOUT_MS);
    await settle();
    expect(fn.invocations).toHaveLength(3);
    expect(rig.queue('Dlq').counts().visible).toBe(1);
  });

  it('treats the documented bad answers as a failure of the whole batch', async () => {
    const answers: unknown[] = [
      { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] },
      { batchItemFailures: [{ itemIdentifier: '' }] },
      { batchItemFailures: [{ itemIdentifier: null }] },
      { batchItemFailures: [{ messageId: 'wrong key' }] },
      'not an object',
    ];
    for (const answer of answers) {
      const fn = new FunctionDouble(() => ({ ok: true, result: answer }));
      rig = startRig(mappingTemplate({ FunctionResponseTypes: ['ReportBatchItemFailures'] }), fn, { sendBeforeStart: ['a', 'b'] });
      await settle();
      expect(rig.reports.map((r) => r.outcome.kind)).toEqual(['failure']);
      expect(rig.queue('Work').counts().inFlight).toBe(2);
      await rig.stop();
      rig = undefined;
    }
  });

  it('treats empty and null answers as success', async () => {
    for (const answer of [null, undefined, {}, { batchItemFailures: [] }, { batchItemFailures: null }]) {
      const fn = new FunctionDouble(() => ({ ok: true, result: answer }));
      rig = startRig(mappingTemplate({ FunctionResponseTypes: ['ReportBatchItemFailures'] }), fn, { sendBeforeStart: ['a'] });
      await settle();
      expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
      await rig.stop();
      rig = undefined;
    }
  });

  it('ignores batchItemFailures when the mapping does not list ReportBatchItemFailures', async () => {
    const fn = new FunctionDouble((event) => ({ ok: true, result: { batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] } }));
    rig = startRig(mappingTemplate({}), fn, { sendBeforeStart: ['a'] });
    await settle();
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('runs at most MaximumConcurrency batches at once', async () => {
    const release: (() => void)[] = [];
    const fn = new FunctionDouble(() => new Promise((resolve) => release.push(() => resolve({ ok: true, result: null }))));
    rig = startRig(mappingTemplate({ BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 } }), fn, {
      sendBeforeStart: Array.from({ length: 6 }, (_, i) => `m${i}`),
    });
    await settle();
    expect(fn.running).toBe(2);
    while (release.length > 0) {
      release.shift()!();
      await settle();
    }
    expect(fn.invocations).toHaveLength(6);
    expect(fn.maxRunning).toBe(2);
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('runs five batches at once without ScalingConfig', async () => {
    const release: (() => void)[] = [];
    const fn = new FunctionDouble(() => new Promise((resolve) => release.push(() => resolve({ ok: true, result: null }))));
    rig = startRig(mappingTemplate({ BatchSize: 1 }), fn, { sendBeforeStart: Array.from({ length: 8 }, (_, i) => `m${i}`) });
    await settle();
    expect(fn.running).toBe(5);
    while (release.length > 0) {
      for (const done of release.splice(0)) done();
      await settle();
    }
    expect(fn.invocations).toHaveLength(8);
  });

  it('refuses a MaximumConcurrency outside 2 to 1,000', () => {
    expect(() => startRig(mappingTemplate({ ScalingConfig: { MaximumConcurrency: 1 } }))).toThrow(/MaximumConcurrency must be 2-1000/);
  });
});
