// A LocalServices stand-in that records what the services under test send to queues,
// topics and functions, and keeps objects stored through it. Plain objects, no SDK mocks.
import type { InvocationResult } from '../../../local/lambda/lambdaFunction';
import { createLogger, type Logger } from '../../../local/shared/logger';
import type { BucketTarget, FunctionTarget, QueueMessage, QueueTarget, TopicMessage, TopicTarget } from '../../../local/shared/localServices';

export type Invocation = { arn: string; event: unknown; invocationType: 'RequestResponse' | 'Event' };

export class RecordingServices implements QueueTarget, TopicTarget, FunctionTarget, BucketTarget {
  readonly queued: { arn: string; message: QueueMessage }[] = [];
  readonly published: { arn: string; message: TopicMessage }[] = [];
  readonly invocations: Invocation[] = [];
  readonly objects = new Map<string, Buffer>();
  /** What a function answers, by ARN (default: `{ ok: true, result: null }`). */
  readonly answers = new Map<string, (event: unknown) => InvocationResult>();
  /** The order in which everything arrived, for tests about action order. */
  readonly log: string[] = [];

  async sendToQueue(arn: string, message: QueueMessage): Promise<void> {
    this.queued.push({ arn, message });
    this.log.push(`queue ${arn}`);
  }

  async publishToTopic(arn: string, message: TopicMessage): Promise<string> {
    this.published.push({ arn, message });
    this.log.push(`topic ${arn}`);
    return `message-${this.published.length}`;
  }

  async invokeFunction(arn: string, event: unknown, invocationType: 'RequestResponse' | 'Event'): Promise<InvocationResult> {
    this.invocations.push({ arn, event, invocationType });
    this.log.push(`function ${arn} ${invocationType}`);
    return this.answers.get(arn)?.(event) ?? { ok: true, result: null };
  }

  async putObject(bucket: string, key: string, body: Uint8Array): Promise<void> {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
    this.log.push(`object ${bucket}/${key}`);
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array | undefined> {
    return this.objects.get(`${bucket}/${key}`);
  }

  /** Topic messages parsed from JSON. */
  publishedJson(arn?: string): unknown[] {
    return this.published.filter((p) => arn === undefined || p.arn === arn).map((p) => JSON.parse(p.message.message) as unknown);
  }
}

/** Quiet unless LOCAL_LOG asks for output (the services log at info by default). */
export function testLogger(name: string): Logger {
  return process.env.LOCAL_LOG ? createLogger(name) : { debug() {}, info() {}, warn() {}, error() {} };
}
