// The importer's ports on AWS: the job item (conditional updates, so a job that ended is
// never reopened), the event's title, the uploaded object (streamed), the organizer's
// notice (written with the job's end in one transaction), and the API (IAM) for the invites
// and the progress pushed to subscribers.
import { GetItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Readable } from 'node:stream';
import { eventKey, importJobKey } from '../../resolvers/lib/keys';
import type { ImportJobRecord } from '../../resolvers/lib/records';
import { appsyncIamClient } from '../lib/aws/appsyncIam';
import { dynamoDb, isConditionFailure } from '../lib/aws/dynamodb';
import { s3 } from '../lib/aws/s3';
import { ImportFileError } from './errors';
import { graphqlInvitePort } from './graphqlInvitePort';
import type { JobPorts } from './runImportJob';

export const REPORT_PROGRESS = /* GraphQL */ `
  mutation ReportImportProgress($eventId: ID!, $id: ID!) {
    reportImportProgress(eventId: $eventId, id: $id) { id eventId status source fileName size bytesRead lastRow
      totals { rows valid invited duplicates invalid rejected notInvited }
      issues { kind row email reason firstRow } unknownColumns stoppedAtRow failureReason createdAt updatedAt startedAt finishedAt }
  }
`;

export function awsPorts(config: { table: string; bucket: string; graphqlUrl: string; region: string }): JobPorts {
  const graphql = appsyncIamClient({ url: config.graphqlUrl, region: config.region });
  const key = (job: Pick<ImportJobRecord, 'eventId' | 'id'>) => marshall(importJobKey(job.eventId, job.id));
  return {
    async job(eventId, jobId) {
      const out = await dynamoDb().send(new GetItemCommand({ TableName: config.table, Key: marshall(importJobKey(eventId, jobId)), ConsistentRead: true }));
      return out.Item ? (unmarshall(out.Item) as ImportJobRecord) : null;
    },
    async eventTitle(eventId) {
      const out = await dynamoDb().send(
        new GetItemCommand({ TableName: config.table, Key: marshall(eventKey(eventId)), ProjectionExpression: '#title', ExpressionAttributeNames: { '#title': 'title' } }),
      );
      return out.Item ? String(unmarshall(out.Item).title) : eventId;
    },
    async start(job, size) {
      try {
        await dynamoDb().send(
          new UpdateItemCommand({
            TableName: config.table,
            Key: key(job),
            UpdateExpression: 'SET #status = :running, #size = :size, #startedAt = if_not_exists(#startedAt, :now), #updatedAt = :now',
            ConditionExpression: '#status IN (:waiting, :running)',
            ExpressionAttributeNames: { '#status': 'status', '#size': 'size', '#startedAt': 'startedAt', '#updatedAt': 'updatedAt' },
            ExpressionAttributeValues: marshall({ ':running': 'RUNNING', ':waiting': 'WAITING_FOR_UPLOAD', ':size': size, ':now': new Date().toISOString() }),
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async checkpoint(job, summary) {
      await dynamoDb().send(
        new UpdateItemCommand({
          TableName: config.table,
          Key: key(job),
          UpdateExpression: 'SET #summary = :summary, #updatedAt = :now',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#summary': 'summary', '#updatedAt': 'updatedAt', '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':summary': summary, ':now': new Date().toISOString(), ':running': 'RUNNING' }, { removeUndefinedValues: true }),
        }),
      );
    },
    async finish(job, status, summary, failureReason, notice) {
      const now = new Date().toISOString();
      await dynamoDb().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: config.table,
                Key: key(job),
                UpdateExpression: 'SET #status = :status, #summary = :summary, #failureReason = :reason, #finishedAt = :now, #updatedAt = :now',
                ConditionExpression: '#status = :running',
                ExpressionAttributeNames: { '#status': 'status', '#summary': 'summary', '#failureReason': 'failureReason', '#finishedAt': 'finishedAt', '#updatedAt': 'updatedAt' },
                ExpressionAttributeValues: marshall({ ':status': status, ':summary': summary, ':reason': failureReason, ':now': now, ':running': 'RUNNING' }, { removeUndefinedValues: true }),
              },
            },
            { Put: { TableName: config.table, Item: marshall(notice, { removeUndefinedValues: true }), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    },
    async report(job) {
      const out = await graphql(REPORT_PROGRESS, { eventId: job.eventId, id: job.id });
      if (out.errors.length > 0) throw new Error(`reportImportProgress: ${out.errors[0]!.errorType}: ${out.errors[0]!.message}`);
    },
    async file(job) {
      try {
        const out = await s3().send(new GetObjectCommand({ Bucket: config.bucket, Key: job.objectKey }));
        return out.Body as Readable;
      } catch (error) {
        // Uploads expire after 7 days: a retry that late finds nothing, and never will.
        if ((error as Error).name === 'NoSuchKey') throw new ImportFileError('The uploaded file is no longer there (uploads are kept 7 days): upload it again with a new import.');
        throw error;
      }
    },
    invitePort: (job) => graphqlInvitePort(graphql, { eventId: job.eventId, organizerId: job.organizerId }),
  };
}
