// Pieces shared by the @aws-appsync/utils/dynamodb helpers: typed keys and items, projections,
// conditions and filters (filter objects turned into expressions by expressions.ts).
// Request shapes: https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
import { DynamoDbHelperError, requireKey, requireObject, type Obj } from './dynamodbHelperInput';
import { parsePath, Placeholders } from './dynamodbPlaceholders';
import { toMapValues, type TypedValue } from './dynamodbValues';
import { filterExpression, keyConditionExpression, type Expression } from './expressions';

/** Drops undefined and null fields, so optional inputs leave no trace in a request. */
export function present(entries: Obj): Obj {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null));
}

export function typedKey(helper: string, field: string, key: unknown): Record<string, TypedValue> {
  return toMapValues(requireKey(helper, field, key));
}

export function typedItem(helper: string, field: string, item: unknown): Record<string, TypedValue> {
  return toMapValues(requireObject(helper, field, item));
}

/** Projections: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-projections.html */
export function projection(helper: string, fields: string[] | undefined) {
  if (!fields || fields.length === 0) return undefined;
  const p = new Placeholders();
  const paths = fields.map((field) => {
    try {
      return p.path(parsePath(field));
    } catch (error) {
      throw new DynamoDbHelperError(`${helper}: projection ${(error as Error).message}`);
    }
  });
  return { expression: paths.join(', '), expressionNames: p.names };
}

/** An expression with its empty maps left out (a condition that binds no value has no expressionValues). */
function compact(e: Expression) {
  return present({
    expression: e.expression,
    expressionNames: Object.keys(e.expressionNames).length > 0 ? e.expressionNames : undefined,
    expressionValues: Object.keys(e.expressionValues).length > 0 ? e.expressionValues : undefined,
  }) as { expression: string; expressionNames?: Record<string, string>; expressionValues?: Record<string, TypedValue> };
}

/** A filter or condition object as an expression; undefined when it constrains nothing. */
export function filterOrCondition(helper: string, field: string, filter: unknown) {
  if (filter === undefined || filter === null) return undefined;
  const object = requireObject(helper, field, filter);
  let e: Expression;
  try {
    e = filterExpression(object);
  } catch (error) {
    throw new DynamoDbHelperError(`${helper}: ${field}: ${(error as Error).message}`);
  }
  return e.expression.length > 0 ? compact(e) : undefined;
}

/** Condition of a TransactWriteItems item; the existing item comes back when it fails. */
export function transactCondition(helper: string, filter: unknown) {
  const condition = filterOrCondition(helper, 'condition', filter);
  // returnValuesOnConditionCheckFailure is required in TransactConditionCheckExpression;
  // true is also what the data source does when it is left out (transact-write-items page).
  return condition && { ...condition, returnValuesOnConditionCheckFailure: true };
}

/** Key condition of a Query: `eq` on the partition key, one comparison on the sort key. */
export function queryExpression(helper: string, query: unknown) {
  const object = requireObject(helper, 'query', query);
  const fields = Object.entries(object).filter(([, v]) => v !== undefined && v !== null);
  if (fields.length === 0 || fields.length > 2) {
    throw new DynamoDbHelperError(`${helper}: query needs the partition key (eq) and at most one sort key condition, got ${fields.length} fields`);
  }
  let e: Expression;
  try {
    e = keyConditionExpression(Object.fromEntries(fields) as Record<string, Record<string, unknown>>);
  } catch (error) {
    throw new DynamoDbHelperError(`${helper}: query: ${(error as Error).message}`);
  }
  if (e.expression.length === 0) throw new DynamoDbHelperError(`${helper}: query has no condition (use { pk: { eq: value } })`);
  return compact(e);
}
