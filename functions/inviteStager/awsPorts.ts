// The stager's ports on AWS: its checkpoints (`message#inviteStager/<topic message id>`),
// the event's attendees (a Query on the event's partition, addresses only), and the
// invite-dispatch queue.
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ATTENDEE_SK_PREFIX, eventKey, messageKey } from '../../resolvers/lib/keys';
import { dynamoDb } from '../lib/aws/dynamodb';
import { queueDispatch } from '../lib/dispatch/queueDispatch';
import type { StagingRequest } from './parseNotification';
import type { Checkpoint, StagingPorts } from './stageMails';

/** The key namespace of the stager's checkpoints. */
export const STAGER_CONSUMER = 'inviteStager';
/** Attendees per page: one page is queued before the next is read. */
export const ATTENDEES_PER_PAGE = 1_000;
/** Checkpoints outlive every redelivery (4 days in the queue, 14 in the DLQ). */
const CHECKPOINT_TTL_SECONDS = 15 * 24 * 60 * 60;

export function awsPorts(table: string, queueUrl: string): StagingPorts {
  const key = (request: StagingRequest) => marshall(messageKey(`${STAGER_CONSUMER}/${request.messageId}`));
  return {
    async checkpoint(request) {
      const out = await dynamoDb().send(new GetItemCommand({ TableName: table, Key: key(request), ConsistentRead: true }));
      if (!out.Item) return null;
      const item = unmarshall(out.Item);
      return { next: item.next ? JSON.parse(item.next as string) : undefined, queued: item.queued as number, done: item.done === true };
    },
    async saveCheckpoint(request, checkpoint: Checkpoint) {
      const item = {
        ...messageKey(`${STAGER_CONSUMER}/${request.messageId}`),
        eventId: request.eventId,
        sequence: request.sequence,
        // The page key as JSON: it holds the table's own key attributes.
        next: checkpoint.next ? JSON.stringify(checkpoint.next) : null,
        queued: checkpoint.queued,
        done: checkpoint.done,
        updatedAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + CHECKPOINT_TTL_SECONDS,
      };
      await dynamoDb().send(new PutItemCommand({ TableName: table, Item: marshall(item, { removeUndefinedValues: true }) }));
    },
    async attendees(eventId, start) {
      const out = await dynamoDb().send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: marshall({ ':pk': eventKey(eventId).pk, ':prefix': ATTENDEE_SK_PREFIX }),
          ProjectionExpression: 'email',
          ExclusiveStartKey: start ? marshall(start) : undefined,
          Limit: ATTENDEES_PER_PAGE,
        }),
      );
      return {
        attendees: (out.Items ?? []).map((item) => unmarshall(item) as { email: string }),
        next: out.LastEvaluatedKey ? unmarshall(out.LastEvaluatedKey) : undefined,
      };
    },
    async queue(messages) {
      const failures = await queueDispatch(queueUrl, messages);
      if (failures.length > 0) throw new Error(`${failures.length} of ${messages.length} dispatch messages were not queued: ${failures[0]!.error}`);
    },
  };
}
