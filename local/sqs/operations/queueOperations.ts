// The queue actions: CreateQueue, DeleteQueue, GetQueueUrl, ListQueues, GetQueueAttributes,
// SetQueueAttributes, PurgeQueue, TagQueue, UntagQueue, ListQueueTags, ListDeadLetterSourceQueues.
// Shapes: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html
import { InvalidAttributeName, InvalidParameterValue, QueueDoesNotExist } from '../errors';
import type { Queue } from '../queue';
import { READ_ONLY_ATTRIBUTES } from '../queueAttributes';
import { optionalInteger, optionalString, requiredString, stringList, stringMap } from './input';
import type { Operation } from './operation';

/** ListQueues and ListDeadLetterSourceQueues answer at most 1,000 URLs a page. */
export const MAX_LIST_RESULTS = 1000;

export const createQueue: Operation = (input, { broker }) => {
  // The JSON member for tags is `tags`, lower case (the service model's CreateQueueRequest).
  const queue = broker.createQueue(requiredString(input, 'QueueName'), stringMap(input, 'Attributes'), stringMap(input, 'tags'));
  return { QueueUrl: queue.url };
};

export const deleteQueue: Operation = (input, { broker }) => {
  broker.deleteQueue(broker.queueByUrl(input.QueueUrl));
  return {};
};

export const getQueueUrl: Operation = (input, { broker }) => {
  const name = requiredString(input, 'QueueName');
  const owner = optionalString(input, 'QueueOwnerAWSAccountId');
  const queue = owner === undefined || owner === broker.accountId ? broker.queueByName(name) : undefined;
  if (!queue) throw new QueueDoesNotExist();
  return { QueueUrl: queue.url };
};

export const listQueues: Operation = (input, { broker }) => {
  const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
  const queues = broker
    .queues()
    .filter((queue) => queue.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = paginate(queues, optionalInteger(input, 'MaxResults'), optionalString(input, 'NextToken'));
  return { ...(page.items.length > 0 && { QueueUrls: page.items.map((q) => q.url) }), ...(page.nextToken && { NextToken: page.nextToken }) };
};

export const listDeadLetterSourceQueues: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  const sources = broker.deadLetterSourcesOf(queue.arn).sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = paginate(sources, optionalInteger(input, 'MaxResults'), optionalString(input, 'NextToken'));
  // The JSON member is `queueUrls`, lower case (the service model's ListDeadLetterSourceQueuesResult).
  return { queueUrls: page.items.map((q) => q.url), ...(page.nextToken && { NextToken: page.nextToken }) };
};

export const getQueueAttributes: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  const names = stringList(input, 'AttributeNames');
  if (names.length === 0) return {};
  const all = queue.attributes();
  if (names.includes('All')) return { Attributes: all };
  const known = knownAttributeNames(queue);
  const picked: Record<string, string> = {};
  for (const name of names) {
    if (!known.has(name)) throw new InvalidAttributeName(name);
    if (all[name] !== undefined) picked[name] = all[name]!;
  }
  return Object.keys(picked).length > 0 ? { Attributes: picked } : {};
};

export const setQueueAttributes: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  const attributes = stringMap(input, 'Attributes');
  for (const name of Object.keys(attributes)) if (READ_ONLY_ATTRIBUTES.has(name)) throw new InvalidAttributeName(name);
  broker.setQueueAttributes(queue, attributes);
  return {};
};

export const purgeQueue: Operation = (input, { broker }) => {
  broker.queueByUrl(input.QueueUrl).purge();
  return {};
};

export const tagQueue: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  queue.tags = { ...queue.tags, ...stringMap(input, 'Tags') };
  return {};
};

export const untagQueue: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  const tags = { ...queue.tags };
  for (const key of stringList(input, 'TagKeys')) delete tags[key];
  queue.tags = tags;
  return {};
};

export const listQueueTags: Operation = (input, { broker }) => {
  const { tags } = broker.queueByUrl(input.QueueUrl);
  return Object.keys(tags).length > 0 ? { Tags: tags } : {};
};

function knownAttributeNames(queue: Queue): Set<string> {
  return new Set([
    ...READ_ONLY_ATTRIBUTES,
    'VisibilityTimeout',
    'DelaySeconds',
    'MaximumMessageSize',
    'MessageRetentionPeriod',
    'ReceiveMessageWaitTimeSeconds',
    'RedrivePolicy',
    'RedriveAllowPolicy',
    'Policy',
    'KmsMasterKeyId',
    'KmsDataKeyReusePeriodSeconds',
    'SqsManagedSseEnabled',
    ...(queue.isFifo ? ['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'] : []),
  ]);
}

/** Pages of a sorted list; the token is the base64 of the last name answered. */
function paginate(queues: Queue[], maxResults: number | undefined, nextToken: string | undefined): { items: Queue[]; nextToken?: string } {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_LIST_RESULTS)) {
    throw InvalidParameterValue.of('MaxResults', maxResults, `Must be between 1 and ${MAX_LIST_RESULTS}.`);
  }
  const after = nextToken ? Buffer.from(nextToken, 'base64').toString('utf8') : undefined;
  const rest = after === undefined ? queues : queues.filter((queue) => queue.name > after);
  const limit = maxResults ?? MAX_LIST_RESULTS;
  const items = rest.slice(0, limit);
  // Without MaxResults, SQS answers up to 1,000 and no token (API_ListQueues.html).
  const more = maxResults !== undefined && rest.length > limit;
  return { items, ...(more && { nextToken: Buffer.from(items[items.length - 1]!.name, 'utf8').toString('base64') }) };
}
