// The @aws-appsync/utils/dynamodb module: helpers that build DynamoDB data source requests.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
// Request shapes: https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
// Every named export here is what resolver code sees (modules.ts spreads this module).
import {
  DynamoDbHelperError,
  isPlainObject,
  optionalObject,
  optionalSelect,
  optionalStringList,
  optionalType,
  requireArray,
  requireObject,
  type Obj,
} from './dynamodbHelperInput';
import { filterOrCondition, present, projection, queryExpression, transactCondition, typedItem, typedKey } from './dynamodbRequestParts';
import { keepTyped } from './dynamodbValues';
import { updateExpression } from './updateExpression';

export { operations } from './dynamodbOperations';

function input(helper: string, payload: unknown): Obj {
  return requireObject(helper, 'its argument', payload);
}

/** Fields for conflict detection and sync, passed through as the request types declare them. */
function versioning(helper: string, i: Obj) {
  return {
    customPartitionKey: optionalType<string>(helper, 'customPartitionKey', i.customPartitionKey, 'string'),
    populateIndexFields: optionalType<boolean>(helper, 'populateIndexFields', i.populateIndexFields, 'boolean'),
    _version: optionalType<number>(helper, '_version', i._version, 'number'),
  };
}

export function get(payload: unknown) {
  const i = input('get', payload);
  return present({
    operation: 'GetItem',
    key: typedKey('get', 'key', i.key),
    consistentRead: optionalType<boolean>('get', 'consistentRead', i.consistentRead, 'boolean'),
    projection: projection('get', optionalStringList('get', 'projection', i.projection)),
  });
}

export function put(payload: unknown) {
  const i = input('put', payload);
  return present({
    operation: 'PutItem',
    key: typedKey('put', 'key', i.key),
    attributeValues: typedItem('put', 'item', i.item),
    condition: filterOrCondition('put', 'condition', i.condition),
    ...versioning('put', i),
  });
}

export function remove(payload: unknown) {
  const i = input('remove', payload);
  return present({
    operation: 'DeleteItem',
    key: typedKey('remove', 'key', i.key),
    condition: filterOrCondition('remove', 'condition', i.condition),
    ...versioning('remove', i),
  });
}

export function update(payload: unknown) {
  const i = input('update', payload);
  return present({
    operation: 'UpdateItem',
    key: typedKey('update', 'key', i.key),
    update: updateExpression(requireObject('update', 'update', i.update)),
    condition: filterOrCondition('update', 'condition', i.condition),
    ...versioning('update', i),
  });
}

function listing(helper: string, i: Obj) {
  return {
    index: optionalType<string>(helper, 'index', i.index, 'string'),
    limit: optionalType<number>(helper, 'limit', i.limit, 'number'),
    nextToken: optionalType<string>(helper, 'nextToken', i.nextToken, 'string'),
    consistentRead: optionalType<boolean>(helper, 'consistentRead', i.consistentRead, 'boolean'),
    select: optionalSelect(helper, i.select),
    filter: filterOrCondition(helper, 'filter', i.filter),
    projection: projection(helper, optionalStringList(helper, 'projection', i.projection)),
  };
}

export function query(payload: unknown) {
  const i = input('query', payload);
  return present({
    operation: 'Query',
    query: queryExpression('query', i.query),
    scanIndexForward: optionalType<boolean>('query', 'scanIndexForward', i.scanIndexForward, 'boolean'),
    ...listing('query', i),
  });
}

export function scan(payload: unknown = {}) {
  const i = input('scan', payload ?? {});
  return present({
    operation: 'Scan',
    totalSegments: optionalType<number>('scan', 'totalSegments', i.totalSegments, 'number'),
    segment: optionalType<number>('scan', 'segment', i.segment, 'number'),
    ...listing('scan', i),
  });
}

export function sync(payload: unknown = {}) {
  const i = input('sync', payload ?? {});
  return present({
    operation: 'Sync',
    basePartitionKey: optionalType<string>('sync', 'basePartitionKey', i.basePartitionKey, 'string'),
    deltaIndexName: optionalType<string>('sync', 'deltaIndexName', i.deltaIndexName, 'string'),
    limit: optionalType<number>('sync', 'limit', i.limit, 'number'),
    nextToken: optionalType<string>('sync', 'nextToken', i.nextToken, 'string'),
    lastSync: optionalType<number>('sync', 'lastSync', i.lastSync, 'number'),
    filter: filterOrCondition('sync', 'filter', i.filter),
  });
}

function tables(helper: string, i: Obj): [string, unknown][] {
  const entries = Object.entries(requireObject(helper, 'tables', i.tables));
  if (entries.length === 0) throw new DynamoDbHelperError(`${helper}: tables needs at least one table`);
  return entries;
}

