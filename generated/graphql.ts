export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

/** Someone invited to an event. */
export type Attendee = {
  __typename?: 'Attendee';
  /** Where their latest invitation mail stands. */
  delivery: Delivery;
  /** As invited: trimmed, domain lower-cased. */
  email: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  invitedAt: Scalars['AWSDateTime']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** Their answer (iCalendar PARTSTAT). */
  status: AttendeeStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type AttendeeConnection = {
  __typename?: 'AttendeeConnection';
  items: Array<Attendee>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** How many attendees gave each answer. */
export type AttendeeCounts = {
  __typename?: 'AttendeeCounts';
  accepted: Scalars['Int']['output'];
  declined: Scalars['Int']['output'];
  invited: Scalars['Int']['output'];
  needsAction: Scalars['Int']['output'];
  tentative: Scalars['Int']['output'];
};

export type AttendeeInput = {
  email: Scalars['String']['input'];
  /** Up to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

export type AttendeeStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'NEEDS_ACTION'
  | 'TENTATIVE';

export type CreateEventInput = {
  /** Up to 8,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt: Scalars['AWSDateTime']['input'];
  /** Up to 500 characters. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** Notes for the organizer alone (up to 2,000 characters); attendees never see them. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** An instant with an offset (e.g. 2027-03-01T09:00:00+01:00), in the future, before endsAt. */
  startsAt: Scalars['AWSDateTime']['input'];
  /** An IANA time zone name (e.g. Europe/Paris), used for calendar output. */
  timeZone: Scalars['String']['input'];
  /** 1 to 200 characters, not blank. */
  title: Scalars['String']['input'];
};

export type Delivery = {
  __typename?: 'Delivery';
  /** Send attempts of the latest mail. */
  attempts: Scalars['Int']['output'];
  /** Why the latest attempt failed. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** SES's message id of the latest mail sent. */
  messageId?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['AWSDateTime']['output']>;
  /** The iCalendar SEQUENCE of the latest mail sent. */
  sequence?: Maybe<Scalars['Int']['output']>;
  state: DeliveryState;
};

export type DeliveryState =
  /** SES reported a permanent bounce: nothing more is sent. */
  | 'BOUNCED'
  /** The recipient marked the mail as spam: nothing more is sent. */
  | 'COMPLAINED'
  /** Gave up after retries (see lastError). */
  | 'FAILED'
  /** Waiting in the dispatch queue. */
  | 'QUEUED'
  | 'SENT'
  /** The address is on the suppression list (bounced, complained or unsubscribed). */
  | 'SUPPRESSED';

export type Event = {
  __typename?: 'Event';
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** When and why the event was cancelled. */
  cancelledAt?: Maybe<Scalars['AWSDateTime']['output']>;
  /** Attendees by answer. */
  counts: AttendeeCounts;
  createdAt: Scalars['AWSDateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** End instant, normalized to UTC. */
  endsAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  location?: Maybe<Scalars['String']['output']>;
  /** The organizer's own notes (never sent to attendees). */
  notes?: Maybe<Scalars['String']['output']>;
  organizerId: Scalars['ID']['output'];
  /** iCalendar SEQUENCE: grows with every change attendees can see. */
  sequence: Scalars['Int']['output'];
  /** Start instant, normalized to UTC. */
  startsAt: Scalars['AWSDateTime']['output'];
  status: EventStatus;
  /** IANA time zone name the organizer chose, used for calendar output. */
  timeZone: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  /** Record version for optimistic concurrency: grows with every change. */
  version: Scalars['Int']['output'];
};

/** A page of events, the way AppSync APIs page: pass nextToken back for the next page. */
export type EventConnection = {
  __typename?: 'EventConnection';
  items: Array<Event>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type EventStatus =
  | 'ACTIVE'
  | 'CANCELLED';

export type InviteIssue = {
  __typename?: 'InviteIssue';
  email: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** What inviteAttendees did with each address. */
export type InviteResult = {
  __typename?: 'InviteResult';
  /** Already invited, or listed twice in the call: not sent again. */
  duplicates: Array<InviteIssue>;
  /** Not an address. */
  invalid: Array<InviteIssue>;
  invited: Array<Attendee>;
  /** Refused: the address bounced, complained or unsubscribed from your invitations. */
  rejected: Array<InviteIssue>;
};

/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancel an event: status CANCELLED, `sequence` incremented, the organizer's activeEvents
   * decremented, no further invitations. Cancelling twice is a `Conflict`.
   */
  cancelEvent: Event;
  /**
   * Create an event owned by the caller. Refused with `Unauthorized` for a suspended organizer
   * and `LimitExceeded` at maxActiveEvents; the organizer is told of a refusal by email.
   */
  createEvent: Event;
  /**
   * Invite up to 100 people to an active event. Addresses are trimmed with their domain
   * lower-cased; each is invited once (an address already invited, or listed twice, is a
   * duplicate and is not sent again). The whole call is refused with `LimitExceeded` when it
   * would cross maxInvitationsPerEvent or maxInvitationsPerDay (errorInfo.limit says which), and
   * with `Conflict` for a cancelled event. Each invited attendee is mailed a calendar invitation.
   */
  inviteAttendees: InviteResult;
  /** Lift a suspension (admins). */
  reinstateOrganizer: Organizer;
  /** Uninvite one attendee: they are mailed a cancellation and the event's counts change. */
  removeAttendee: Attendee;
  /** Change an organizer's limits (admins); limits left out keep their value. */
  setOrganizerLimits: Organizer;
  /** Suspend an organizer (admins): it can still read, but not create, update, invite or cancel. */
  suspendOrganizer: Organizer;
  /**
   * Change an event. `expectedVersion` is the `version` the caller last read: a stale one is a
   * `Conflict` (errorInfo.currentVersion). A change to what attendees see (title, description,
   * location, times, time zone) increments `sequence`; a change to `notes` does not. A cancelled
   * event cannot change (`Conflict`). Fields left out (or null, for title and times) keep their value;
   * an empty description, location or notes clears it.
   */
  updateEvent: Event;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationCancelEventArgs = {
  id: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationCreateEventArgs = {
  input: CreateEventInput;
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationInviteAttendeesArgs = {
  attendees: Array<AttendeeInput>;
  eventId: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationReinstateOrganizerArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationRemoveAttendeeArgs = {
  email: Scalars['String']['input'];
  eventId: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationSetOrganizerLimitsArgs = {
  id: Scalars['ID']['input'];
  limits: OrganizerLimitsInput;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationSuspendOrganizerArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationUpdateEventArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateEventInput;
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};

export type Organizer = {
  __typename?: 'Organizer';
  createdAt: Scalars['AWSDateTime']['output'];
  email?: Maybe<Scalars['AWSEmail']['output']>;
  id: Scalars['ID']['output'];
  limits: OrganizerLimits;
  stats: OrganizerStats;
  status: OrganizerStatus;
  /** Why an administrator suspended the organizer. */
  suspendedReason?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type OrganizerLimits = {
  __typename?: 'OrganizerLimits';
  maxActiveEvents: Scalars['Int']['output'];
  maxInvitationsPerDay: Scalars['Int']['output'];
  maxInvitationsPerEvent: Scalars['Int']['output'];
};

/** Limits an administrator sets; those left out keep their value. Each is 1..1,000,000. */
export type OrganizerLimitsInput = {
  maxActiveEvents?: InputMaybe<Scalars['Int']['input']>;
  maxInvitationsPerDay?: InputMaybe<Scalars['Int']['input']>;
  maxInvitationsPerEvent?: InputMaybe<Scalars['Int']['input']>;
};

export type OrganizerStats = {
  __typename?: 'OrganizerStats';
  /** Events created and not cancelled; counted against limits.maxActiveEvents. */
  activeEvents: Scalars['Int']['output'];
  eventsCreated: Scalars['Int']['output'];
  invitationsSent: Scalars['Int']['output'];
  /** Answers received from attendees, by answer. */
  rsvps: RsvpStats;
};

export type OrganizerStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type Query = {
  __typename?: 'Query';
  /**
   * An event's guest list, in address order, pages of at most `limit` (1..100, default 50);
   * `status` keeps one answer, `delivery` one delivery state (a filtered page may hold fewer
   * items while nextToken says more may follow). Its organizer, admins, or IAM for the organizer.
   */
  attendees: AttendeeConnection;
  /**
   * One event. Only its organizer (or a member of `admins`) may read it; an unknown id is a
   * `NotFound` error. IAM callers act for the organizer they name in `organizerId`.
   */
  event?: Maybe<Event>;
  /**
   * The caller's events, upcoming first: events that have not started yet, soonest first, then
   * past events, most recent first; `status` keeps only ACTIVE or CANCELLED ones (a filtered
   * page may hold fewer than `limit` items while nextToken says more may follow). Pages hold at
   * most `limit` items (1..100, default 20); pass `nextToken` back to get the next page. IAM
   * callers act for the organizer they name in `organizerId`.
   */
  events: EventConnection;
  /** The calling organizer with status, limits and statistics. The first call of a new user registers the organizer. */
  me: Organizer;
  /** One organizer, for administrators (the `admins` group). An unknown id is a `NotFound` error. */
  organizer?: Maybe<Organizer>;
};


export type QueryAttendeesArgs = {
  delivery?: InputMaybe<DeliveryState>;
  eventId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  organizerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<AttendeeStatus>;
};


export type QueryEventArgs = {
  id: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryEventsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  organizerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<EventStatus>;
};


export type QueryOrganizerArgs = {
  id: Scalars['ID']['input'];
};

export type RsvpStats = {
  __typename?: 'RsvpStats';
  accepted: Scalars['Int']['output'];
  declined: Scalars['Int']['output'];
  tentative: Scalars['Int']['output'];
};

/** What updateEvent changes: the fields given; the same rules as CreateEventInput. */
export type UpdateEventInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Moving an event: the new start must be in the future. */
  startsAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};
