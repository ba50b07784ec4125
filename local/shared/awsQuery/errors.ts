// Errors of the AWS query protocol:
// `<ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// with the HTTP status of the code. `<Type>` is the fault side: Sender for the caller's
// mistakes, Receiver for the service's. Each service keeps its own codes, statuses and texts.
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html (error serialization)
import type { ServerResponse } from 'node:http';
import { escapeXml, sendXml, xmlDeclaration, type QueryXmlStyle } from './xml';

export type QueryFault = 'Sender' | 'Receiver';

/** An error as the query protocol carries it: the wire code, its HTTP status, the fault side and the message. */
export type QueryError = { type: QueryFault; code: string; status: number; message: string };

export function queryErrorResponse(style: QueryXmlStyle, error: Omit<QueryError, 'status'>, requestId: string): string {
  return (
    `${xmlDeclaration(style)}<ErrorResponse xmlns="${style.namespace}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code, style)}</Code><Message>${escapeXml(error.message, style)}</Message>${style.errorDetail ? '<Detail/>' : ''}</Error>` +
    `<RequestId>${escapeXml(requestId, style)}</RequestId></ErrorResponse>`
  );
}

export function sendQueryError(res: ServerResponse, style: QueryXmlStyle, error: QueryError, requestId: string): void {
  sendXml(res, error.status, queryErrorResponse(style, error, requestId), requestId);
}

/** InvalidAction's text on the query services' common errors page (SNS, SES v1). */
export function invalidActionMessage(action: string): string {
  return `The action ${action} is not valid for this web service.`;
}

/** Smithy's constraint text for a missing required member (SNS, SES v1). */
export function missingMemberMessage(member: string): string {
  return `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`;
}
