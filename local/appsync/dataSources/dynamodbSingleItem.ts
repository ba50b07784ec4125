// GetItem, PutItem, UpdateItem and DeleteItem requests of the DynamoDB data source.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
// ctx.result is the item as plain JSON: the item read (null when there is none), the item
// written (key + attributeValues), the item after the update (ALL_NEW), the item deleted
// (ALL_OLD, null when there was none).
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { fromWireItem, toWireMap, type TypedValue } from '../runtime/dynamodbValues';
import type { DataSourceResult } from './dataSource';
import { checkConditionHandler, onConditionFailed, type SingleWrite } from './dynamodbConditionFailure';
import type { DynamoDbContext } from './dynamodbContext';
import { isConditionalCheckFailed } from './dynamodbErrors';
import { expressionAttributes, type ExpressionObject } from './dynamodbExpressionAttributes';
import { optional, required, type Req } from './dynamodbRequestShape';

type Typed = Record<string, TypedValue>;

export async function getItem(ctx: DynamoDbContext, req: Req): Promise<DataSourceResult> {
  const projection = optional<ExpressionObject>(req, ['projection'], 'object');
  if (projection) required(req, ['projection', 'expression'], 'string');
  const out = await ctx.client.send(
    new GetItemCommand({
      TableName: ctx.tableName,
      Key: toWireMap(required<Typed>(req, ['key'], 'object')),
      ConsistentRead: optional<boolean>(req, ['consistentRead'], 'boolean'),
      ProjectionExpression: projection?.expression,
      ...expressionAttributes(projection),
    }),
  );
  return { result: fromWireItem(out.Item) };
}

function condition(req: Req) {
  const c = optional<Req>(req, ['condition'], 'object');
  if (!c) return { condition: undefined, fields: {} };
  required(req, ['condition', 'expression'], 'string');
  optional(req, ['condition', 'equalsIgnore'], 'array');
  optional(req, ['condition', 'consistentRead'], 'boolean');
  checkConditionHandler(c);
  return { condition: c as ExpressionObject, fields: { ConditionExpression: c.expression as string } };
}

async function send(ctx: DynamoDbContext, kind: SingleWrite, req: Req): Promise<unknown> {
  const TableName = ctx.tableName;
  const key = required<Typed>(req, ['key'], 'object');
  const { condition: cond, fields } = condition(req);
  switch (kind) {
    case 'PutItem': {
      const Item = toWireMap({ ...(optional<Typed>(req, ['attributeValues'], 'object') ?? {}), ...key })!;
      await ctx.client.send(new PutItemCommand({ TableName, Item, ...fields, ...expressionAttributes(cond) }));
      return fromWireItem(Item);
    }
    case 'UpdateItem': {
      const update = required<ExpressionObject>(req, ['update'], 'object');
      required(req, ['update', 'expression'], 'string');
      const out = await ctx.client.send(
        new UpdateItemCommand({
          TableName,
          Key: toWireMap(key),
          UpdateExpression: update.expression,
          ReturnValues: 'ALL_NEW',
          ...fields,
          ...expressionAttributes(update, cond),
        }),
      );
      return fromWireItem(out.Attributes);
    }
    case 'DeleteItem': {
      const out = await ctx.client.send(
        new DeleteItemCommand({ TableName, Key: toWireMap(key), ReturnValues: 'ALL_OLD', ...fields, ...expressionAttributes(cond) }),
      );
      return fromWireItem(out.Attributes);
    }
  }
}

/** A write, with AppSync's handling of a failed condition (dynamodbConditionFailure.ts). */
export async function writeItem(ctx: DynamoDbContext, kind: SingleWrite, req: Req): Promise<DataSourceResult> {
  try {
    return { result: await send(ctx, kind, req) };
  } catch (error) {
    if (!isConditionalCheckFailed(error) || !req.condition) throw error;
    return onConditionFailed(ctx, kind, req, error, (retried) => send(ctx, kind, retried));
  }
}
