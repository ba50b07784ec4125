// A DynamoDB stream record of the single table, read: which kind of item changed (by its
// keys, spelled only in resolvers/lib/keys.ts) and its images as plain values.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ATTENDEE_SK_PREFIX, eventKey, NOTICE_SK_PREFIX, organizerKey, TABLE_KEY, type TableKey } from '../../../resolvers/lib/keys';
import { MalformedInputError } from '../errors';

export type ItemKind = 'event' | 'attendee' | 'organizerProfile' | 'notice' | 'other';

export type ChangeRecord = {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The record's place in its shard: what `batchItemFailures` names. */
  sequenceNumber: string;
  keys: TableKey;
  kind: ItemKind;
  oldImage?: Record<string, unknown>;
  newImage?: Record<string, unknown>;
  /** When DynamoDB made the change (ISO 8601), when the record says. */
  changedAt?: string;
};

const EVENT = eventKey('');
const ORGANIZER = organizerKey('');

/** Which item the keys belong to (ARCHITECTURE.md section 6). */
export function itemKind(keys: TableKey): ItemKind {
  if (keys.sk === EVENT.sk && keys.pk.startsWith(EVENT.pk)) return 'event';
  if (keys.pk.startsWith(EVENT.pk) && keys.sk.startsWith(ATTENDEE_SK_PREFIX)) return 'attendee';
  if (keys.pk.startsWith(ORGANIZER.pk) && keys.sk === ORGANIZER.sk) return 'organizerProfile';
  if (keys.pk.startsWith(ORGANIZER.pk) && keys.sk.startsWith(NOTICE_SK_PREFIX)) return 'notice';
  return 'other';
}

const EVENT_NAMES = new Set(['INSERT', 'MODIFY', 'REMOVE']);

/** The record read, or a MalformedInputError naming what is missing. */
export function readStreamRecord(record: DynamoDBRecord): ChangeRecord {
  const stream = record.dynamodb;
  const sequenceNumber = stream?.SequenceNumber;
  if (!stream || !sequenceNumber) throw new MalformedInputError('The stream record has no dynamodb.SequenceNumber.');
  if (!record.eventName || !EVENT_NAMES.has(record.eventName)) throw new MalformedInputError(`Stream record ${sequenceNumber}: unknown eventName ${String(record.eventName)}.`);
  const keys = image(stream.Keys, sequenceNumber, 'Keys');
  const pk = keys?.[TABLE_KEY.partitionKey];
  const sk = keys?.[TABLE_KEY.sortKey];
  if (typeof pk !== 'string' || typeof sk !== 'string') throw new MalformedInputError(`Stream record ${sequenceNumber}: Keys lack the string attributes pk and sk.`);
  const seconds = stream.ApproximateCreationDateTime;
  return {
    eventName: record.eventName,
    sequenceNumber,
    keys: { pk, sk },
    kind: itemKind({ pk, sk }),
    oldImage: image(stream.OldImage, sequenceNumber, 'OldImage'),
    newImage: image(stream.NewImage, sequenceNumber, 'NewImage'),
    changedAt: typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined,
  };
}

function image(value: unknown, sequenceNumber: string, name: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  try {
    return unmarshall(value as Record<string, AttributeValue>);
  } catch (error) {
    throw new MalformedInputError(`Stream record ${sequenceNumber}: ${name} is not a DynamoDB item (${(error as Error).message}).`, { cause: error });
  }
}
