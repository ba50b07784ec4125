// The mailer's ports on AWS: claims and the organizer's address in the table, sending by SES.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { organizerKey } from '../../resolvers/lib/keys';
import { dynamoDb } from '../lib/aws/dynamodb';
import { sesV2 } from '../lib/aws/sesv2';
import { dynamoClaims } from '../lib/sendOnce/dynamoClaims';
import type { DeliveryPorts } from './deliverNotice';
import { classifySendError, isThrottling } from '../lib/aws/sesErrors';
import { sendWithBackoff } from '../lib/aws/sendWithBackoff';

export function awsPorts(table: string): DeliveryPorts {
  return {
    ...dynamoClaims(),
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
  };
}
