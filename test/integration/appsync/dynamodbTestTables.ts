// Tables of their own for the DynamoDB data source tests, on the DynamoDB Local that the
// integration global setup started: uniquely named, created in beforeAll, dropped after.
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { inject } from 'vitest';
import { DynamoDbDataSource, type DynamoDbDataSourceOptions } from '../../../local/appsync/dataSources/dynamodb';
import { localClientConfig } from '../../../local/shared/localCredentials';

export type TestTables = {
  client: DynamoDBClient;
  /** Hash key `id` (S). */
  items: string;
  /** Hash key `pk` (S), range key `sk` (N), GSI `byOwner` (owner S, sk N). */
  sorted: string;
  source(table: string, options?: DynamoDbDataSourceOptions): DynamoDbDataSource;
  seed(table: string, item: Record<string, unknown>): Promise<void>;
  read(table: string, key: Record<string, unknown>): Promise<Record<string, unknown> | undefined>;
  drop(): Promise<void>;
};

export async function createTestTables(label: string): Promise<TestTables> {
  const client = new DynamoDBClient(localClientConfig(inject('endpoints').dynamodbUrl));
  const suffix = crypto.randomUUID().slice(0, 8);
  const items = `appsync-${label}-items-${suffix}`;
  const sorted = `appsync-${label}-sorted-${suffix}`;
  await client.send(
    new CreateTableCommand({
      TableName: items,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
  await client.send(
    new CreateTableCommand({
      TableName: sorted,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'owner', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byOwner',
          KeySchema: [
            { AttributeName: 'owner', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  return {
    client,
    items,
    sorted,
    source: (table, options) => new DynamoDbDataSource(`${table}-source`, client, table, options),
    seed: async (table, item) => {
      await client.send(new PutItemCommand({ TableName: table, Item: marshall(item) }));
    },
    read: async (table, key) => {
      const out = await client.send(new GetItemCommand({ TableName: table, Key: marshall(key), ConsistentRead: true }));
      return out.Item && unmarshall(out.Item);
    },
    drop: async () => {
      for (const TableName of [items, sorted]) await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
      client.destroy();
    },
  };
}
