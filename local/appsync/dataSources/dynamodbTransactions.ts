// TransactGetItems and TransactWriteItems requests of the DynamoDB data source.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
// - TransactGetItems: { items (request order, null where no item), cancellationReasons }.
// - TransactWriteItems: { keys (request order), cancellationReasons }.
// Both keys are always present in ctx.result. On TransactionCanceledException ctx.error is
// set and cancellationReasons lists { type, message } per request item, in order, with `item`
// (the existing item) where a condition failed and returnValuesOnConditionCheckFailure was
// not false.
import {
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type CancellationReason,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { fromWireItem, toWireMap, type TypedValue } from '../runtime/dynamodbValues';
import type { DataSourceResult } from './dataSource';
import type { DynamoDbContext } from './dynamodbContext';
import { toDataSourceError } from './dynamodbErrors';
import { expressionAttributes, type ExpressionObject } from './dynamodbExpressionAttributes';
import { optional, required, type Req } from './dynamodbRequestShape';

type Typed = Record<string, TypedValue>;

function cancellationReasons(error: unknown) {
  const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons;
  if ((error as Error)?.name !== 'TransactionCanceledException' || !reasons) return null;
  return reasons.map((reason) => {
    const type = reason.Code ?? 'None';
    // The documented example shows { type: "None", message: "None" } for an item that did not fail.
    const message = reason.Message ?? (type === 'None' ? 'None' : null);
    return { type, message, ...(reason.Item ? { item: fromWireItem(reason.Item) } : {}) };
  });
}

function transactItems(req: Req): Req[] {
  const items = required<Req[]>(req, ['transactItems'], 'array');
  return items.map((_, i) => required<Req>(req, ['transactItems', String(i)], 'object'));
}

export async function transactGetItems(ctx: DynamoDbContext, req: Req): Promise<DataSourceResult> {
  const gets = transactItems(req).map((_, i) => {
    const at = ['transactItems', String(i)];
    const projection = optional<ExpressionObject>(req, [...at, 'projection'], 'object');
    if (projection) required(req, [...at, 'projection', 'expression'], 'string');
    return {
      Get: {
        TableName: required<string>(req, [...at, 'table'], 'string'),
        Key: toWireMap(required<Typed>(req, [...at, 'key'], 'object')),
        ProjectionExpression: projection?.expression,
        ExpressionAttributeNames: projection?.expressionNames,
      },
    };
  });
  try {
    const out = await ctx.client.send(new TransactGetItemsCommand({ TransactItems: gets }));
    return { result: { items: (out.Responses ?? []).map((r) => fromWireItem(r.Item)), cancellationReasons: null } };
  } catch (error) {
    return { result: { items: null, cancellationReasons: cancellationReasons(error) }, error: toDataSourceError(error) };
  }
}

function writeItem(req: Req, i: number): TransactWriteItem {
  const at = ['transactItems', String(i)];
  const item = req.transactItems[i] as Req;
  const TableName = required<string>(req, [...at, 'table'], 'string');
  const key = required<Typed>(req, [...at, 'key'], 'object');
  // "For ConditionCheck, the transaction condition expression is required."
  const condition = item.operation === 'ConditionCheck' ? required<Req>(req, [...at, 'condition'], 'object') : optional<Req>(req, [...at, 'condition'], 'object');
  if (condition) required(req, [...at, 'condition', 'expression'], 'string');
  const returnOld = optional<boolean>(req, [...at, 'condition', 'returnValuesOnConditionCheckFailure'], 'boolean') !== false;
  const conditionFields = condition
    ? { ConditionExpression: condition.expression as string, ReturnValuesOnConditionCheckFailure: returnOld ? ('ALL_OLD' as const) : ('NONE' as const) }
    : {};
  const cond = condition as ExpressionObject | undefined;
  switch (item.operation) {
    case 'PutItem': {
      const Item = toWireMap({ ...(optional<Typed>(req, [...at, 'attributeValues'], 'object') ?? {}), ...key })!;
      return { Put: { TableName, Item, ...conditionFields, ...expressionAttributes(cond) } };
    }
    case 'UpdateItem': {
      const update = required<ExpressionObject>(req, [...at, 'update'], 'object');
      required(req, [...at, 'update', 'expression'], 'string');
      return { Update: { TableName, Key: toWireMap(key)!, UpdateExpression: update.expression, ...conditionFields, ...expressionAttributes(update, cond) } };
    }
    case 'DeleteItem':
      return { Delete: { TableName, Key: toWireMap(key)!, ...conditionFields, ...expressionAttributes(cond) } };
    default:
      // ConditionCheck always has a condition (required above), so conditionFields names it.
      return { ConditionCheck: { TableName, Key: toWireMap(key)!, ConditionExpression: cond!.expression, ReturnValuesOnConditionCheckFailure: conditionFields.ReturnValuesOnConditionCheckFailure, ...expressionAttributes(cond) } };
  }
}

export async function transactWriteItems(ctx: DynamoDbContext, req: Req): Promise<DataSourceResult> {
  const items = transactItems(req);
  const writes = items.map((_, i) => writeItem(req, i));
  try {
    await ctx.client.send(new TransactWriteItemsCommand({ TransactItems: writes }));
    return { result: { keys: items.map((item) => fromWireItem(toWireMap(item.key))), cancellationReasons: null } };
  } catch (error) {
    return { result: { keys: null, cancellationReasons: cancellationReasons(error) }, error: toDataSourceError(error) };
  }
}
