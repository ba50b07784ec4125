// The mailer's ports on AWS: claims and the organizer's address in the table, sending by SES.
import { ConditionalCheckFailedException, DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { organizerKey } from '../../resolvers/lib/keys';
import { dynamoDb } from '../lib/aws/dynamodb';
import { sesV2 } from '../lib/aws/sesv2';
import { claimRequest, claimStateRequest, finishRequest, refusedClaimOutcome, releaseRequest } from '../lib/sendOnce/sendClaim';
import type { DeliveryPorts } from './deliverNotice';
import { classifySendError, isThrottling } from '../lib/aws/sesErrors';
import { sendWithBackoff } from '../lib/aws/sendWithBackoff';

export function awsPorts(table: string): DeliveryPorts {
  return {
    async claim(claim) {
      try {
        await dynamoDb().send(new PutItemCommand(claimRequest(claim)));
        return 'claimed';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const state = await dynamoDb().send(new GetItemCommand(claimStateRequest(claim)));
        return refusedClaimOutcome(state.Item ? unmarshall(state.Item) : undefined);
      }
    },
    async organizerEmail(organizerId) {
      const out = await dynamoDb().send(
        new GetItemCommand({ TableName: table, Key: marshall(organizerKey(organizerId)), ProjectionExpression: '#email', ExpressionAttributeNames: { '#email': 'email' } }),
      );
      const email = out.Item ? unmarshall(out.Item).email : null;
      return typeof email === 'string' && email.trim() ? email.trim() : null;
    },
    async send(input) {
      try {
        // The account's sending rate is shared with the invitations: wait out throttling.
        return await sendWithBackoff(async () => (await sesV2().send(new SendEmailCommand(input))).MessageId, isThrottling);
      } catch (error) {
        throw classifySendError(error);
      }
    },
    async finish(claim, status, facts) {
      await dynamoDb().send(new UpdateItemCommand(finishRequest(claim, status, facts, Date.now())));
    },
    async release(claim) {
      try {
        await dynamoDb().send(new DeleteItemCommand(releaseRequest(claim)));
      } catch (error) {
        // Another receive claimed it after our lease ran out: it is theirs now.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
