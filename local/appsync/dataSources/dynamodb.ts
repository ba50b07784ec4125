// AMAZON_DYNAMODB data source: turns APPSYNC_JS request objects into DynamoDB API calls
// on DynamoDB Local (the semantics are DynamoDB Local's, never re-implemented here) and
// results and errors into what AppSync hands the response handler.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { DynamoDbRequestError, fromWireItem, toWireMap, type TypedValue } from '../runtime/dynamodbValues';
import type { DataSource, DataSourceResult } from './dataSource';
import { decodeNextToken, encodeNextToken } from './nextToken';

type ExpressionObject = {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, TypedValue>;
};

type Req = Record<string, any>;

/** Merges the names and values of several expressions into one set of request fields. */
function attributes(...expressions: (ExpressionObject | undefined)[]) {
  const names: Record<string, string> = {};
  const values: Record<string, TypedValue> = {};
  for (const e of expressions) {
    if (!e) continue;
    Object.assign(names, e.expressionNames ?? {});
    Object.assign(values, e.expressionValues ?? {});
  }
  return {
    ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
    ExpressionAttributeValues: Object.keys(values).length > 0 ? toWireMap(values) : undefined,
  };
}

function requireField(request: Req, field: string) {
  if (request[field] === undefined || request[field] === null) {
    throw new DynamoDbRequestError(`${request.operation} request needs "${field}"`);
  }
  return request[field];
}

export class DynamoDbDataSource implements DataSource {
  readonly type = 'AMAZON_DYNAMODB';

