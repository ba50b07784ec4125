// BatchGetItem, BatchPutItem and BatchDeleteItem requests of the DynamoDB data source.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html
// Results are per table, in request order; an item not found or not processed is null there,
// and unprocessed keys/items are listed apart. `data`, `unprocessedKeys` (`unprocessedItems`
// for BatchPutItem) and every requested table are always present, with ctx.error on failure,
// so a failed call reports everything as unprocessed.
import { BatchGetItemCommand, BatchWriteItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { fromWireItem, toWireMap, type TypedValue } from '../runtime/dynamodbValues';
import type { DataSourceResult } from './dataSource';
import type { DynamoDbContext } from './dynamodbContext';
import { MappingTemplateError, toDataSourceError } from './dynamodbErrors';
import { hasKey, sameItem } from './dynamodbItemEquality';
import type { ExpressionObject } from './dynamodbExpressionAttributes';
import { optional, required, type Req } from './dynamodbRequestShape';

type Wire = Record<string, AttributeValue>;
type PerTable<T> = Record<string, T[]>;

function tablesOf(req: Req): string[] {
  const tables = Object.keys(required<Req>(req, ['tables'], 'object'));
  if (tables.length === 0) throw new MappingTemplateError(`${req.operation} needs at least one table in '$[tables]'.`);
  return tables;
}

function wireList(req: Req, path: string[]): Wire[] {
  return required<unknown[]>(req, path, 'array').map((_, i) => toWireMap(required<Record<string, TypedValue>>(req, [...path, String(i)], 'object'))!);
}

const plain = (items: Wire[]) => items.map((item) => fromWireItem(item));
const mapTables = <T>(tables: string[], f: (table: string) => T[]): PerTable<T> => Object.fromEntries(tables.map((t) => [t, f(t)]));

/** Top-level attribute names a projection expression reads ("#a.b, c[1]" -> a, c). */
function projectedNames(projection: ExpressionObject): string[] {
  return projection.expression.split(',').map((part) => {
    const first = part.trim().split(/[.[]/)[0];
    return first.startsWith('#') ? (projection.expressionNames?.[first] ?? first) : first;
  });
}

/** The projection plus any key attribute it leaves out, so found items can be matched to keys. */
function withKeys(projection: ExpressionObject | undefined, keys: Wire[]) {
  if (!projection) return { added: [] as string[] };
  const names = { ...(projection.expressionNames ?? {}) };
  const have = projectedNames(projection);
  const added = [...new Set(keys.flatMap((k) => Object.keys(k)))].filter((name) => !have.includes(name));
  const extra = added.map((name, i) => {
    let placeholder = `#appsyncKey${i}`;
    while (Object.hasOwn(names, placeholder)) placeholder += '_';
    names[placeholder] = name;
    return placeholder;
  });
  return {
    added,
    ProjectionExpression: [projection.expression, ...extra].join(', '),
    ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
  };
}

export async function batchGetItem(ctx: DynamoDbContext, req: Req): Promise<DataSourceResult> {
  const tables = tablesOf(req);
  const specs = tables.map((table) => {
    const projection = optional<ExpressionObject>(req, ['tables', table, 'projection'], 'object');
    if (projection) required(req, ['tables', table, 'projection', 'expression'], 'string');
    const keys = wireList(req, ['tables', table, 'keys']);
    return { table, keys, projection, consistentRead: optional<boolean>(req, ['tables', table, 'consistentRead'], 'boolean') };
  });
  const keysOf = (table: string) => specs.find((s) => s.table === table)!.keys;
  const shapes = specs.map((s) => ({ ...s, ...withKeys(s.projection, s.keys) }));
  try {
    const out = await ctx.client.send(
      new BatchGetItemCommand({
        RequestItems: Object.fromEntries(
          shapes.map((s) => [
            s.table,
            { Keys: s.keys, ConsistentRead: s.consistentRead, ProjectionExpression: s.ProjectionExpression, ExpressionAttributeNames: s.ExpressionAttributeNames },
          ]),
        ),
      }),
    );
    const data: PerTable<unknown> = {};
    const unprocessedKeys: PerTable<unknown> = {};
    for (const s of shapes) {
      const found = out.Responses?.[s.table] ?? [];
      const pending = out.UnprocessedKeys?.[s.table]?.Keys ?? [];
      unprocessedKeys[s.table] = plain(pending);
      data[s.table] = s.keys.map((key) => {
        if (pending.some((p) => hasKey(p, key))) return null;
        const item = found.find((f) => hasKey(f, key));
        if (!item) return null;
        const shown = { ...item };
        for (const name of s.added) delete shown[name];
        return fromWireItem(shown);
      });
    }
    return { result: { data, unprocessedKeys } };
  } catch (error) {
    return {
      result: { data: mapTables(tables, (t) => keysOf(t).map(() => null)), unprocessedKeys: mapTables(tables, (t) => plain(keysOf(t))) },
      error: toDataSourceError(error),
    };
  }
}

export async function batchWriteItem(ctx: DynamoDbContext, req: Req): Promise<DataSourceResult> {
  const isPut = req.operation === 'BatchPutItem';
  const tables = tablesOf(req);
  const entries = Object.fromEntries(tables.map((table) => [table, wireList(req, ['tables', table])]));
  const unprocessedName = isPut ? 'unprocessedItems' : 'unprocessedKeys';
  try {
    const out = await ctx.client.send(
      new BatchWriteItemCommand({
        RequestItems: Object.fromEntries(
          tables.map((table) => [table, entries[table].map((e) => (isPut ? { PutRequest: { Item: e } } : { DeleteRequest: { Key: e } }))]),
        ),
      }),
    );
    const data: PerTable<unknown> = {};
    const unprocessed: PerTable<unknown> = {};
    for (const table of tables) {
      const pending = (out.UnprocessedItems?.[table] ?? []).map((r) => (isPut ? r.PutRequest?.Item : r.DeleteRequest?.Key) ?? {});
      unprocessed[table] = plain(pending);
      data[table] = entries[table].map((e) => (pending.some((p) => sameItem(p, e)) ? null : fromWireItem(e)));
    }
    return { result: { data, [unprocessedName]: unprocessed } };
  } catch (error) {
    return {
      result: { data: mapTables(tables, (t) => entries[t].map(() => null)), [unprocessedName]: mapTables(tables, (t) => plain(entries[t])) },
      error: toDataSourceError(error),
    };
  }
}
