// The parts of one AppSync request (update, condition, filter, key condition, projection)
// each carry their own expressionNames / expressionValues; DynamoDB takes one map of each
// per call. Merging must not let one placeholder mean two things.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { toWireMap, type TypedValue } from '../runtime/dynamodbValues';
import { MappingTemplateError } from './dynamodbErrors';

export type ExpressionObject = {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, TypedValue>;
};

export type ExpressionAttributes = {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
};

export function expressionAttributes(...expressions: (ExpressionObject | undefined)[]): ExpressionAttributes {
  const names: Record<string, string> = {};
  const values: Record<string, TypedValue> = {};
  for (const e of expressions) {
    if (!e) continue;
    for (const [placeholder, name] of Object.entries(e.expressionNames ?? {})) {
      if (Object.hasOwn(names, placeholder) && names[placeholder] !== name) {
        throw new MappingTemplateError(`Expression name ${placeholder} stands for both "${names[placeholder]}" and "${name}" in one request.`);
      }
      names[placeholder] = name;
    }
    for (const [placeholder, value] of Object.entries(e.expressionValues ?? {})) {
      if (Object.hasOwn(values, placeholder) && JSON.stringify(values[placeholder]) !== JSON.stringify(value)) {
        throw new MappingTemplateError(`Expression value ${placeholder} is bound to two different values in one request.`);
      }
      values[placeholder] = value;
    }
  }
  return {
    ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
    ExpressionAttributeValues: Object.keys(values).length > 0 ? toWireMap(values) : undefined,
  };
}
