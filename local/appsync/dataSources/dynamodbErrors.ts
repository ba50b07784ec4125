// How failures of the DynamoDB data source reach the response handler as ctx.error.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
//
// - A DynamoDB error becomes { type: "DynamoDB:<exception name>", message: "<DynamoDB's message>
//   (Service: DynamoDb, Status Code: 400, Request ID: <id>)" }: the type is the documented
//   `DynamoDB:ConditionalCheckFailedException` form; the message suffix is what AppSync shows in
//   a JS resolver's ctx.error (https://github.com/aws/aws-appsync-community/issues/343).
// - A request object AppSync would not accept (unknown element, missing or mistyped field,
//   untyped value) becomes type "MappingTemplate", the error type AppSync gives a request it
//   cannot map, with its "Unsupported element '$[a][b]'." wording where it fits
//   (https://github.com/aws/aws-appsync-community/issues/110).
import type { DataSourceError } from './dataSource';
import { DynamoDbRequestError } from '../runtime/dynamodbValues';
import { InvalidNextTokenError } from './nextToken';

/** A request object the DynamoDB data source cannot run. */
export class MappingTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingTemplate';
  }
}

/** Something the real service can do that the local one cannot (Sync, Custom strategy). */
export class UnsupportedLocallyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedOperation';
  }
}

type AwsError = Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };

export function toDataSourceError(error: unknown): DataSourceError {
  const e = error as AwsError;
  if (e instanceof MappingTemplateError || e instanceof DynamoDbRequestError) return { message: e.message, type: 'MappingTemplate' };
  if (e instanceof UnsupportedLocallyError) return { message: e.message, type: 'UnsupportedOperation' };
  if (e instanceof InvalidNextTokenError) return { message: e.message, type: 'DynamoDB:ValidationException' };
  const status = e?.$metadata?.httpStatusCode;
  if (status === undefined) return { message: e?.message ?? String(error), type: `DynamoDB:${e?.name ?? 'Error'}` };
  const requestId = e.$metadata?.requestId ?? 'null';
  return { message: `${e.message} (Service: DynamoDb, Status Code: ${status}, Request ID: ${requestId})`, type: `DynamoDB:${e.name}` };
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as Error)?.name === 'ConditionalCheckFailedException';
}
