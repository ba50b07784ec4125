// What AppSync does when the condition of a PutItem, UpdateItem or DeleteItem fails, as the
// "Handling a condition check failure" section of the JS resolver reference describes it:
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
//
// 1. Read the current item with GetItem (strongly consistent unless condition.consistentRead
//    is false).
// 2. If it already is the desired result, the write counts as a success and ctx.result is the
//    item read: for PutItem, the item equals the one it tried to write except for the
//    attributes in equalsIgnore; for DeleteItem, there is no item. UpdateItem never matches.
// 3. Otherwise follow conditionalCheckFailedHandler.strategy (default Reject):
//    - Reject: ctx.error is the DynamoDB error and ctx.result the current item;
//    - Custom: a Lambda function decides: reject, discard (success with the current item) or
//      retry with a retryMapping (same operation and key; if the retry fails, Reject).
import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { fromWireItem, toTypedMap, toWireMap, type TypedValue } from '../runtime/dynamodbValues';
import type { DataSourceResult } from './dataSource';
import type { DynamoDbContext } from './dynamodbContext';
import { MappingTemplateError, isConditionalCheckFailed, toDataSourceError } from './dynamodbErrors';
import { sameItem } from './dynamodbItemEquality';
import type { Req } from './dynamodbRequestShape';

export type SingleWrite = 'PutItem' | 'UpdateItem' | 'DeleteItem';

/** Runs one write request; throws DynamoDB's error when it fails. */
export type Send = (request: Req) => Promise<unknown>;

type Item = Record<string, AttributeValue> | undefined;

const RETRY_ELEMENTS: Record<SingleWrite, string[]> = {
  PutItem: ['attributeValues', 'condition'],
  UpdateItem: ['update', 'condition'],
  DeleteItem: ['condition'],
};

/** Checks conditionalCheckFailedHandler before the write, so a bad one fails every time. */
export function checkConditionHandler(condition: Req | undefined) {
  const handler = condition?.conditionalCheckFailedHandler;
  if (handler === undefined || handler === null) return;
  if (handler.strategy !== 'Reject' && handler.strategy !== 'Custom') {
    throw new MappingTemplateError(`conditionalCheckFailedHandler.strategy must be Custom or Reject, got ${JSON.stringify(handler.strategy)}.`);
  }
  if (handler.strategy === 'Custom' && (typeof handler.lambdaArn !== 'string' || handler.lambdaArn.length === 0)) {
    throw new MappingTemplateError('conditionalCheckFailedHandler.lambdaArn is required when strategy is Custom.');
  }
  if (handler.strategy === 'Reject' && handler.lambdaArn !== undefined && handler.lambdaArn !== null) {
    throw new MappingTemplateError('conditionalCheckFailedHandler.lambdaArn must only be specified when strategy is Custom.');
  }
}

async function currentItem(ctx: DynamoDbContext, req: Req): Promise<Item> {
  const out = await ctx.client.send(
    new GetItemCommand({ TableName: ctx.tableName, Key: toWireMap(req.key), ConsistentRead: req.condition?.consistentRead ?? true }),
  );
  return out.Item;
}

function isDesiredResult(kind: SingleWrite, req: Req, current: Item): boolean {
  if (kind === 'DeleteItem') return current === undefined;
  if (kind === 'UpdateItem' || current === undefined) return false;
  const attempted = toWireMap({ ...(req.attributeValues ?? {}), ...req.key } as Record<string, TypedValue>)!;
  return sameItem(attempted, current, req.condition?.equalsIgnore ?? []);
}

const reject = (current: Item, error: unknown): DataSourceResult => ({ result: fromWireItem(current), error: toDataSourceError(error) });

export async function onConditionFailed(ctx: DynamoDbContext, kind: SingleWrite, req: Req, error: unknown, send: Send): Promise<DataSourceResult> {
  const current = await currentItem(ctx, req);
  if (isDesiredResult(kind, req, current)) return { result: fromWireItem(current) };
  const handler = req.condition?.conditionalCheckFailedHandler;
  if (!handler || handler.strategy === 'Reject') return reject(current, error);
  return custom(ctx, kind, req, error, current, handler.lambdaArn as string, send);
}

async function custom(ctx: DynamoDbContext, kind: SingleWrite, req: Req, error: unknown, current: Item, lambdaArn: string, send: Send): Promise<DataSourceResult> {
  const failure = toDataSourceError(error);
  if (!ctx.conditionLambda) {
    return {
      result: fromWireItem(current),
      error: {
        type: 'UnsupportedOperation',
        message: `The condition failed and conditionalCheckFailedHandler strategy Custom asks Lambda function ${lambdaArn} what to do; the local AppSync cannot run Lambda functions. DynamoDB said: ${failure.message}`,
      },
    };
  }
  const { invocation } = ctx;
  let answer: unknown;
  try {
    answer = await ctx.conditionLambda(lambdaArn, {
      arguments: invocation.arguments ?? {},
      requestMapping: req,
      currentValue: current ? toTypedMap(current) : null,
      resolver: { tableName: ctx.tableName, awsRegion: ctx.region, ...invocation.resolver },
      identity: invocation.identity ?? null,
    });
  } catch (e) {
    return { result: fromWireItem(current), error: { type: 'Lambda:Unhandled', message: (e as Error)?.message ?? String(e) } };
  }
  const action = (answer as Req | null)?.action;
  if (action === 'reject') return reject(current, error);
  if (action === 'discard') return { result: fromWireItem(current) };
  if (action !== 'retry') {
    throw new MappingTemplateError(`The conditionalCheckFailedHandler Lambda must answer { action: "reject" | "discard" | "retry" }, got ${JSON.stringify(answer)}.`);
  }
  return retry(ctx, kind, req, (answer as Req).retryMapping, send);
}

async function retry(ctx: DynamoDbContext, kind: SingleWrite, req: Req, mapping: unknown, send: Send): Promise<DataSourceResult> {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    throw new MappingTemplateError('A retry answer needs a retryMapping object.');
  }
  const retryMapping = mapping as Req;
  for (const name of Object.keys(retryMapping)) {
    if (!RETRY_ELEMENTS[kind].includes(name)) throw new MappingTemplateError(`Unsupported element '$[retryMapping][${name}]' for ${kind}.`);
  }
  // Same operation and key; the retry's condition may not name another handler, and a failed
  // retry follows Reject.
  const { conditionalCheckFailedHandler: _dropped, ...base } = req.condition ?? {};
  const { conditionalCheckFailedHandler: _ignored, ...override } = (retryMapping.condition ?? {}) as Req;
  const retried: Req = { ...req, ...retryMapping, condition: { ...base, ...override } };
  try {
    return { result: await send(retried) };
  } catch (e) {
    if (!isConditionalCheckFailed(e)) throw e;
    return reject(await currentItem(ctx, retried), e);
  }
}