export function batchGet(payload: unknown) {
  const h = 'batchGet';
  const i = input(h, payload);
  const out = tables(h, i).map(([table, spec]) => {
    const s = requireObject(h, `tables.${table}`, spec);
    const keys = requireArray(h, `tables.${table}.keys`, s.keys).map((key, n) => typedKey(h, `tables.${table}.keys[${n}]`, key));
    return [
      table,
      present({
        keys,
        consistentRead: optionalType<boolean>(h, `tables.${table}.consistentRead`, s.consistentRead, 'boolean'),
        projection: projection(h, optionalStringList(h, `tables.${table}.projection`, s.projection)),
      }),
    ];
  });
  return { operation: 'BatchGetItem', tables: Object.fromEntries(out) };
}

export function batchPut(payload: unknown) {
  const h = 'batchPut';
  const i = input(h, payload);
  const out = tables(h, i).map(([table, items]) => [
    table,
    requireArray(h, `tables.${table}`, items).map((item, n) => typedItem(h, `tables.${table}[${n}]`, item)),
  ]);
  return { operation: 'BatchPutItem', tables: Object.fromEntries(out) };
}

export function batchDelete(payload: unknown) {
  const h = 'batchDelete';
  const i = input(h, payload);
  const out = tables(h, i).map(([table, keys]) => [
    table,
    requireArray(h, `tables.${table}`, keys).map((key, n) => typedKey(h, `tables.${table}[${n}]`, key)),
  ]);
  return { operation: 'BatchDeleteItem', tables: Object.fromEntries(out) };
}

function tableName(helper: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw new DynamoDbHelperError(`${helper}: ${field} must be a table name`);
  return value;
}

export function transactGet(payload: unknown) {
  const h = 'transactGet';
  const i = input(h, payload);
  const transactItems = requireArray(h, 'items', i.items).map((entry, n) => {
    const item = requireObject(h, `items[${n}]`, entry);
    return present({
      table: tableName(h, `items[${n}].table`, item.table),
      key: typedKey(h, `items[${n}].key`, item.key),
      projection: projection(h, optionalStringList(h, `items[${n}].projection`, item.projection)),
    });
  });
  return { operation: 'TransactGetItems', transactItems };
}

const WRITE_KINDS = ['putItem', 'updateItem', 'deleteItem', 'conditionCheck'] as const;

function transactWriteItem(entry: unknown, n: number) {
  const h = 'transactWrite';
  const wrapper = requireObject(h, `items[${n}]`, entry);
  const kinds = WRITE_KINDS.filter((kind) => isPlainObject(wrapper[kind]));
  if (kinds.length !== 1 || Object.keys(wrapper).length !== 1) {
    throw new DynamoDbHelperError(`${h}: items[${n}] must hold exactly one of ${WRITE_KINDS.join(', ')}`);
  }
  const kind = kinds[0];
  const at = `items[${n}].${kind}`;
  const spec = wrapper[kind] as Obj;
  const common = { table: tableName(h, `${at}.table`, spec.table), key: typedKey(h, `${at}.key`, spec.key) };
  switch (kind) {
    case 'putItem':
      return present({ ...common, operation: 'PutItem', attributeValues: typedItem(h, `${at}.item`, spec.item), condition: transactCondition(h, spec.condition) });
    case 'updateItem':
      return present({
        ...common,
        operation: 'UpdateItem',
        update: updateExpression(requireObject(h, `${at}.update`, spec.update)),
        condition: transactCondition(h, spec.condition),
      });
    case 'deleteItem':
      return present({ ...common, operation: 'DeleteItem', condition: transactCondition(h, spec.condition) });
    case 'conditionCheck': {
      // "For ConditionCheck, the transaction condition expression is required."
      const condition = transactCondition(h, optionalObject(h, `${at}.condition`, spec.condition));
      if (!condition) throw new DynamoDbHelperError(`${h}: ${at}.condition is required and must constrain something`);
      return { ...common, operation: 'ConditionCheck', condition };
    }
  }
}

export function transactWrite(payload: unknown) {
  const i = input('transactWrite', payload);
  return { operation: 'TransactWriteItems', transactItems: requireArray('transactWrite', 'items', i.items).map(transactWriteItem) };
}

function setOf<T>(helper: string, list: unknown, check: (v: unknown) => boolean, what: string): T[] {
  const values = requireArray(helper, 'its argument', list);
  for (const v of values) if (!check(v)) throw new DynamoDbHelperError(`${helper}: every entry must be ${what}, got ${JSON.stringify(v)}`);
  return [...(values as T[])];
}

// The set helpers return values that put/update/conditions keep as sets (dynamodbValues.ts).
// Numbers stay numbers, as util.dynamodb.toNumberSet shows them ({ NS: [1, 23, 4.56] });
// the type definition's example prints them as strings; both reach DynamoDB as the same NS.
export const toStringSet = (list: string[]) => keepTyped({ SS: setOf<string>('toStringSet', list, (v) => typeof v === 'string', 'a string') });
export const toNumberSet = (list: number[]) =>
  keepTyped({ NS: setOf<number>('toNumberSet', list, (v) => typeof v === 'number' && Number.isFinite(v), 'a finite number') });
export const toBinarySet = (list: string[]) => keepTyped({ BS: setOf<string>('toBinarySet', list, (v) => typeof v === 'string', 'a base64 string') });
