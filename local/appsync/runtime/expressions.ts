// Filter and condition objects (`{ title: { contains: 'x' }, or: [...] }`) turned into
// DynamoDB expressions, as util.transform.toDynamoDB{Filter,Condition}Expression and the
// @aws-appsync/utils/dynamodb helpers do.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
import { toDynamoDB, type TypedValue } from './dynamodbValues';

export type Expression = {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, TypedValue>;
};

const COMPARATORS: Record<string, string> = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };

const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

const OPERATORS = new Set([
  ...Object.keys(COMPARATORS),
  'in',
  'between',
  'beginsWith',
  'contains',
  'notContains',
  'attributeExists',
  'attributeType',
  'size',
]);

/** Collects `#name` and `:value` placeholders without collisions. */
export class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, TypedValue> = {};

  name(path: string[]): string {
    return path
      .map((segment) => {
        const placeholder = `#${segment.replace(/[^A-Za-z0-9_]/g, '_')}`;
        this.names[placeholder] = segment;
        return placeholder;
      })
      .join('.');
  }

  value(hint: string, value: unknown): string {
    const base = `:${hint.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let placeholder = base;
    for (let n = 1; Object.hasOwn(this.values, placeholder); n += 1) placeholder = `${base}_${n}`;
    this.values[placeholder] = toDynamoDB(value);
    return placeholder;
  }

  result(expression: string): Expression {
    return { expression, expressionNames: this.names, expressionValues: this.values };
  }
}

/** The expression for a filter object; top-level keys are ANDed. */
export function filterExpression(filter: Record<string, unknown>, builder = new ExpressionBuilder()): Expression {
  return builder.result(clause(filter, [], builder));
}

function clause(filter: Record<string, unknown>, prefix: string[], b: ExpressionBuilder): string {
  const parts: string[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === null || condition === undefined) continue;
    if (prefix.length === 0 && (key === 'and' || key === 'or')) {
      const list = (Array.isArray(condition) ? condition : [condition]) as Record<string, unknown>[];
      const inner = list.map((item) => clause(item, [], b)).filter((text) => text.length > 0);
      if (inner.length > 0) parts.push(`(${inner.join(key === 'and' ? ' AND ' : ' OR ')})`);
    } else if (prefix.length === 0 && key === 'not') {
      const list = (Array.isArray(condition) ? condition : [condition]) as Record<string, unknown>[];
      const inner = list.map((item) => clause(item, [], b)).filter((text) => text.length > 0);
      if (inner.length > 0) parts.push(`(NOT (${inner.join(' AND ')}))`);
    } else {
      parts.push(...fieldClauses([...prefix, key], condition as Record<string, unknown>, b));
    }
  }
  return parts.join(' AND ');
}

function fieldClauses(path: string[], condition: Record<string, unknown>, b: ExpressionBuilder): string[] {
  const keys = Object.keys(condition);
  if (keys.length > 0 && keys.every((key) => !OPERATORS.has(key))) {
    // A nested map attribute: { address: { city: { eq: 'Paris' } } }.
    return [clause(condition, path, b)].filter((text) => text.length > 0);
  }
  const field = path.join('_');
  const out: string[] = [];
  for (const [op, operand] of Object.entries(condition)) {
    if (operand === null || operand === undefined) continue;
    const name = b.name(path);
    if (op in COMPARATORS) {
      out.push(`${name} ${COMPARATORS[op]} ${b.value(`${field}_${op}`, operand)}`);
    } else if (op === 'in') {
      const values = (operand as unknown[]).map((v, i) => b.value(`${field}_in_${i}`, v));
      out.push(`${name} IN (${values.join(', ')})`);
    } else if (op === 'between') {
      const [low, high] = operand as [unknown, unknown];
      out.push(`${name} BETWEEN ${b.value(`${field}_between_0`, low)} AND ${b.value(`${field}_between_1`, high)}`);
    } else if (op === 'beginsWith') {
      out.push(`begins_with(${name}, ${b.value(`${field}_beginsWith`, operand)})`);
    } else if (op === 'contains') {
      out.push(`contains(${name}, ${b.value(`${field}_contains`, operand)})`);
    } else if (op === 'notContains') {
      out.push(`NOT contains(${name}, ${b.value(`${field}_notContains`, operand)})`);
    } else if (op === 'attributeExists') {
      out.push(operand ? `attribute_exists(${name})` : `attribute_not_exists(${name})`);
    } else if (op === 'attributeType') {
      const type = ATTRIBUTE_TYPES[String(operand)];
      if (!type) throw new Error(`attributeType ${String(operand)} is not one of ${Object.keys(ATTRIBUTE_TYPES).join(', ')}`);
      out.push(`attribute_type(${name}, ${b.value(`${field}_attributeType`, type)})`);
    } else if (op === 'size') {
      for (const [sizeOp, sizeValue] of Object.entries(operand as Record<string, unknown>)) {
        if (sizeOp in COMPARATORS) out.push(`size(${name}) ${COMPARATORS[sizeOp]} ${b.value(`${field}_size_${sizeOp}`, sizeValue)}`);
      }
    }
  }
  return out;
}

/** Key condition of a Query: `eq` on the partition key, one comparison on the sort key. */
export function keyConditionExpression(query: Record<string, Record<string, unknown>>): Expression {
  const b = new ExpressionBuilder();
  const parts: string[] = [];
  for (const [field, condition] of Object.entries(query)) {
    for (const [op, operand] of Object.entries(condition ?? {})) {
      if (operand === null || operand === undefined) continue;
      const name = b.name([field]);
      if (op in COMPARATORS && op !== 'ne') parts.push(`${name} ${COMPARATORS[op]} ${b.value(`${field}_${op}`, operand)}`);
      else if (op === 'between') {
        const [low, high] = operand as [unknown, unknown];
        parts.push(`${name} BETWEEN ${b.value(`${field}_between_0`, low)} AND ${b.value(`${field}_between_1`, high)}`);
      } else if (op === 'beginsWith') parts.push(`begins_with(${name}, ${b.value(`${field}_beginsWith`, operand)})`);
      else throw new Error(`Operator ${op} is not allowed in a query key condition (use eq, lt, le, gt, ge, between, beginsWith)`);
    }
  }
  return b.result(parts.join(' AND '));
}
