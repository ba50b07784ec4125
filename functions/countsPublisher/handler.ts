// DynamoDB stream of the table (MODIFY of event items, by the mapping's filter) ->
// publishRsvpCounts over IAM, which AppSync pushes to onRsvpCountsChanged subscribers. The
// stream is the one place every change to the counts passes, whichever mutation made it
// (an answer by API, link, mail or organizer; an invitation; a removal).
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { appsyncIamClient, type GraphqlClient } from '../lib/aws/appsyncIam';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { graphqlCountsPublisher } from './graphqlCountsPublisher';
import { publishCountsInOrder } from './publishCountsInOrder';

export const COUNTS_PUBLISHER_ENV = ['REGION', 'GRAPHQL_URL'] as const;

let graphql: GraphqlClient | undefined;

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const env = requireEnv(COUNTS_PUBLISHER_ENV);
  graphql ??= appsyncIamClient({ url: env.GRAPHQL_URL, region: env.REGION });
  return publishCountsInOrder(event.Records, graphqlCountsPublisher(graphql), log);
};
