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

export type CreateEventInput = {
  /** Up to 8,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt: Scalars['AWSDateTime']['input'];
  /** Up to 500 characters. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** An instant with an offset (e.g. 2027-03-01T09:00:00+01:00), in the future, before endsAt. */
  startsAt: Scalars['AWSDateTime']['input'];
  /** An IANA time zone name (e.g. Europe/Paris), used for calendar output. */
  timeZone: Scalars['String']['input'];
  /** 1 to 200 characters, not blank. */
  title: Scalars['String']['input'];
};

export type Event = {
  __typename?: 'Event';
  createdAt: Scalars['AWSDateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** End instant, normalized to UTC. */
  endsAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  location?: Maybe<Scalars['String']['output']>;
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

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Create an event owned by the caller. Errors: `ValidationError` (errorInfo.violations names
   * each field), `Unauthorized` (suspended organizer), `LimitExceeded` (maxActiveEvents).
   */
  createEvent: Event;
};


export type MutationCreateEventArgs = {
  input: CreateEventInput;
};

export type Organizer = {
  __typename?: 'Organizer';
  createdAt: Scalars['AWSDateTime']['output'];
  email?: Maybe<Scalars['AWSEmail']['output']>;
  id: Scalars['ID']['output'];
  limits: OrganizerLimits;
  stats: OrganizerStats;
  status: OrganizerStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type OrganizerLimits = {
  __typename?: 'OrganizerLimits';
  maxActiveEvents: Scalars['Int']['output'];
  maxInvitationsPerDay: Scalars['Int']['output'];
  maxInvitationsPerEvent: Scalars['Int']['output'];
};

export type OrganizerStats = {
  __typename?: 'OrganizerStats';
  /** Events created and not cancelled; counted against limits.maxActiveEvents. */
  activeEvents: Scalars['Int']['output'];
  eventsCreated: Scalars['Int']['output'];
  invitationsSent: Scalars['Int']['output'];
};

export type OrganizerStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type Query = {
  __typename?: 'Query';
  /** One event. Only its organizer (or a member of `admins`) may read it; an unknown id is a `NotFound` error. */
  event?: Maybe<Event>;
  /**
   * The caller's events, upcoming first: events that have not started yet, soonest first, then
   * past events, most recent first. Pages hold at most `limit` items (1..100, default 20);
   * pass `nextToken` back to get the next page.
   */
  events: EventConnection;
  /** The calling organizer with status, limits and statistics. The first call of a new user registers the organizer. */
  me: Organizer;
};


export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};
