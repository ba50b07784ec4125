// Every queue of the local SQS, by name, URL and ARN: the template's queues and those created
// at run time. Other local services deliver through it (QueueTarget), and Lambda's event source
// pollers find their queues here. One account and region, as the local runtime has.
//
// CreateQueue returns the existing queue's URL when the name and given attributes match, and
// QueueNameExists when they differ; a deleted queue's name is taken again only after 60 s
// (API_CreateQueue.html, API_DeleteQueue.html).
import type { Clock } from '../shared/clock';
import type { QueueMessage, QueueTarget } from '../shared/localServices';
import type { Logger } from '../shared/logger';
import { InvalidAddress, InvalidAttributeValue, InvalidParameterValue, QueueDeletedRecently, QueueDoesNotExist, QueueNameExists } from './errors';
import { Queue, type QueueLinks } from './queue';
import { applyAttributes, defaultSettings, settingsAsAttributes, type QueueSettings } from './queueAttributes';

/** After DeleteQueue, the name stays taken this long. */
export const DELETED_NAME_HOLD_MS = 60_000;
/** Queue names: 1 to 80 of A-Za-z0-9 - _, FIFO ones ending in .fifo (API_CreateQueue.html). */
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_QUEUE_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;

export type BrokerOptions = {
  region: string;
  accountId: string;
  /** Base URL of the local SQS endpoint, read when a queue is created at run time. */
  endpoint: () => string;
  clock: Clock;
  logger: Logger;
};

/** A queue as the template (or a caller) defines it. */
export type QueueDefinition = {
  name: string;
  /** The template's URL for it; built from the endpoint when absent. */
  url?: string;
  attributes: Record<string, string>;
  tags?: Record<string, string>;
};

export class SqsBroker implements QueueTarget, QueueLinks {
  private readonly byName = new Map<string, Queue>();
  private readonly byArn = new Map<string, Queue>();
  private readonly deletedAt = new Map<string, number>();

  constructor(private readonly options: BrokerOptions) {}

  get accountId(): string {
    return this.options.accountId;
  }

  queues(): Queue[] {
    return [...this.byName.values()];
  }

  /** Creates the template's queues, then checks their redrive targets (which may come later in the template). */
  defineQueues(definitions: QueueDefinition[]): Queue[] {
    const created = definitions.map((definition) => this.createQueue(definition.name, definition.attributes, definition.tags, definition.url, false));
    for (const queue of created) this.checkRedriveTarget(queue.settings);
    return created;
  }

  /** CreateQueue. */
  createQueue(name: string, attributes: Record<string, string> = {}, tags: Record<string, string> = {}, url?: string, checkRedrive = true): Queue {
    const fifo = attributes.FifoQueue === 'true';
    if (typeof name !== 'string' || !(fifo ? FIFO_QUEUE_NAME : QUEUE_NAME).test(name)) {
      // (local wording, after SQS's answer for bad names)
      throw new InvalidParameterValue(
        fifo
          ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
          : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    const settings = applyAttributes(defaultSettings(fifo), attributes, { creating: true });
    const existing = this.byName.get(name);
    if (existing) {
      const current = settingsAsAttributes(existing.settings);
      const wanted = settingsAsAttributes(settings);
      for (const attribute of Object.keys(attributes)) {
        if (current[attribute] !== wanted[attribute]) throw new QueueNameExists(attribute);
      }
      return existing;
    }
    const deletedAt = this.deletedAt.get(name);
    if (deletedAt !== undefined && this.options.clock.now() - deletedAt < DELETED_NAME_HOLD_MS) throw new QueueDeletedRecently(name);
    if (checkRedrive) this.checkRedriveTarget(settings);
    const queue = new Queue(
      {
        name,
        url: url ?? `${this.options.endpoint().replace(/\/+$/, '')}/${this.options.accountId}/${name}`,
        arn: `arn:aws:sqs:${this.options.region}:${this.options.accountId}:${name}`,
      },
      settings,
      tags,
      this.options.clock,
      this,
      this.options.logger,
    );
    this.byName.set(name, queue);
    this.byArn.set(queue.arn, queue);
    this.options.logger.debug(`queue ${name}${settings.redrivePolicy ? ` (dead letters to ${settings.redrivePolicy.deadLetterTargetArn})` : ''}`);
    return queue;
  }

  /** SetQueueAttributes, with the redrive target checked as CreateQueue checks it. */
  setQueueAttributes(queue: Queue, attributes: Record<string, string>): void {
    if (attributes.RedrivePolicy) this.checkRedriveTarget(applyAttributes(queue.settings, { RedrivePolicy: attributes.RedrivePolicy }, { creating: false }));
    queue.setAttributes(attributes);
  }

  deleteQueue(queue: Queue): void {
    if (this.byName.get(queue.name) !== queue) return;
    this.byName.delete(queue.name);
    this.byArn.delete(queue.arn);
    this.deletedAt.set(queue.name, this.options.clock.now());
    queue.close();
  }

  /**
   * The queue a QueueUrl names. Only the path counts (`/<account>/<name>`): clients reach the
   * local endpoint under several host names, and the SDK sends to the URL's own origin.
   */
  queueByUrl(queueUrl: unknown): Queue {
    if (typeof queueUrl !== 'string' || queueUrl.length === 0) throw new InvalidAddress(String(queueUrl));
    let path: string;
    try {
      path = new URL(queueUrl).pathname;
    } catch {
      throw new InvalidAddress(queueUrl);
    }
    const [account, name, ...rest] = path.split('/').filter(Boolean);
    if (!account || !name || rest.length > 0) throw new InvalidAddress(queueUrl);
    const queue = account === this.options.accountId ? this.byName.get(decodeURIComponent(name)) : undefined;
    if (!queue) throw new QueueDoesNotExist();
    return queue;
  }

  queueByName(name: string): Queue | undefined {
    return this.byName.get(name);
  }

  queueByArn(arn: string): Queue | undefined {
    return this.byArn.get(arn);
  }

  /** Queues whose redrive policy names `arn` (ListDeadLetterSourceQueues). */
  deadLetterSourcesOf(arn: string): Queue[] {
    return this.queues().filter((queue) => queue.settings.redrivePolicy?.deadLetterTargetArn === arn);
  }

  /** QueueTarget: how SNS, S3 and the others deliver. The SenderId is the account's, for want of the service's own. */
  async sendToQueue(queueArn: string, message: QueueMessage): Promise<void> {
    const queue = this.byArn.get(queueArn);
    if (!queue) throw new QueueDoesNotExist(`The specified queue does not exist: ${queueArn}`);
    queue.send({ body: message.body, messageAttributes: message.attributes, senderId: this.options.accountId });
  }

  /** Ends every waiting receive; the broker is not used afterwards. */
  close(): void {
    for (const queue of this.byName.values()) queue.close();
    this.byName.clear();
    this.byArn.clear();
  }

  /** The dead-letter queue must exist and be of the same type (FIFO with FIFO). */
  private checkRedriveTarget(settings: Readonly<QueueSettings>): void {
    const policy = settings.redrivePolicy;
    if (!policy) return;
    const target = this.byArn.get(policy.deadLetterTargetArn);
    // (local wording, after the "Reason:" form of SQS's parameter errors)
    if (!target) throw new InvalidAttributeValue('RedrivePolicy', 'Dead letter target does not exist.');
    if (target.isFifo !== settings.fifoQueue) {
      throw new InvalidAttributeValue('RedrivePolicy', 'Dead-letter queue must be the same type of queue (FIFO or standard) as the source queue.');
    }
  }
}