  constructor(
    readonly name: string,
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async invoke(request: unknown): Promise<DataSourceResult> {
    const req = (request ?? {}) as Req;
    try {
      return { result: await this.run(req) };
    } catch (error) {
      const e = error as Error & { CancellationReasons?: { Code?: string; Message?: string; Item?: Record<string, AttributeValue> }[]; Item?: Record<string, AttributeValue> };
      const failure = { message: e.message, type: `DynamoDB:${e.name}` };
      if (e.name === 'TransactionCanceledException') {
        const cancellationReasons = (e.CancellationReasons ?? []).map((reason) => ({
          type: reason.Code ?? 'None',
          message: reason.Message ?? null,
          ...(reason.Item ? { item: fromWireItem(reason.Item) } : {}),
        }));
        return { result: { keys: null, items: null, cancellationReasons }, error: failure };
      }
      if (e.name === 'ConditionalCheckFailedException') {
        return { result: e.Item ? fromWireItem(e.Item) : null, error: failure };
      }
      return { result: null, error: failure };
    }
  }

  private async run(req: Req): Promise<unknown> {
    const TableName = this.tableName;
    switch (req.operation) {
      case 'GetItem': {
        const out = await this.client.send(
          new GetItemCommand({
            TableName,
            Key: toWireMap(requireField(req, 'key')),
            ConsistentRead: req.consistentRead,
            ProjectionExpression: req.projection?.expression,
            ...attributes(req.projection),
          }),
        );
        return fromWireItem(out.Item);
      }
      case 'PutItem': {
        const item = { ...(req.attributeValues ?? {}), ...requireField(req, 'key') } as Record<string, TypedValue>;
        const Item = toWireMap(item)!;
        await this.client.send(
          new PutItemCommand({
            TableName,
            Item,
            ConditionExpression: req.condition?.expression,
            ReturnValuesOnConditionCheckFailure: req.condition ? 'ALL_OLD' : undefined,
            ...attributes(req.condition),
          }),
        );
        return fromWireItem(Item);
      }
      case 'UpdateItem': {
        const update = requireField(req, 'update') as ExpressionObject;
        const out = await this.client.send(
          new UpdateItemCommand({
            TableName,
            Key: toWireMap(requireField(req, 'key')),
            UpdateExpression: update.expression,
            ConditionExpression: req.condition?.expression,
            ReturnValuesOnConditionCheckFailure: req.condition ? 'ALL_OLD' : undefined,
            ReturnValues: 'ALL_NEW',
            ...attributes(update, req.condition),
          }),
        );
        return fromWireItem(out.Attributes);
      }
      case 'DeleteItem': {
        const out = await this.client.send(
          new DeleteItemCommand({
            TableName,
            Key: toWireMap(requireField(req, 'key')),
            ConditionExpression: req.condition?.expression,
            ReturnValuesOnConditionCheckFailure: req.condition ? 'ALL_OLD' : undefined,
            ReturnValues: 'ALL_OLD',
            ...attributes(req.condition),
          }),
        );
        return fromWireItem(out.Attributes);
      }
      case 'Query':
      case 'Scan': {
        const isQuery = req.operation === 'Query';
        const keyCondition = isQuery ? (requireField(req, 'query') as ExpressionObject) : undefined;
        const input = {
          TableName,
          IndexName: req.index ?? undefined,
          Limit: req.limit ?? undefined,
          ExclusiveStartKey: decodeNextToken(req.nextToken),
          ConsistentRead: req.consistentRead ?? undefined,
          Select: req.select ?? undefined,
          FilterExpression: req.filter?.expression,
          ProjectionExpression: req.projection?.expression,
          ...attributes(keyCondition, req.filter, req.projection),
        };
        const out = isQuery
          ? await this.client.send(
              new QueryCommand({ ...input, KeyConditionExpression: keyCondition!.expression, ScanIndexForward: req.scanIndexForward ?? true }),
            )
          : await this.client.send(new ScanCommand({ ...input, Segment: req.segment ?? undefined, TotalSegments: req.totalSegments ?? undefined }));
        return {
          items: (out.Items ?? []).map((item) => fromWireItem(item)),
          nextToken: encodeNextToken(out.LastEvaluatedKey),
          scannedCount: out.ScannedCount ?? 0,
        };
      }
      case 'BatchGetItem': {
        const tables = requireField(req, 'tables') as Record<string, { keys: Record<string, TypedValue>[]; consistentRead?: boolean; projection?: ExpressionObject }>;
        const RequestItems = Object.fromEntries(
          Object.entries(tables).map(([table, spec]) => [
            table,
            {
              Keys: spec.keys.map((key) => toWireMap(key)!),
              ConsistentRead: spec.consistentRead,
              ProjectionExpression: spec.projection?.expression,
              ExpressionAttributeNames: spec.projection?.expressionNames,
            },
          ]),
        );
        const out = await this.client.send(new BatchGetItemCommand({ RequestItems }));
        // Results come back in request key order, null where an item was not found.
        const data: Record<string, unknown[]> = {};
        const unprocessedKeys: Record<string, unknown[]> = {};
        for (const [table, spec] of Object.entries(tables)) {
          const found = (out.Responses?.[table] ?? []).map((item) => fromWireItem(item)!);
          const pending = (out.UnprocessedKeys?.[table]?.Keys ?? []).map((key) => fromWireItem(key)!);
          unprocessedKeys[table] = pending;
          data[table] = spec.keys.map((key) => {
            const plain = fromWireItem(toWireMap(key))!;
            if (pending.some((p) => sameKey(p, plain))) return null;
            return found.find((item) => sameKey(item, plain)) ?? null;
          });
        }
        return { data, unprocessedKeys };
      }
      case 'BatchPutItem':
      case 'BatchDeleteItem': {
        const isPut = req.operation === 'BatchPutItem';
        const tables = requireField(req, 'tables') as Record<string, Record<string, TypedValue>[]>;
        const RequestItems = Object.fromEntries(
          Object.entries(tables).map(([table, entries]) => [
            table,
            entries.map((entry) => (isPut ? { PutRequest: { Item: toWireMap(entry)! } } : { DeleteRequest: { Key: toWireMap(entry)! } })),
          ]),
        );
        const out = await this.client.send(new BatchWriteItemCommand({ RequestItems }));
        const data: Record<string, unknown[]> = {};
        const unprocessed: Record<string, unknown[]> = {};
        for (const [table, entries] of Object.entries(tables)) {
          const pending = (out.UnprocessedItems?.[table] ?? []).map((r) => fromWireItem(isPut ? r.PutRequest?.Item : r.DeleteRequest?.Key)!);
          unprocessed[table] = pending;
          data[table] = entries.map((entry) => fromWireItem(toWireMap(entry))).filter((plain) => !pending.some((p) => sameKey(p, plain!)));
        }
        return isPut ? { data, unprocessedItems: unprocessed } : { data, unprocessedKeys: unprocessed };
      }
      case 'TransactGetItems': {
        const items = requireField(req, 'transactItems') as { table: string; key: Record<string, TypedValue>; projection?: ExpressionObject }[];
        const out = await this.client.send(
          new TransactGetItemsCommand({
            TransactItems: items.map((item) => ({
              Get: {
                TableName: item.table,
                Key: toWireMap(item.key),
                ProjectionExpression: item.projection?.expression,
                ExpressionAttributeNames: item.projection?.expressionNames,
              },
            })),
          }),
        );
        return { items: (out.Responses ?? []).map((r) => fromWireItem(r.Item)), cancellationReasons: null };
      }
      case 'TransactWriteItems': {
        const items = requireField(req, 'transactItems') as Req[];
        await this.client.send(new TransactWriteItemsCommand({ TransactItems: items.map(transactWriteItem) }));
        return { keys: items.map((item) => fromWireItem(toWireMap(item.key))), cancellationReasons: null };
      }
      default:
        throw new DynamoDbRequestError(
          `Unknown DynamoDB operation "${String(req.operation)}": use GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, BatchGetItem, BatchPutItem, BatchDeleteItem, TransactGetItems or TransactWriteItems`,
        );
    }
  }
}

function transactWriteItem(item: Req): TransactWriteItem {
  const TableName = item.table as string;
  const Key = toWireMap(item.key);
  const condition = item.condition as (ExpressionObject & { returnValuesOnConditionCheckFailure?: boolean }) | undefined;
  const conditionFields = {
    ConditionExpression: condition?.expression,
    ReturnValuesOnConditionCheckFailure: condition?.returnValuesOnConditionCheckFailure ? ('ALL_OLD' as const) : undefined,
  };
  switch (item.operation) {
    case 'PutItem':
      return { Put: { TableName, Item: toWireMap({ ...(item.attributeValues ?? {}), ...item.key })!, ...conditionFields, ...attributes(condition) } };
    case 'UpdateItem':
      return { Update: { TableName, Key, UpdateExpression: item.update?.expression, ...conditionFields, ...attributes(item.update, condition) } };
    case 'DeleteItem':
      return { Delete: { TableName, Key, ...conditionFields, ...attributes(condition) } };
    case 'ConditionCheck':
      return { ConditionCheck: { TableName, Key, ConditionExpression: condition?.expression ?? '', ...attributes(condition) } as never };
    default:
      throw new DynamoDbRequestError(`Unknown transactItems operation "${String(item.operation)}": use PutItem, UpdateItem, DeleteItem or ConditionCheck`);
  }
}

function sameKey(item: Record<string, unknown>, key: Record<string, unknown>): boolean {
  return Object.entries(key).every(([name, value]) => item[name] === value);
}
