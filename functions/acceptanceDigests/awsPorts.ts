// The digest function's AWS calls: the window item on the table, the transaction that turns
// it into a notice, and the timer on the digest queue.
import { GetItemCommand, TransactWriteItemsCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { acceptanceWindowKey } from '../../resolvers/lib/keys';
import type { AcceptanceWindowRecord } from '../../resolvers/lib/records';
import { dynamoDb } from '../lib/aws/dynamodb';
import { sqs } from '../lib/aws/sqs';
import type { DigestPorts } from './closeWindow';
import type { DigestTimer } from './digestTimer';

/** Sends a timer, delayed by `seconds` (at most SQS's 900). */
export async function sendTimer(queueUrl: string, timer: DigestTimer, seconds: number): Promise<void> {
  await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(timer), DelaySeconds: seconds }));
}

export function awsPorts(table: string, queueUrl: string): DigestPorts {
  const key = (timer: DigestTimer) => marshall(acceptanceWindowKey(timer.organizerId, timer.windowStart));
  return {
    async readWindow(timer) {
      const out = await dynamoDb().send(new GetItemCommand({ TableName: table, Key: key(timer), ConsistentRead: true }));
      return out.Item ? (unmarshall(out.Item) as AcceptanceWindowRecord) : null;
    },
    async closeWith(notice, timer, count) {
      try {
        await dynamoDb().send(
          new TransactWriteItemsCommand({
            TransactItems: [
              { Put: { TableName: table, Item: marshall(notice, { removeUndefinedValues: true }), ConditionExpression: 'attribute_not_exists(pk)' } },
              {
                Delete: {
                  TableName: table,
                  Key: key(timer),
                  ConditionExpression: '#count = :count',
                  ExpressionAttributeNames: { '#count': 'count' },
                  ExpressionAttributeValues: marshall({ ':count': count }),
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (isConditionCancel(error)) return false;
        throw error;
      }
    },
    requeue: (timer, seconds) => sendTimer(queueUrl, timer, seconds),
  };
}

/** A transaction cancelled because a condition failed (by class, or by name when the SDK is another copy). */
function isConditionCancel(error: unknown): boolean {
  const cancelled = error instanceof TransactionCanceledException || (error as Error | undefined)?.name === 'TransactionCanceledException';
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return cancelled && reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
}
