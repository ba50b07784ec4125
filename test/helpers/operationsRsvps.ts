// Typed documents (generated/client/) for tests of answers and live counts.
import { graphql } from '../../generated/client';

/** An attendee's answer with the token from their invitation (API key). */
export const TEST_RSVP_WITH_TOKEN = graphql(`
  mutation TestRsvpWithToken($eventId: ID!, $response: RsvpResponse!, $token: String!) {
    rsvp(eventId: $eventId, response: $response, token: $token) { eventId email status }
  }
`);

/** The mail ingestion's call (IAM), for a reply's SEQUENCE and DTSTAMP. */
export const TEST_RECORD_EMAIL_RSVP = graphql(`
  mutation TestRecordEmailRsvp($eventId: ID!, $email: String!, $response: RsvpResponse!, $sequence: Int!, $dtstamp: AWSDateTime!) {
    recordEmailRsvp(eventId: $eventId, email: $email, response: $response, sequence: $sequence, dtstamp: $dtstamp) { eventId email status }
  }
`);

export const TEST_EVENT_COUNTS = graphql(`
  query TestEventCounts($id: ID!) {
    event(id: $id) { counts { invited needsAction accepted declined tentative } }
  }
`);

export const TEST_ATTENDEE_STATUSES = graphql(`
  query TestAttendeeStatuses($eventId: ID!, $nextToken: String) {
    attendees(eventId: $eventId, limit: 100, nextToken: $nextToken) { items { email status } nextToken }
  }
`);

export const TEST_ON_COUNTS = graphql(`
  subscription TestOnCounts($eventId: ID!) {
    onRsvpCountsChanged(eventId: $eventId) { eventId invited needsAction accepted declined tentative changedAt }
  }
`);
