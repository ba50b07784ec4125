// The feedback handler's one port on AWS: a conditional UpdateItem on the table.
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionFailure } from '../lib/aws/dynamodb';
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
