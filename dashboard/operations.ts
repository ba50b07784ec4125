// What the dashboard reads and follows, as typed documents of the generated client
// (generated/client/, `npm run codegen`). Operation names are unique across the project.
import { graphql } from '../generated/client';

export const DASHBOARD_COUNTS_FIELDS = graphql(`
  fragment DashboardCounts on AttendeeCounts { invited needsAction accepted declined tentative }
`);

export const DASHBOARD_ANSWER_FIELDS = graphql(`
  fragment DashboardAnswer on Attendee {
    eventId email name status updatedAt
    answer { response comment via answeredAt }
  }
`);

export const DASHBOARD_IMPORT_FIELDS = graphql(`
  fragment DashboardImport on ImportJob {
    id eventId status fileName size bytesRead lastRow failureReason stoppedAtRow createdAt
    totals { rows valid invited duplicates invalid rejected notInvited }
  }
`);

export const DASHBOARD_EVENTS = graphql(`
  query DashboardEvents($nextToken: String) {
    events(limit: 100, nextToken: $nextToken) { items { id title startsAt status counts { invited } } nextToken }
  }
`);

export const DASHBOARD_EVENT = graphql(`
  query DashboardEvent($id: ID!) {
    event(id: $id) { id title location startsAt endsAt timeZone status counts { ...DashboardCounts } }
  }
`);

export const DASHBOARD_COUNTS = graphql(`
  query DashboardEventCounts($id: ID!) {
    event(id: $id) { id counts { ...DashboardCounts } }
  }
`);

export const DASHBOARD_ATTENDEES = graphql(`
  query DashboardAttendees($eventId: ID!, $nextToken: String) {
    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { ...DashboardAnswer } nextToken }
  }
`);

export const DASHBOARD_IMPORT_JOB = graphql(`
  query DashboardImportJob($eventId: ID!, $id: ID!) {
    importJob(eventId: $eventId, id: $id) { ...DashboardImport }
  }
`);

export const DASHBOARD_IMPORTS = graphql(`
  query DashboardImports($eventId: ID!) {
    imports(eventId: $eventId) { ...DashboardImport }
  }
`);

export const ON_DASHBOARD_COUNTS = graphql(`
  subscription OnDashboardCounts($eventId: ID!) {
    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }
  }
`);

export const ON_DASHBOARD_ANSWER = graphql(`
  subscription OnDashboardAnswer($eventId: ID!) {
    onAttendeeResponded(eventId: $eventId) { ...DashboardAnswer }
  }
`);

export const ON_DASHBOARD_IMPORT = graphql(`
  subscription OnDashboardImport($eventId: ID!, $id: ID) {
    onImportProgress(eventId: $eventId, id: $id) { ...DashboardImport }
  }
`);
