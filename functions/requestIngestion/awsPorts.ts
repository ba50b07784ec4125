// Ingestion's ports on AWS: the organizer lookups, the idempotency claims and the event
// requests' notices in the table, the raw message in the inbound bucket, startImport,
// recordEmailRsvp, createEvent and inviteAttendees on the API (IAM) and the upload's PUT.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { organizerEmailKey, organizerKey } from '../../resolvers/lib/keys';
import { appsyncIamClient } from '../lib/aws/appsyncIam';
import { dynamoDb } from '../lib/aws/dynamodb';
import { s3 } from '../lib/aws/s3';
import { PermanentError } from '../lib/errors';
import { dynamoClaims } from '../lib/sendOnce/dynamoClaims';
import { dynamoRequestClaims } from './dynamoRequestClaims';
import { graphqlEmailRsvpPort } from './graphqlEmailRsvpPort';
import { graphqlEventRequestPort } from './graphqlEventRequestPort';
import { graphqlImportPort } from './graphqlImportPort';
import type { IngestionPorts } from './ingestMail';
import { uploadCsv } from './uploadCsv';

/** S3 errors that mean the stored message is gone for good (expired, deleted). */
const GONE = new Set(['NoSuchKey', 'NotFound']);

export function awsPorts(config: { table: string; graphqlUrl: string; region: string }): IngestionPorts {
  const graphql = appsyncIamClient({ url: config.graphqlUrl, region: config.region });
  // One attribute of each item, and no other (the role may read no more: infra/requestIngestion.ts).
  const attribute = async (key: Record<string, string>, name: string): Promise<unknown> => {
    const out = await dynamoDb().send(
      new GetItemCommand({ TableName: config.table, Key: marshall(key), ProjectionExpression: '#a', ExpressionAttributeNames: { '#a': name }, ConsistentRead: true }),
    );
    return out.Item ? unmarshall(out.Item)[name] : undefined;
  };
  return {
    ...dynamoClaims(),
    ...dynamoRequestClaims(config.table),
    ...graphqlEventRequestPort(graphql),
    async organizerIdByEmail(email) {
      const id = await attribute(organizerEmailKey(email), 'organizerId');
      return typeof id === 'string' && id ? id : null;
    },
    async organizerStatus(organizerId) {
      const status = await attribute(organizerKey(organizerId), 'status');
      return typeof status === 'string' ? status : null;
    },
    async loadMessage(stored) {
      try {
        const out = await s3().send(new GetObjectCommand({ Bucket: stored.bucket, Key: stored.key }));
        return await out.Body!.transformToByteArray();
      } catch (error) {
        if (GONE.has((error as Error).name)) throw new PermanentError(`The stored message ${stored.key} is gone (${(error as Error).name}).`, { cause: error });
        throw error;
      }
    },
    startImport: graphqlImportPort(graphql),
    upload: uploadCsv,
    recordEmailRsvp: graphqlEmailRsvpPort(graphql),
  };
}
