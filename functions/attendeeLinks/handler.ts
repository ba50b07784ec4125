// The links in an attendee's mail, behind a Lambda function URL (auth NONE: the token in the
// path is the credential): /unsubscribe/<token> today, /rsvp/... later (issue 9), each a
// route in one table. Every answer is an HTML page; a failure of ours (the table or the
// token key unreachable, a misconfigured function) is a 503 page and a log line, never a
// crash page from Lambda.
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import type { HttpResponse } from './htmlResponse';
import { httpRequestOf } from './httpRequest';
import { routeRequest, type Fallbacks, type Route } from './router';
import { badRequestPage, methodNotAllowedPage, notFoundPage, unavailablePage } from './unsubscribePages';
import { unsubscribeRoutes } from './unsubscribeRoutes';

/** The variables the function reads (REGION is read by the clients). */
export const LINKS_ENV = ['DYNAMODB_TABLE', 'TOKEN_SECRET_ARN'] as const;

const FALLBACKS: Fallbacks = { notFound: notFoundPage, methodNotAllowed: methodNotAllowedPage, badRequest: badRequestPage };

let routes: Route[] | undefined;

export const handler = async (event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> => {
  try {
    routes ??= unsubscribeRoutes(awsPorts(requireEnv(LINKS_ENV).DYNAMODB_TABLE), () => new Date().toISOString(), (what, fields) =>
      log('INFO', `unsubscribe link: ${what}`, fields),
    );
    return (await routeRequest(routes, httpRequestOf(event), FALLBACKS)) satisfies HttpResponse;
  } catch (error) {
    log('ERROR', 'attendee link failed', { path: event.rawPath?.split('/')[1], error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return unavailablePage();
  }
};
