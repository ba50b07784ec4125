// The links function's ports on AWS: the token key (Secrets Manager) and the table.
import { ConditionalCheckFailedException, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamoDb } from '../lib/aws/dynamodb';
import { tokenKey } from '../lib/tokens/tokenKey';
import { organizerEmailRequest, unsubscribedFromRequest, unsubscribeRequest } from './suppressionRequests';
import type { UnsubscribePorts } from './unsubscribeRoutes';

export function awsPorts(table: string): UnsubscribePorts {
  return {
    tokenKey: () => tokenKey(),
    async organizerEmail(organizerId) {
      const out = await dynamoDb().send(new GetItemCommand(organizerEmailRequest(table, organizerId)));
      const email = out.Item ? unmarshall(out.Item).email : null;
      return typeof email === 'string' && email.trim() ? email.trim() : null;
    },
    async unsubscribedFrom(email) {
      const out = await dynamoDb().send(new GetItemCommand(unsubscribedFromRequest(table, email)));
      const list: unknown = out.Item ? unmarshall(out.Item).unsubscribedFrom : null;
      return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
    },
    async unsubscribe(email, organizerId, now) {
      try {
        await dynamoDb().send(new UpdateItemCommand(unsubscribeRequest(table, email, organizerId, now)));
        return 'added';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === 'ConditionalCheckFailedException') return 'already';
        throw error;
      }
    },
  };
}
