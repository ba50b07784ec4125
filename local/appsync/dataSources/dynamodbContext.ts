// What every DynamoDB operation of the data source gets to run with.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The resolver call a request belongs to (DataSourceCall's fields and more); AppSync hands
 * arguments, identity and resolver to a conditionalCheckFailedHandler Lambda.
 */
export type Invocation = {
  field?: string;
  arguments?: unknown;
  identity?: unknown;
  resolver?: { parentType?: string; field?: string; outputType?: string };
};

/** Payload of the Lambda a `Custom` conditionalCheckFailedHandler names (condition-expressions page). */
export type ConditionLambdaPayload = {
  arguments: unknown;
  requestMapping: unknown;
  currentValue: unknown;
  resolver: { tableName: string; awsRegion: string; parentType?: string; field?: string; outputType?: string };
  identity: unknown;
};

/** Runs the Lambda function `lambdaArn` with the payload and returns what it returned. */
export type ConditionLambda = (lambdaArn: string, payload: ConditionLambdaPayload) => Promise<unknown>;

export type DynamoDbContext = {
  client: DynamoDBClient;
  tableName: string;
  region: string;
  conditionLambda?: ConditionLambda;
  invocation: Invocation;
};
