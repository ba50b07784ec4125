// The table requests of the unsubscribe link: the organizer's address (shown on the page),
// whether the address already unsubscribed from the organizer, and the unsubscribe itself:
// the organizer appended to the address's suppression item's unsubscribedFrom list (the
// item is created when missing), only when the list does not hold it yet, so repeating the
// request (a provider's one-click POST, then the page's button) changes nothing more.
import type { GetItemCommandInput, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { organizerKey, suppressionKey } from '../../resolvers/lib/keys';

export function organizerEmailRequest(table: string, organizerId: string): GetItemCommandInput {
  return { TableName: table, Key: marshall(organizerKey(organizerId)), ProjectionExpression: '#email', ExpressionAttributeNames: { '#email': 'email' } };
}

export function unsubscribedFromRequest(table: string, email: string): GetItemCommandInput {
  return {
    TableName: table,
    Key: marshall(suppressionKey(email)),
    ProjectionExpression: '#unsubscribedFrom',
    ExpressionAttributeNames: { '#unsubscribedFrom': 'unsubscribedFrom' },
    ConsistentRead: true,
  };
}

export function unsubscribeRequest(table: string, email: string, organizerId: string, now: string): UpdateItemCommandInput {
  return {
    TableName: table,
    Key: marshall(suppressionKey(email)),
    UpdateExpression: 'SET #unsubscribedFrom = list_append(if_not_exists(#unsubscribedFrom, :none), :organizer), #email = if_not_exists(#email, :email), #updatedAt = :now',
    // contains() on a List: whether an element equals the string.
    ConditionExpression: 'attribute_not_exists(#unsubscribedFrom) OR NOT contains(#unsubscribedFrom, :organizerId)',
    ExpressionAttributeNames: { '#unsubscribedFrom': 'unsubscribedFrom', '#email': 'email', '#updatedAt': 'updatedAt' },
    ExpressionAttributeValues: marshall({ ':none': [], ':organizer': [organizerId], ':organizerId': organizerId, ':email': email, ':now': now }),
  };
}
