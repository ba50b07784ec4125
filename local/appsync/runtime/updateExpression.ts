// The update expression behind `update({ key, update })` of @aws-appsync/utils/dynamodb.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html (update, Operations)
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
//
// AWS documents what each operation means but not the expression text it emits, so this
// builds an equivalent one:
// - a plain value sets the attribute; a nested plain object updates only the keys it names
//   (the reason `replace` exists: "update the entire object ... and not just the keys");
// - add: ADD for numbers and sets (DynamoDB's ADD adds to them, creating them if missing),
//   SET for anything else (DynamoDB's ADD takes only numbers and sets);
// - remove: REMOVE; replace: SET of the whole value;
// - increment/decrement: SET a = a + :by / a - :by ("the existing attribute value");
// - append/prepend: SET a = list_append(a, :list) / list_append(:list, a);
// - an array of updateListItem markers: SET a[i] = :value for each.
import { DynamoDbHelperError, isPlainObject, type Obj } from './dynamodbHelperInput';
import { operationOf, type UpdateOperation } from './dynamodbOperations';
import { Placeholders, type PathSegment } from './dynamodbPlaceholders';
import { isKeptTyped, toDynamoDB, type TypedValue } from './dynamodbValues';

export type UpdateExpression = {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues?: Record<string, TypedValue>;
};

type Clauses = { SET: string[]; ADD: string[]; REMOVE: string[] };

const hintOf = (path: PathSegment[]) => path.map((s) => [s.name, ...s.indexes].join('_')).join('_');

export function updateExpression(update: Obj): UpdateExpression {
  const p = new Placeholders();
  const clauses: Clauses = { SET: [], ADD: [], REMOVE: [] };
  collect(update, [], p, clauses);
  const parts = (['SET', 'ADD', 'REMOVE'] as const)
    .filter((keyword) => clauses[keyword].length > 0)
    .map((keyword) => `${keyword} ${clauses[keyword].join(', ')}`);
  if (parts.length === 0) throw new DynamoDbHelperError('update: update names no attribute to change');
  const hasValues = Object.keys(p.values).length > 0;
  return { expression: parts.join(' '), expressionNames: p.names, ...(hasValues ? { expressionValues: p.values } : {}) };
}

function collect(object: Obj, prefix: PathSegment[], p: Placeholders, clauses: Clauses) {
  for (const [name, value] of Object.entries(object)) {
    if (value === undefined) continue;
    const path = [...prefix, { name, indexes: [] }];
    const operation = operationOf(value);
    if (operation) apply(operation, path, p, clauses);
    else if (Array.isArray(value) && value.some((item) => operationOf(item))) listItems(value, path, p, clauses);
    else if (isPlainObject(value) && !isKeptTyped(value)) collect(value, path, p, clauses);
    else clauses.SET.push(`${p.path(path)} = ${p.value(hintOf(path), value)}`);
  }
}

function listItems(items: unknown[], path: PathSegment[], p: Placeholders, clauses: Clauses) {
  const label = path.map((s) => s.name).join('.');
  for (const item of items) {
    const operation = operationOf(item);
    if (operation?.type !== 'updateListItem') {
      throw new DynamoDbHelperError(
        `update: ${label} mixes operations.updateListItem with other values; give either a whole list or only updateListItem entries`,
      );
    }
    const at = [...path.slice(0, -1), { name: path[path.length - 1].name, indexes: [operation.index] }];
    clauses.SET.push(`${p.path(at)} = ${p.value(hintOf(at), operation.value)}`);
  }
}

function isAddable(typed: TypedValue): boolean {
  return ['N', 'SS', 'NS', 'BS'].some((type) => Object.hasOwn(typed, type));
}

function apply(operation: UpdateOperation, path: PathSegment[], p: Placeholders, clauses: Clauses) {
  const target = p.path(path);
  const hint = hintOf(path);
  switch (operation.type) {
    case 'add': {
      const typed = toDynamoDB(operation.value);
      if (isAddable(typed)) clauses.ADD.push(`${target} ${p.typedValue(hint, typed)}`);
      else clauses.SET.push(`${target} = ${p.typedValue(hint, typed)}`);
      return;
    }
    case 'remove':
      clauses.REMOVE.push(target);
      return;
    case 'replace':
      clauses.SET.push(`${target} = ${p.value(hint, operation.value)}`);
      return;
    case 'increment':
      clauses.SET.push(`${target} = ${target} + ${p.value(`${hint}_increment`, operation.by)}`);
      return;
    case 'decrement':
      clauses.SET.push(`${target} = ${target} - ${p.value(`${hint}_decrement`, operation.by)}`);
      return;
    case 'append':
      clauses.SET.push(`${target} = list_append(${target}, ${p.value(`${hint}_append`, operation.values)})`);
      return;
    case 'prepend':
      clauses.SET.push(`${target} = list_append(${p.value(`${hint}_prepend`, operation.values)}, ${target})`);
      return;
    case 'updateListItem':
      throw new DynamoDbHelperError(
        `update: operations.updateListItem goes inside a list, e.g. { ${path.map((s) => s.name).join('.')}: [operations.updateListItem(value, index)] }`,
      );
  }
}
