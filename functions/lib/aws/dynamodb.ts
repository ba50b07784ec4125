// The container's DynamoDB client: created on first use, then reused by every invocation the
// container serves. No endpoint in code: the SDK takes AWS_ENDPOINT_URL_DYNAMODB when it is
// set (the local runtime sets it) and the regional endpoint otherwise.
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requireEnv } from '../env';

let client: DynamoDBClient | undefined;

/** The DynamoDB client for the region in `REGION`. */
export function dynamoDb(): DynamoDBClient {
  client ??= new DynamoDBClient({ region: requireEnv(['REGION']).REGION });
  return client;
}

/** Whether a DynamoDB call failed its condition (by class, or by name when the runtime's SDK is another copy). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
