// The @aws-appsync/utils/dynamodb module: helpers that build DynamoDB data source requests.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
import { toMapValues } from './dynamodbValues';
import { ExpressionBuilder, filterExpression, keyConditionExpression } from './expressions';

type Obj = Record<string, unknown>;

const present = (entries: Obj) => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null));

function condition(filter: Obj | null | undefined) {
  return filter ? filterExpression(filter) : undefined;
}

function projection(fields: string[] | undefined) {
  if (!fields || fields.length === 0) return undefined;
  const b = new ExpressionBuilder();
  const expression = fields.map((field) => b.name(field.split('.'))).join(', ');
  return { expression, expressionNames: b.names };
}

export function get(input: { key: Obj; consistentRead?: boolean; projection?: string[] }) {
  return present({
    operation: 'GetItem',
    key: toMapValues(input.key),
    consistentRead: input.consistentRead,
    projection: projection(input.projection),
  });
}

export function put(input: { key: Obj; item: Obj; condition?: Obj; _version?: number }) {
  return present({
    operation: 'PutItem',
    key: toMapValues(input.key),
    attributeValues: toMapValues(input.item ?? {}),
    condition: condition(input.condition),
    _version: input._version,
  });
}

export function remove(input: { key: Obj; condition?: Obj; _version?: number }) {
  return present({ operation: 'DeleteItem', key: toMapValues(input.key), condition: condition(input.condition), _version: input._version });
}

export function query(input: Obj & { query: Record<string, Obj> }) {
  return present({
    operation: 'Query',
    query: keyConditionExpression(input.query),
    index: input.index,
    limit: input.limit,
    nextToken: input.nextToken,
    scanIndexForward: input.scanIndexForward,
    consistentRead: input.consistentRead,
    select: input.select,
    filter: condition(input.filter as Obj | undefined),
    projection: projection(input.projection as string[] | undefined),
  });
}

export function scan(input: Obj = {}) {
  return present({
    operation: 'Scan',
    index: input.index,
    limit: input.limit,
    nextToken: input.nextToken,
    consistentRead: input.consistentRead,
    select: input.select,
    totalSegments: input.totalSegments,
    segment: input.segment,
    filter: condition(input.filter as Obj | undefined),
    projection: projection(input.projection as string[] | undefined),
  });
}

export const toStringSet = (list: string[]) => ({ SS: list });
export const toNumberSet = (list: number[]) => ({ NS: list });
export const toBinarySet = (list: string[]) => ({ BS: list });
