// Typed documents (generated/client/) for tests that set up events and guests.
import { graphql } from '../../generated/client';

export const TEST_CREATE_EVENT = graphql(`
  mutation TestCreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) { id title version }
  }
`);

export const TEST_INVITE_ATTENDEES = graphql(`
  mutation TestInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!) {
    inviteAttendees(eventId: $eventId, attendees: $attendees) { invited { email } duplicates { email } invalid { email } rejected { email } }
  }
`);

/** The organizer answering for an attendee (`via` ORGANIZER); eventId selected so onAttendeeResponded pushes it. */
export const TEST_RSVP_FOR_ATTENDEE = graphql(`
  mutation TestRsvpForAttendee($eventId: ID!, $email: String!, $response: RsvpResponse!, $comment: String) {
    rsvp(eventId: $eventId, email: $email, response: $response, comment: $comment) {
      eventId email name status updatedAt invitedAt
      answer { response comment via sequence dtstamp answeredAt }
    }
  }
`);
