// A queue of the test's own, subscribed at run time to a topic of the local stack with raw
// delivery (as another system would subscribe), buffering what arrives so that a test can
// wait for the message it expects and see everything else that came.
import { CreateQueueCommand, DeleteMessageBatchCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';

export type LocalAws = { region: string; credentials: { accessKeyId: string; secretAccessKey: string }; aws: { sqs: string; sns: string } };

export type TappedMessage = { body: any; attributes: Record<string, string> };

export class TopicTap {
  readonly received: TappedMessage[] = [];

  private constructor(
    private readonly sqs: SQSClient,
    private readonly sns: SNSClient,
    readonly queueUrl: string,
    private readonly subscriptionArn: string,
  ) {}

  static async subscribe(e: LocalAws, topicArn: string, options: { filterPolicy?: Record<string, unknown> } = {}): Promise<TopicTap> {
    const config = { region: e.region, credentials: e.credentials };
    const sqs = new SQSClient({ ...config, endpoint: e.aws.sqs });
    const sns = new SNSClient({ ...config, endpoint: e.aws.sns });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `tap-${crypto.randomUUID()}` }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: Attributes!.QueueArn,
        ReturnSubscriptionArn: true,
        Attributes: { RawMessageDelivery: 'true', ...(options.filterPolicy ? { FilterPolicy: JSON.stringify(options.filterPolicy) } : {}) },
      }),
    );
    return new TopicTap(sqs, sns, QueueUrl!, SubscriptionArn!);
  }

  /** Receives whatever is waiting (up to `waitSeconds`), buffers and deletes it. */
  async poll(waitSeconds = 1): Promise<void> {
    const out = await this.sqs.send(new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: waitSeconds, MessageAttributeNames: ['All'] }));
    const messages = out.Messages ?? [];
    for (const m of messages) {
      const attributes = Object.fromEntries(Object.entries(m.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? '']));
      this.received.push({ body: JSON.parse(m.Body!), attributes });
    }
    if (messages.length > 0) {
      await this.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    }
  }

  /** The first buffered message `match` accepts, polling until one arrives. */
  async next(what: string, match: (body: any) => boolean, timeoutMs = 20_000): Promise<TappedMessage> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((m) => match(m.body));
      if (found) return found;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; received ${this.received.map((m) => m.body.messageId ?? m.body.type).join(', ') || 'nothing'}`);
      await this.poll();
    }
  }

  /** Every message `match` accepts after `quietMs` more of polling (to see duplicates or absence). */
  async all(match: (body: any) => boolean, quietMs = 1_500): Promise<TappedMessage[]> {
    const until = Date.now() + quietMs;
    while (Date.now() < until) await this.poll(1);
    return this.received.filter((m) => match(m.body));
  }

  async close(): Promise<void> {
    await this.sns.send(new UnsubscribeCommand({ SubscriptionArn: this.subscriptionArn })).catch(() => undefined);
    await this.sqs.send(new DeleteQueueCommand({ QueueUrl: this.queueUrl })).catch(() => undefined);
  }
}
