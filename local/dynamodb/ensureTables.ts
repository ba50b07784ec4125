// Creates the template's tables in DynamoDB Local, or checks that tables kept in the data
// directory from an earlier run still have the keys and indexes the template declares.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { Logger } from '../shared/logger';
import type { TableSpec } from './tables';

export async function ensureTables(client: DynamoDBClient, specs: TableSpec[], logger: Logger): Promise<void> {
  for (const spec of specs) {
    const name = spec.create.TableName!;
    const existing = await describe(client, name);
    if (existing) {
      const problems = differences(spec, existing);
      if (problems.length > 0) {
        throw new Error(
          `Table ${name} in the data directory no longer matches the template (${problems.join('; ')}). ` +
            'Delete .data/dynamodb to start afresh, or run with --in-memory.',
        );
      }
      continue;
    }
    await client.send(new CreateTableCommand(spec.create));
    if (spec.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true } }),
      );
    }
    logger.info(`created table ${name} (${spec.logicalId})`);
  }
}

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

function differences(spec: TableSpec, table: TableDescription): string[] {
  const keys = (schema?: { AttributeName?: string; KeyType?: string }[]) =>
    (schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const problems: string[] = [];
  if (keys(spec.create.KeySchema) !== keys(table.KeySchema)) problems.push('key schema differs');
  const wanted = new Map((spec.create.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, keys(i.KeySchema)]));
  const have = new Map((table.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, keys(i.KeySchema)]));
  for (const [index, schema] of wanted) {
    if (!have.has(index)) problems.push(`index ${index} is missing`);
    else if (have.get(index) !== schema) problems.push(`index ${index} has other keys`);
  }
  for (const index of have.keys()) if (!wanted.has(index)) problems.push(`index ${index} is no longer declared`);
  const wantStream = spec.create.StreamSpecification?.StreamViewType;
  if (wantStream && table.StreamSpecification?.StreamViewType !== wantStream) problems.push('stream view type differs');
  return problems;
}
