// AMAZON_DYNAMODB data source: turns APPSYNC_JS request objects into DynamoDB API calls
// on DynamoDB Local (the semantics are DynamoDB Local's, never re-implemented here) and
// results and errors into what AppSync hands the response handler.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
//
// Each operation lives in its own file: dynamodbSingleItem.ts (GetItem, PutItem, UpdateItem,
// DeleteItem, with AppSync's handling of failed conditions), dynamodbListing.ts (Query, Scan,
// Sync), dynamodbBatch.ts, dynamodbTransactions.ts. Errors never throw out of invoke: they
// become ctx.error (dynamodbErrors.ts), with ctx.result as each operation documents it.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_REGION } from '../../shared/localCredentials';
import type { DataSource, DataSourceCall, DataSourceResult } from './dataSource';
import { batchGetItem, batchWriteItem } from './dynamodbBatch';
import type { ConditionLambda, DynamoDbContext, Invocation } from './dynamodbContext';
import { toDataSourceError } from './dynamodbErrors';
import { queryOrScan, sync } from './dynamodbListing';
import { checkRequestShape } from './dynamodbRequestShape';
import { getItem, writeItem } from './dynamodbSingleItem';
import { transactGetItems, transactWriteItems } from './dynamodbTransactions';

export type { ConditionLambda, ConditionLambdaPayload, Invocation } from './dynamodbContext';

export type DynamoDbDataSourceOptions = {
  /** Region reported to a conditionalCheckFailedHandler Lambda. Default: the local region. */
  region?: string;
  /**
   * Runs the Lambda function of a `Custom` conditionalCheckFailedHandler. Default: none, and a
   * request that needs one gets ctx.error of type UnsupportedOperation.
   */
  conditionLambda?: ConditionLambda;
};

export class DynamoDbDataSource implements DataSource {
  readonly type = 'AMAZON_DYNAMODB';

  constructor(
    readonly name: string,
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly options: DynamoDbDataSourceOptions = {},
  ) {}

  /**
   * @param call the resolver call; its arguments, identity and resolver go to a
   *   conditionalCheckFailedHandler Lambda, and nothing else needs them.
   */
  async invoke(request: unknown, call?: DataSourceCall & Invocation): Promise<DataSourceResult> {
    const invocation: Invocation = call ?? {};
    const ctx: DynamoDbContext = {
      client: this.client,
      tableName: this.tableName,
      region: this.options.region ?? LOCAL_REGION,
      conditionLambda: this.options.conditionLambda,
      invocation,
    };
    try {
      checkRequestShape(request);
      switch (request.operation) {
        case 'GetItem':
          return await getItem(ctx, request);
        case 'PutItem':
        case 'UpdateItem':
        case 'DeleteItem':
          return await writeItem(ctx, request.operation, request);
        case 'Query':
        case 'Scan':
          return await queryOrScan(ctx, request);
        case 'Sync':
          return await sync();
        case 'BatchGetItem':
          return await batchGetItem(ctx, request);
        case 'BatchPutItem':
        case 'BatchDeleteItem':
          return await batchWriteItem(ctx, request);
        case 'TransactGetItems':
          return await transactGetItems(ctx, request);
        default:
          return await transactWriteItems(ctx, request);
      }
    } catch (error) {
      return { result: null, error: toDataSourceError(error) };
    }
  }
}
