// Query and Scan requests of the DynamoDB data source; Sync is refused.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html
// ctx.result = { items, nextToken, scannedCount }: nextToken is null on the last page;
// scannedCount counts the items DynamoDB read before the filter.
import { QueryCommand, ScanCommand, type Select } from '@aws-sdk/client-dynamodb';
import { fromWireItem } from '../runtime/dynamodbValues';
import type { DataSourceResult } from './dataSource';
import type { DynamoDbContext } from './dynamodbContext';
import { UnsupportedLocallyError } from './dynamodbErrors';
import { expressionAttributes, type ExpressionObject } from './dynamodbExpressionAttributes';
import { optional, required, type Req } from './dynamodbRequestShape';
import { decodeNextToken, encodeNextToken } from './nextToken';

function expression(req: Req, name: string, isRequired = false): ExpressionObject | undefined {
  const e = isRequired ? required<ExpressionObject>(req, [name], 'object') : optional<ExpressionObject>(req, [name], 'object');
  if (e) required(req, [name, 'expression'], 'string');
  return e;
}

export async function queryOrScan(ctx: DynamoDbContext, req: Req): Promise<DataSourceResult> {
  const isQuery = req.operation === 'Query';
  const keyCondition = isQuery ? expression(req, 'query', true) : undefined;
  const filter = expression(req, 'filter');
  const projection = optional<ExpressionObject>(req, ['projection'], 'object');
  if (projection) required(req, ['projection', 'expression'], 'string');
  const index = optional<string>(req, ['index'], 'string');
  const scope = `${req.operation}|${ctx.tableName}|${index ?? ''}`;
  const input = {
    TableName: ctx.tableName,
    IndexName: index,
    Limit: optional<number>(req, ['limit'], 'number'),
    ExclusiveStartKey: decodeNextToken(optional<string>(req, ['nextToken'], 'string'), scope),
    ConsistentRead: optional<boolean>(req, ['consistentRead'], 'boolean'),
    Select: optional<Select>(req, ['select'], 'string'),
    FilterExpression: filter?.expression,
    ProjectionExpression: projection?.expression,
    ...expressionAttributes(keyCondition, filter, projection),
  };
  const out = isQuery
    ? await ctx.client.send(
        new QueryCommand({
          ...input,
          KeyConditionExpression: keyCondition!.expression,
          ScanIndexForward: optional<boolean>(req, ['scanIndexForward'], 'boolean'),
        }),
      )
    : await ctx.client.send(
        new ScanCommand({
          ...input,
          Segment: optional<number>(req, ['segment'], 'number'),
          TotalSegments: optional<number>(req, ['totalSegments'], 'number'),
        }),
      );
  return {
    result: {
      items: (out.Items ?? []).map((item) => fromWireItem(item)),
      nextToken: encodeNextToken(out.LastEvaluatedKey, scope),
      scannedCount: out.ScannedCount ?? 0,
    },
  };
}

/**
 * Sync reads a versioned data source's base and delta tables; the local AppSync does not
 * emulate versioned data sources (conflict detection, delta sync table, _version), so it
 * says so instead of answering with something that only looks like a Sync.
 * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-conflict-detection-and-sync-sync-operations.html
 */
export async function sync(): Promise<DataSourceResult> {
  throw new UnsupportedLocallyError(
    'Sync needs a versioned DynamoDB data source (conflict detection with a delta sync table), which the local AppSync does not emulate; use Query or Scan locally.',
  );
}
