// SQS event source mappings on a ManualClock, with a function double: a plain FunctionTarget
// whose answers the test decides, which records every invocation and how many ran at once.
import { startSqsEventSources, type SqsEventSources } from '../../../local/lambda/eventSources/sqs';
import type { SqsBatchReport } from '../../../local/lambda/eventSources/sqsPoller';
import type { SqsRecord } from '../../../local/lambda/eventSources/sqsRecord';
import type { InvocationResult } from '../../../local/lambda/lambdaFunction';
import { ManualClock } from '../../../local/shared/clock';
import type { FunctionTarget } from '../../../local/shared/localServices';
import { createSqsService, type SqsService } from '../../../local/sqs';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';
import { silentLogger } from './sqsHarness';

export type SqsEvent = { Records: SqsRecord[] };

export class FunctionDouble implements FunctionTarget {
  readonly invocations: { name: string; event: SqsEvent }[] = [];
  running = 0;
  maxRunning = 0;

  constructor(private readonly answer: (event: SqsEvent) => InvocationResult | Promise<InvocationResult> = () => ({ ok: true, result: null })) {}

  async invokeFunction(name: string, event: unknown): Promise<InvocationResult> {
    this.invocations.push({ name, event: event as SqsEvent });
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      return await this.answer(event as SqsEvent);
    } finally {
      this.running -= 1;
    }
  }

  /** Bodies of each invocation's records. */
  batches(): string[][] {
    return this.invocations.map((i) => i.event.Records.map((r) => r.body));
  }
}

export const failure = (errorMessage = 'boom'): InvocationResult => ({ ok: false, error: { errorType: 'Error', errorMessage } });

/** A queue (with a dead-letter queue after 3 receives), a function and one mapping with these properties. */
export function mappingTemplate(mapping: Record<string, unknown>, queueProperties: Record<string, unknown> = {}): CfnTemplate {
  return {
    Resources: {
      Dlq: { Type: 'AWS::SQS::Queue', Properties: {} },
      Work: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          VisibilityTimeout: 30,
          RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 3 },
          ...queueProperties,
        },
      },
      Worker: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'worker', Runtime: 'nodejs20.x', Handler: 'index.handler' } },
      Mapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: { FunctionName: { Ref: 'Worker' }, EventSourceArn: { 'Fn::GetAtt': ['Work', 'Arn'] }, ...mapping },
      },
    },
  };
}

export type EventSourceRig = {
  clock: ManualClock;
  model: StackModel;
  sqs: SqsService;
  fn: FunctionDouble;
  sources: SqsEventSources;
  reports: SqsBatchReport[];
  queue(logicalId: string): NonNullable<ReturnType<SqsService['broker']['queueByArn']>>;
  send(...bodies: string[]): void;
  stop(): Promise<void>;
};

export function startRig(template: CfnTemplate, fn = new FunctionDouble(), options: { sendBeforeStart?: string[] } = {}): EventSourceRig {
  const clock = new ManualClock();
  const model = new StackModel(template, {
    region: 'us-east-1',
    accountId: '000000000000',
    stackName: 'EsmTest',
    runtimeAttributes: new Map(),
    serviceUrls: new Map([['sqs', 'http://127.0.0.1:1']]),
  });
  const sqs = createSqsService({ model, clock, logger: silentLogger });
  const queue = (logicalId: string) => sqs.broker.queueByArn(String(model.getAtt(logicalId, 'Arn')))!;
  const send = (...bodies: string[]) => {
    for (const body of bodies) queue('Work').send({ body, senderId: 'AIDATEST' });
  };
  if (options.sendBeforeStart) send(...options.sendBeforeStart);
  const reports: SqsBatchReport[] = [];
  const sources = startSqsEventSources({ model, broker: sqs.broker, services: fn, clock, logger: silentLogger, onBatch: (r) => reports.push(r) });
  return {
    clock,
    model,
    sqs,
    fn,
    sources,
    reports,
    queue,
    send,
    stop: async () => {
      await sources.stop();
      await sqs.stop();
    },
  };
}

/** Lets pollers, invocations and deletions run their continuations. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
