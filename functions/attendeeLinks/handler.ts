// The links in an attendee's mail, behind a Lambda function URL (auth NONE: the token in the
// path is the credential): /unsubscribe/<token> and /rsvp/<token>, each a route in one
// table. Every answer is an HTML page; a failure of ours (the table, the token key or the API
// unreachable, a misconfigured function) is a 503 page and a log line, never a crash page
// from Lambda.
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { appsyncIamClient, type GraphqlClient } from '../lib/aws/appsyncIam';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import type { HttpResponse } from './htmlResponse';
import { httpRequestOf } from './httpRequest';
import { routeRequest, type Fallbacks, type Route } from './router';
import { rsvpRoutes } from './rsvpRoutes';
import { badRequestPage, methodNotAllowedPage, notFoundPage, unavailablePage } from './unsubscribePages';
import { unsubscribeRoutes } from './unsubscribeRoutes';

/** The variables the function reads (REGION is read by the clients). */
export const LINKS_ENV = ['DYNAMODB_TABLE', 'TOKEN_SECRET_ARN'] as const;
/** What the RSVP page's answers need besides (infra/deliverability.ts allowRsvp sets them); read on the first answer. */
export const RSVP_ENV = ['REGION', 'GRAPHQL_URL'] as const;

const FALLBACKS: Fallbacks = { notFound: notFoundPage, methodNotAllowed: methodNotAllowedPage, badRequest: badRequestPage };

let routes: Route[] | undefined;
let graphql: GraphqlClient | undefined;

function graphqlClient(): GraphqlClient {
  if (!graphql) {
    const env = requireEnv(RSVP_ENV);
    graphql = appsyncIamClient({ url: env.GRAPHQL_URL, region: env.REGION });
  }
  return graphql;
}

function buildRoutes(): Route[] {
  const ports = awsPorts(requireEnv(LINKS_ENV).DYNAMODB_TABLE, graphqlClient);
  return [
    ...unsubscribeRoutes(ports, () => new Date().toISOString(), (what, fields) => log('INFO', `unsubscribe link: ${what}`, fields)),
    ...rsvpRoutes(ports, (what, fields) => log('INFO', `rsvp link: ${what}`, fields)),
  ];
}

export const handler = async (event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> => {
  try {
    routes ??= buildRoutes();
    return (await routeRequest(routes, httpRequestOf(event), FALLBACKS)) satisfies HttpResponse;
  } catch (error) {
    log('ERROR', 'attendee link failed', { path: event.rawPath?.split('/')[1], error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return unavailablePage();
  }
};
