// DynamoDB stream of the table -> the NEW_EVENT_INVITE, EVENT_UPDATED,
// EVENT_CANCELLATION_REQUEST and organizer notices topics. The change is the outbox:
// mutations write the table and never wait on SNS; this function publishes what they wrote,
// in stream order, and a failed publish is retried by the event source mapping (then
// described to its on-failure queue), never lost.
import { PublishCommand } from '@aws-sdk/client-sns';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { sns } from '../lib/aws/sns';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { publishInput, TOPIC_VARIABLES } from './publications';
import { publishInOrder } from './publishInOrder';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const topicArns = requireEnv(TOPIC_VARIABLES);
  return publishInOrder(
    event.Records,
    async (publication) => {
      await sns().send(new PublishCommand(publishInput(publication, topicArns)));
    },
    log,
  );
};
