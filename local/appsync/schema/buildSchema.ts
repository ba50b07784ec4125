// The executable schema of an API: its SDL with AppSync's predefined scalars and directives.
import { buildSchema, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installAwsScalars } from './scalars';

const BUILTINS = readFileSync(fileURLToPath(new URL('./awsBuiltins.graphql', import.meta.url)), 'utf8');

export function buildApiSchema(definition: string): GraphQLSchema {
  const schema = buildSchema(`${BUILTINS}\n${definition}`);
  const types = schema.getTypeMap() as Record<string, GraphQLScalarType>;
  installAwsScalars(types);
  return schema;
}
