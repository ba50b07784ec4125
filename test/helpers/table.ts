// Direct table access for test setup (lowering a limit, suspending an organizer, seeding
// a past event) until admin mutations exist. Keys come from resolvers/lib/keys.ts.
import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { TableKey } from '../../resolvers/lib/keys';
import { table } from './api';

export function marshallKey(key: TableKey) {
  return marshall(key);
}

export async function setOrganizerFields(key: TableKey, fields: Record<string, unknown>) {
  const { client, name } = table();
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([path, value], i) => {
    const segments = path.split('.').map((segment, j) => {
      names[`#n${i}_${j}`] = segment;
      return `#n${i}_${j}`;
    });
    values[`:v${i}`] = value;
    return `${segments.join('.')} = :v${i}`;
  });
  await client.send(
    new UpdateItemCommand({
      TableName: name,
      Key: marshall(key),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: marshall(values),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

export async function putItem(item: Record<string, unknown>) {
  const { client, name } = table();
  await client.send(new PutItemCommand({ TableName: name, Item: marshall(item, { removeUndefinedValues: true }) }));
}
