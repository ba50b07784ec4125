// The feedback handler's one port on AWS: a conditional UpdateItem on the table.
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb } from '../lib/aws/dynamodb';
import type { FeedbackPorts } from './applyFeedback';

export function awsPorts(): FeedbackPorts {
  return {
    async write(update) {
      try {
        await dynamoDb().send(new UpdateItemCommand(update));
        return 'written';
      } catch (error) {
        if (isConditionFailure(error)) return 'unchanged';
        throw error;
      }
    },
  };
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
