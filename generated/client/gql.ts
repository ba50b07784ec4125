/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ImportJobFields on ImportJob {\n    id eventId status fileName size bytesRead lastRow\n    totals { rows valid invited duplicates invalid rejected notInvited }\n    issues { kind row email reason firstRow }\n    unknownColumns stoppedAtRow failureReason\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartImport($eventId: ID!, $fileName: String) {\n    startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { ...ImportJobFields } }\n  }\n": typeof types.StartImportDocument,
    "\n  query ImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n": typeof types.ImportJobDocument,
    "\n  subscription OnImportProgress($eventId: ID!, $id: ID!) {\n    onImportProgress(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n": typeof types.OnImportProgressDocument,
    "\n  fragment DashboardCounts on AttendeeCounts { invited needsAction accepted declined tentative }\n": typeof types.DashboardCountsFragmentDoc,
    "\n  fragment DashboardAnswer on Attendee {\n    eventId email name status updatedAt\n    answer { response comment via answeredAt }\n  }\n": typeof types.DashboardAnswerFragmentDoc,
    "\n  fragment DashboardImport on ImportJob {\n    id eventId status fileName size bytesRead lastRow failureReason stoppedAtRow createdAt\n    totals { rows valid invited duplicates invalid rejected notInvited }\n  }\n": typeof types.DashboardImportFragmentDoc,
    "\n  query DashboardEvents($nextToken: String) {\n    events(limit: 100, nextToken: $nextToken) { items { id title startsAt status counts { invited } } nextToken }\n  }\n": typeof types.DashboardEventsDocument,
    "\n  query DashboardEvent($id: ID!) {\n    event(id: $id) { id title location startsAt endsAt timeZone status counts { ...DashboardCounts } }\n  }\n": typeof types.DashboardEventDocument,
    "\n  query DashboardEventCounts($id: ID!) {\n    event(id: $id) { id counts { ...DashboardCounts } }\n  }\n": typeof types.DashboardEventCountsDocument,
    "\n  query DashboardAttendees($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { ...DashboardAnswer } nextToken }\n  }\n": typeof types.DashboardAttendeesDocument,
    "\n  query DashboardImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n": typeof types.DashboardImportJobDocument,
    "\n  query DashboardImports($eventId: ID!) {\n    imports(eventId: $eventId) { ...DashboardImport }\n  }\n": typeof types.DashboardImportsDocument,
    "\n  subscription OnDashboardCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n": typeof types.OnDashboardCountsDocument,
    "\n  subscription OnDashboardAnswer($eventId: ID!) {\n    onAttendeeResponded(eventId: $eventId) { ...DashboardAnswer }\n  }\n": typeof types.OnDashboardAnswerDocument,
    "\n  subscription OnDashboardImport($eventId: ID!, $id: ID) {\n    onImportProgress(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n": typeof types.OnDashboardImportDocument,
    "\n  mutation TestCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { id title version }\n  }\n": typeof types.TestCreateEventDocument,
    "\n  mutation TestInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!) {\n    inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } duplicates { email } invalid { email } rejected { email } }\n  }\n": typeof types.TestInviteAttendeesDocument,
    "\n  mutation TestRsvpForAttendee($eventId: ID!, $email: String!, $response: RsvpResponse!, $comment: String) {\n    rsvp(eventId: $eventId, email: $email, response: $response, comment: $comment) {\n      eventId email name status updatedAt invitedAt\n      answer { response comment via sequence dtstamp answeredAt }\n    }\n  }\n": typeof types.TestRsvpForAttendeeDocument,
    "\n  mutation TestRsvpWithToken($eventId: ID!, $response: RsvpResponse!, $token: String!) {\n    rsvp(eventId: $eventId, response: $response, token: $token) { eventId email status }\n  }\n": typeof types.TestRsvpWithTokenDocument,
    "\n  mutation TestRecordEmailRsvp($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!) {\n    recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp) { eventId email status }\n  }\n": typeof types.TestRecordEmailRsvpDocument,
    "\n  query TestEventCounts($id: ID!) {\n    event(id: $id) { counts { invited needsAction accepted declined tentative } }\n  }\n": typeof types.TestEventCountsDocument,
    "\n  query TestAttendeeStatuses($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { email status } nextToken }\n  }\n": typeof types.TestAttendeeStatusesDocument,
    "\n  subscription TestOnCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n": typeof types.TestOnCountsDocument,
};
const documents: Documents = {
    "\n  fragment ImportJobFields on ImportJob {\n    id eventId status fileName size bytesRead lastRow\n    totals { rows valid invited duplicates invalid rejected notInvited }\n    issues { kind row email reason firstRow }\n    unknownColumns stoppedAtRow failureReason\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartImport($eventId: ID!, $fileName: String) {\n    startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { ...ImportJobFields } }\n  }\n": types.StartImportDocument,
    "\n  query ImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n": types.ImportJobDocument,
    "\n  subscription OnImportProgress($eventId: ID!, $id: ID!) {\n    onImportProgress(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n": types.OnImportProgressDocument,
    "\n  fragment DashboardCounts on AttendeeCounts { invited needsAction accepted declined tentative }\n": types.DashboardCountsFragmentDoc,
    "\n  fragment DashboardAnswer on Attendee {\n    eventId email name status updatedAt\n    answer { response comment via answeredAt }\n  }\n": types.DashboardAnswerFragmentDoc,
    "\n  fragment DashboardImport on ImportJob {\n    id eventId status fileName size bytesRead lastRow failureReason stoppedAtRow createdAt\n    totals { rows valid invited duplicates invalid rejected notInvited }\n  }\n": types.DashboardImportFragmentDoc,
    "\n  query DashboardEvents($nextToken: String) {\n    events(limit: 100, nextToken: $nextToken) { items { id title startsAt status counts { invited } } nextToken }\n  }\n": types.DashboardEventsDocument,
    "\n  query DashboardEvent($id: ID!) {\n    event(id: $id) { id title location startsAt endsAt timeZone status counts { ...DashboardCounts } }\n  }\n": types.DashboardEventDocument,
    "\n  query DashboardEventCounts($id: ID!) {\n    event(id: $id) { id counts { ...DashboardCounts } }\n  }\n": types.DashboardEventCountsDocument,
    "\n  query DashboardAttendees($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { ...DashboardAnswer } nextToken }\n  }\n": types.DashboardAttendeesDocument,
    "\n  query DashboardImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n": types.DashboardImportJobDocument,
    "\n  query DashboardImports($eventId: ID!) {\n    imports(eventId: $eventId) { ...DashboardImport }\n  }\n": types.DashboardImportsDocument,
    "\n  subscription OnDashboardCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n": types.OnDashboardCountsDocument,
    "\n  subscription OnDashboardAnswer($eventId: ID!) {\n    onAttendeeResponded(eventId: $eventId) { ...DashboardAnswer }\n  }\n": types.OnDashboardAnswerDocument,
    "\n  subscription OnDashboardImport($eventId: ID!, $id: ID) {\n    onImportProgress(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n": types.OnDashboardImportDocument,
    "\n  mutation TestCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { id title version }\n  }\n": types.TestCreateEventDocument,
    "\n  mutation TestInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!) {\n    inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } duplicates { email } invalid { email } rejected { email } }\n  }\n": types.TestInviteAttendeesDocument,
    "\n  mutation TestRsvpForAttendee($eventId: ID!, $email: String!, $response: RsvpResponse!, $comment: String) {\n    rsvp(eventId: $eventId, email: $email, response: $response, comment: $comment) {\n      eventId email name status updatedAt invitedAt\n      answer { response comment via sequence dtstamp answeredAt }\n    }\n  }\n": types.TestRsvpForAttendeeDocument,
    "\n  mutation TestRsvpWithToken($eventId: ID!, $response: RsvpResponse!, $token: String!) {\n    rsvp(eventId: $eventId, response: $response, token: $token) { eventId email status }\n  }\n": types.TestRsvpWithTokenDocument,
    "\n  mutation TestRecordEmailRsvp($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!) {\n    recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp) { eventId email status }\n  }\n": types.TestRecordEmailRsvpDocument,
    "\n  query TestEventCounts($id: ID!) {\n    event(id: $id) { counts { invited needsAction accepted declined tentative } }\n  }\n": types.TestEventCountsDocument,
    "\n  query TestAttendeeStatuses($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { email status } nextToken }\n  }\n": types.TestAttendeeStatusesDocument,
    "\n  subscription TestOnCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n": types.TestOnCountsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id eventId status fileName size bytesRead lastRow\n    totals { rows valid invited duplicates invalid rejected notInvited }\n    issues { kind row email reason firstRow }\n    unknownColumns stoppedAtRow failureReason\n  }\n"): (typeof documents)["\n  fragment ImportJobFields on ImportJob {\n    id eventId status fileName size bytesRead lastRow\n    totals { rows valid invited duplicates invalid rejected notInvited }\n    issues { kind row email reason firstRow }\n    unknownColumns stoppedAtRow failureReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($eventId: ID!, $fileName: String) {\n    startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { ...ImportJobFields } }\n  }\n"): (typeof documents)["\n  mutation StartImport($eventId: ID!, $fileName: String) {\n    startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { ...ImportJobFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n"): (typeof documents)["\n  query ImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnImportProgress($eventId: ID!, $id: ID!) {\n    onImportProgress(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n"): (typeof documents)["\n  subscription OnImportProgress($eventId: ID!, $id: ID!) {\n    onImportProgress(eventId: $eventId, id: $id) { ...ImportJobFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardCounts on AttendeeCounts { invited needsAction accepted declined tentative }\n"): (typeof documents)["\n  fragment DashboardCounts on AttendeeCounts { invited needsAction accepted declined tentative }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardAnswer on Attendee {\n    eventId email name status updatedAt\n    answer { response comment via answeredAt }\n  }\n"): (typeof documents)["\n  fragment DashboardAnswer on Attendee {\n    eventId email name status updatedAt\n    answer { response comment via answeredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardImport on ImportJob {\n    id eventId status fileName size bytesRead lastRow failureReason stoppedAtRow createdAt\n    totals { rows valid invited duplicates invalid rejected notInvited }\n  }\n"): (typeof documents)["\n  fragment DashboardImport on ImportJob {\n    id eventId status fileName size bytesRead lastRow failureReason stoppedAtRow createdAt\n    totals { rows valid invited duplicates invalid rejected notInvited }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardEvents($nextToken: String) {\n    events(limit: 100, nextToken: $nextToken) { items { id title startsAt status counts { invited } } nextToken }\n  }\n"): (typeof documents)["\n  query DashboardEvents($nextToken: String) {\n    events(limit: 100, nextToken: $nextToken) { items { id title startsAt status counts { invited } } nextToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardEvent($id: ID!) {\n    event(id: $id) { id title location startsAt endsAt timeZone status counts { ...DashboardCounts } }\n  }\n"): (typeof documents)["\n  query DashboardEvent($id: ID!) {\n    event(id: $id) { id title location startsAt endsAt timeZone status counts { ...DashboardCounts } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardEventCounts($id: ID!) {\n    event(id: $id) { id counts { ...DashboardCounts } }\n  }\n"): (typeof documents)["\n  query DashboardEventCounts($id: ID!) {\n    event(id: $id) { id counts { ...DashboardCounts } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAttendees($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { ...DashboardAnswer } nextToken }\n  }\n"): (typeof documents)["\n  query DashboardAttendees($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { ...DashboardAnswer } nextToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n"): (typeof documents)["\n  query DashboardImportJob($eventId: ID!, $id: ID!) {\n    importJob(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardImports($eventId: ID!) {\n    imports(eventId: $eventId) { ...DashboardImport }\n  }\n"): (typeof documents)["\n  query DashboardImports($eventId: ID!) {\n    imports(eventId: $eventId) { ...DashboardImport }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnDashboardCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n"): (typeof documents)["\n  subscription OnDashboardCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnDashboardAnswer($eventId: ID!) {\n    onAttendeeResponded(eventId: $eventId) { ...DashboardAnswer }\n  }\n"): (typeof documents)["\n  subscription OnDashboardAnswer($eventId: ID!) {\n    onAttendeeResponded(eventId: $eventId) { ...DashboardAnswer }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnDashboardImport($eventId: ID!, $id: ID) {\n    onImportProgress(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n"): (typeof documents)["\n  subscription OnDashboardImport($eventId: ID!, $id: ID) {\n    onImportProgress(eventId: $eventId, id: $id) { ...DashboardImport }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { id title version }\n  }\n"): (typeof documents)["\n  mutation TestCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { id title version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!) {\n    inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } duplicates { email } invalid { email } rejected { email } }\n  }\n"): (typeof documents)["\n  mutation TestInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!) {\n    inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } duplicates { email } invalid { email } rejected { email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRsvpForAttendee($eventId: ID!, $email: String!, $response: RsvpResponse!, $comment: String) {\n    rsvp(eventId: $eventId, email: $email, response: $response, comment: $comment) {\n      eventId email name status updatedAt invitedAt\n      answer { response comment via sequence dtstamp answeredAt }\n    }\n  }\n"): (typeof documents)["\n  mutation TestRsvpForAttendee($eventId: ID!, $email: String!, $response: RsvpResponse!, $comment: String) {\n    rsvp(eventId: $eventId, email: $email, response: $response, comment: $comment) {\n      eventId email name status updatedAt invitedAt\n      answer { response comment via sequence dtstamp answeredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRsvpWithToken($eventId: ID!, $response: RsvpResponse!, $token: String!) {\n    rsvp(eventId: $eventId, response: $response, token: $token) { eventId email status }\n  }\n"): (typeof documents)["\n  mutation TestRsvpWithToken($eventId: ID!, $response: RsvpResponse!, $token: String!) {\n    rsvp(eventId: $eventId, response: $response, token: $token) { eventId email status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRecordEmailRsvp($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!) {\n    recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp) { eventId email status }\n  }\n"): (typeof documents)["\n  mutation TestRecordEmailRsvp($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!) {\n    recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp) { eventId email status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestEventCounts($id: ID!) {\n    event(id: $id) { counts { invited needsAction accepted declined tentative } }\n  }\n"): (typeof documents)["\n  query TestEventCounts($id: ID!) {\n    event(id: $id) { counts { invited needsAction accepted declined tentative } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestAttendeeStatuses($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { email status } nextToken }\n  }\n"): (typeof documents)["\n  query TestAttendeeStatuses($eventId: ID!, $nextToken: String) {\n    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { email status } nextToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestOnCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n"): (typeof documents)["\n  subscription TestOnCounts($eventId: ID!) {\n    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;