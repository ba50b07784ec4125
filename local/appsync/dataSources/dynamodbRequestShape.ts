// The request objects the DynamoDB data source accepts, element by element, as the request
// types of the JS resolver reference list them. AppSync refuses an element it does not know
// ("Unsupported element '$[condition][returnValuesOnConditionCheckFailure]'." for that field
// on a single-item write: https://github.com/aws/aws-appsync-community/issues/110).
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
import { MappingTemplateError } from './dynamodbErrors';

export type Req = Record<string, any>;

const EXPRESSION = ['expression', 'expressionNames', 'expressionValues'];
const PROJECTION = ['expression', 'expressionNames'];
const CONDITION = [...EXPRESSION, 'equalsIgnore', 'consistentRead', 'conditionalCheckFailedHandler'];
const TRANSACT_CONDITION = [...EXPRESSION, 'returnValuesOnConditionCheckFailure'];
const VERSIONING = ['customPartitionKey', 'populateIndexFields', '_version'];

// `version` is the mapping-template field; JS request objects copied from older resolvers
// still carry it, so it is accepted and ignored.
const TOP: Record<string, string[]> = {
  GetItem: ['key', 'consistentRead', 'projection'],
  PutItem: ['key', 'attributeValues', 'condition', ...VERSIONING],
  UpdateItem: ['key', 'update', 'condition', ...VERSIONING],
  DeleteItem: ['key', 'condition', ...VERSIONING],
  Query: ['query', 'index', 'nextToken', 'limit', 'scanIndexForward', 'consistentRead', 'select', 'filter', 'projection'],
  Scan: ['index', 'limit', 'consistentRead', 'nextToken', 'totalSegments', 'segment', 'select', 'filter', 'projection'],
  Sync: ['basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync', 'filter'],
  BatchGetItem: ['tables'],
  BatchPutItem: ['tables'],
  BatchDeleteItem: ['tables'],
  TransactGetItems: ['transactItems'],
  TransactWriteItems: ['transactItems'],
};

const NESTED: Record<string, string[]> = {
  projection: PROJECTION,
  filter: EXPRESSION,
  query: EXPRESSION,
  update: EXPRESSION,
  condition: CONDITION,
};

const TRANSACT_WRITE: Record<string, string[]> = {
  PutItem: ['table', 'operation', 'key', 'attributeValues', 'condition'],
  UpdateItem: ['table', 'operation', 'key', 'update', 'condition'],
  DeleteItem: ['table', 'operation', 'key', 'condition'],
  ConditionCheck: ['table', 'operation', 'key', 'condition'],
};

export const OPERATIONS = Object.keys(TOP);

const at = (path: string[]) => path.map((p) => `[${p}]`).join('');

function isObject(value: unknown): value is Req {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(value: unknown, allowed: string[], path: string[]) {
  if (!isObject(value)) throw new MappingTemplateError(`Expected an object at '$${at(path)}'.`);
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) throw new MappingTemplateError(`Unsupported element '$${at([...path, name])}'.`);
  }
}

function present(value: unknown) {
  return value !== undefined && value !== null;
}

/** Throws MappingTemplateError for an element the operation does not have. */
export function checkRequestShape(req: unknown): asserts req is Req {
  if (!isObject(req)) throw new MappingTemplateError('The request must be an object with an "operation".');
  const operation = req.operation;
  if (typeof operation !== 'string' || !Object.hasOwn(TOP, operation)) {
    throw new MappingTemplateError(`Unsupported operation '${String(operation)}': use ${OPERATIONS.join(', ')}.`);
  }
  only(req, ['operation', 'version', ...TOP[operation]], []);
  for (const [name, allowed] of Object.entries(NESTED)) {
    if (present(req[name])) only(req[name], allowed, [name]);
  }
  if (present(req.condition?.conditionalCheckFailedHandler)) {
    only(req.condition.conditionalCheckFailedHandler, ['strategy', 'lambdaArn'], ['condition', 'conditionalCheckFailedHandler']);
  }
  if (operation === 'BatchGetItem' && isObject(req.tables)) {
    for (const [table, spec] of Object.entries(req.tables)) {
      only(spec, ['keys', 'consistentRead', 'projection'], ['tables', table]);
      if (present((spec as Req).projection)) only((spec as Req).projection, PROJECTION, ['tables', table, 'projection']);
    }
  }
  if (operation === 'TransactGetItems' && Array.isArray(req.transactItems)) {
    req.transactItems.forEach((item: unknown, i: number) => {
      only(item, ['table', 'key', 'projection'], ['transactItems', String(i)]);
      if (present((item as Req).projection)) only((item as Req).projection, PROJECTION, ['transactItems', String(i), 'projection']);
    });
  }
  if (operation === 'TransactWriteItems' && Array.isArray(req.transactItems)) {
    req.transactItems.forEach((item: unknown, i: number) => {
      const path = ['transactItems', String(i)];
      const kind = isObject(item) ? item.operation : undefined;
      if (typeof kind !== 'string' || !Object.hasOwn(TRANSACT_WRITE, kind)) {
        throw new MappingTemplateError(`Unsupported operation '${String(kind)}' at '$${at(path)}': use PutItem, UpdateItem, DeleteItem or ConditionCheck.`);
      }
      only(item, TRANSACT_WRITE[kind], path);
      if (present((item as Req).update)) only((item as Req).update, EXPRESSION, [...path, 'update']);
      if (present((item as Req).condition)) only((item as Req).condition, TRANSACT_CONDITION, [...path, 'condition']);
    });
  }
}

type Kind = 'object' | 'string' | 'array' | 'number' | 'boolean';

function kindOf(value: unknown): Kind | 'other' {
  if (Array.isArray(value)) return 'array';
  if (isObject(value)) return 'object';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'other';
}

/** A field the operation cannot do without. */
export function required<T = any>(req: Req, path: string[], kind: Kind): T {
  const value = path.reduce<any>((v, p) => (v === undefined || v === null ? undefined : v[p]), req);
  if (!present(value)) throw new MappingTemplateError(`Missing required element '$${at(path)}' for ${req.operation}.`);
  if (kindOf(value) !== kind) throw new MappingTemplateError(`Element '$${at(path)}' must be a${kind === 'object' || kind === 'array' ? 'n' : ''} ${kind}.`);
  return value as T;
}

/** A field that may be left out, but has a type when given. */
export function optional<T = any>(req: Req, path: string[], kind: Kind): T | undefined {
  const value = path.reduce<any>((v, p) => (v === undefined || v === null ? undefined : v[p]), req);
  if (!present(value)) return undefined;
  if (kindOf(value) !== kind) throw new MappingTemplateError(`Element '$${at(path)}' must be a${kind === 'object' || kind === 'array' ? 'n' : ''} ${kind}.`);
  return value as T;
}
