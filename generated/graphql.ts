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

/** How an organizer hears of attendees accepting their invitations. */
export type AcceptanceNotices =
  /** One notice per period listing the acceptances recorded in it (none for an empty period). */
  | 'DIGEST'
  /** A notice for each acceptance, as it is recorded. */
  | 'EACH_ANSWER'
  /** No notices of acceptances (the counts and statistics still show them). */
  | 'OFF';

/** Someone invited to an event. */
export type Attendee = {
  __typename?: 'Attendee';
  /** Their latest answer: when, how, with what comment (null until they answer). */
  answer?: Maybe<RsvpAnswer>;
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
  /** Send attempts so far, of every mail to this attendee (invitation, updates, cancellation). */
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

export type ImportIssue = {
  __typename?: 'ImportIssue';
  email: Scalars['String']['output'];
  /** For a repeat within the file: the row it repeats. */
  firstRow?: Maybe<Scalars['Int']['output']>;
  kind: ImportIssueKind;
  reason: Scalars['String']['output'];
  row: Scalars['Int']['output'];
};

export type ImportIssueKind =
  | 'DUPLICATE'
  | 'INVALID'
  | 'NOT_INVITED'
  | 'REJECTED';

/** A bulk import of attendees from a CSV file. */
export type ImportJob = {
  __typename?: 'ImportJob';
  /** Bytes read so far: progress against size. */
  bytesRead: Scalars['Int']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  eventId: Scalars['ID']['output'];
  /** Why the import stopped early or failed. */
  failureReason?: Maybe<Scalars['String']['output']>;
  fileName?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The first rows of each kind that were not invited (up to 20 per kind): kind by kind, each in row order. */
  issues: Array<ImportIssue>;
  /** The last spreadsheet row read (the header is row 1; a quoted field spanning lines keeps its record one row). */
  lastRow: Scalars['Int']['output'];
  /** Bytes of the uploaded file, once it arrived. */
  size?: Maybe<Scalars['Int']['output']>;
  source: ImportSource;
  startedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  status: ImportStatus;
  /** The row from which nothing more was invited, when the API refused a whole chunk (a limit reached). */
  stoppedAtRow?: Maybe<Scalars['Int']['output']>;
  totals: ImportTotals;
  /** Header names that are neither email nor name: ignored. */
  unknownColumns: Array<Scalars['String']['output']>;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type ImportSource =
  | 'EMAIL'
  | 'UPLOAD';

export type ImportStatus =
  /** Every row was read; see totals for what came of each. */
  | 'COMPLETED'
  /** The file could not be read as a guest list (see failureReason); nothing more is invited. */
  | 'FAILED'
  | 'RUNNING'
  /** Waiting for the file (the upload URL expires after 15 minutes). */
  | 'WAITING_FOR_UPLOAD';

export type ImportTotals = {
  __typename?: 'ImportTotals';
  /** Repeats within the file, and addresses already invited. */
  duplicates: Scalars['Int']['output'];
  invalid: Scalars['Int']['output'];
  invited: Scalars['Int']['output'];
  /** Valid rows never invited: the import stopped (see stoppedAtRow). */
  notInvited: Scalars['Int']['output'];
  /** Addresses that bounced, complained or unsubscribed. */
  rejected: Scalars['Int']['output'];
  /** Data rows that are not blank. */
  rows: Scalars['Int']['output'];
  valid: Scalars['Int']['output'];
};

/** Where to send the CSV of a new import. */
export type ImportUpload = {
  __typename?: 'ImportUpload';
  expiresAt: Scalars['AWSDateTime']['output'];
  job: ImportJob;
  /** Headers the PUT must carry, as a JSON object. */
  uploadHeaders: Scalars['AWSJSON']['output'];
  /** PUT the file here. */
  uploadUrl: Scalars['AWSURL']['output'];
};

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
   * and `LimitExceeded` at maxActiveEvents; the organizer is told of a refusal by email. `id`
   * (a lower-case UUID, honoured for IAM callers alone) names the new event, so that a backend
   * retrying a call cannot create it twice: an event with that id already answers `Conflict`
   * with errorInfo `{ reason: "EVENT_EXISTS", eventId }` and changes nothing.
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
  /**
   * For the counts publisher (IAM), which reads the table's stream: an event's counts after a
   * change, as given, published to onRsvpCountsChanged subscribers. Stores nothing.
   */
  publishRsvpCounts: RsvpCounts;
  /**
   * For the mail ingestion (IAM): an iTIP REPLY matched to an invitation. A reply older than
   * the answer already recorded (SEQUENCE, then DTSTAMP, as RFC 5546 orders them) changes
   * nothing and is a `Conflict` (errorInfo.reason STALE_REPLY).
   */
  recordEmailRsvp: Attendee;
  /** Lift a suspension (admins). */
  reinstateOrganizer: Organizer;
  /** Uninvite one attendee: they are mailed a cancellation and the event's counts change. */
  removeAttendee: Attendee;
  /** For the importer (IAM): publishes the job as stored to onImportProgress subscribers. */
  reportImportProgress: ImportJob;
  /**
   * Answer an invitation. An attendee answers with the token from their invitation (API key; the
   * token is the credential, never the address alone); the RSVP page does the same with IAM
   * (`via: LINK`). The event's organizer answers on an attendee's behalf with `email` (Cognito,
   * or IAM with organizerId). The attendee's status, the event's counts and a history entry
   * change in one transaction. A cancelled event is a `Conflict`, someone not invited is
   * `NotFound`, a bad token `Unauthorized`; a comment is at most 500 characters.
   */
  rsvp: Attendee;
  /**
   * How the signed-in organizer hears of attendees accepting: a notice per acceptance, a digest
   * per period, or none. Allowed while suspended: it changes no event.
   */
  setAcceptanceNotices: Organizer;
  /** Change an organizer's limits (admins); limits left out keep their value. */
  setOrganizerLimits: Organizer;
  /**
   * Start a bulk import of attendees into an active event: returns the job and a presigned URL
   * to PUT the CSV to (within 15 minutes, with `uploadHeaders`). The file: a header row with an
   * `email` column (required) and a `name` column (optional), other columns ignored and
   * reported; UTF-8 with or without BOM; comma or semicolon separated; quoted fields may hold
   * separators and line breaks. Rows go through inviteAttendees' rules and limits in chunks of
   * 100; `importJob` and `onImportProgress` follow it, and the organizer gets a summary notice.
   * `source` is honoured for IAM callers alone (the mail ingestion says EMAIL).
   */
  startImport: ImportUpload;
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
  id?: InputMaybe<Scalars['ID']['input']>;
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
export type MutationPublishRsvpCountsArgs = {
  accepted: Scalars['Int']['input'];
  changedAt: Scalars['AWSDateTime']['input'];
  declined: Scalars['Int']['input'];
  eventId: Scalars['ID']['input'];
  invited: Scalars['Int']['input'];
  needsAction: Scalars['Int']['input'];
  tentative: Scalars['Int']['input'];
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationRecordEmailRsvpArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  dtstamp: Scalars['AWSDateTime']['input'];
  email: Scalars['String']['input'];
  eventId: Scalars['ID']['input'];
  response: RsvpResponse;
  sequence: Scalars['Int']['input'];
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
export type MutationReportImportProgressArgs = {
  eventId: Scalars['ID']['input'];
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
export type MutationRsvpArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  eventId: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
  response: RsvpResponse;
  token?: InputMaybe<Scalars['String']['input']>;
  via?: InputMaybe<RsvpChannel>;
};


/**
 * Every change goes through these mutations, whoever causes it. Cognito users act for
 * themselves; backend callers signed with IAM (the ingestion and import functions) act for the
 * organizer they name in `organizerId`, an argument honoured for IAM alone, with every check an
 * organizer's own call gets. Errors carry a stable `errorType`: `ValidationError`
 * (errorInfo.violations names each field), `Unauthorized` (errorInfo.reason), `LimitExceeded`
 * (errorInfo.limit), `NotFound`, `Conflict`.
 */
export type MutationSetAcceptanceNoticesArgs = {
  setting: AcceptanceNotices;
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
export type MutationStartImportArgs = {
  eventId: Scalars['ID']['input'];
  fileName?: InputMaybe<Scalars['String']['input']>;
  organizerId?: InputMaybe<Scalars['ID']['input']>;
  source?: InputMaybe<ImportSource>;
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
  /** How the organizer hears of attendees accepting; EACH_ANSWER until they choose. */
  acceptanceNotices: AcceptanceNotices;
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
  /** One bulk import of an event: its organizer, admins, or IAM for the organizer. An unknown id is a `NotFound` error. */
  importJob: ImportJob;
  /** An event's bulk imports (100 at most, in no particular order: sort them by createdAt). IAM callers act for the organizer they name in `organizerId`. */
  imports: Array<ImportJob>;
  /** The calling organizer with status, limits and statistics. The first call of a new user registers the organizer. */
  me: Organizer;
  /** One organizer, for administrators (the `admins` group). An unknown id is a `NotFound` error. */
  organizer?: Maybe<Organizer>;
  /** An attendee's answers in the order they were recorded: the event's organizer, admins, or IAM for the organizer. */
  rsvpHistory: Array<RsvpHistoryEntry>;
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


export type QueryImportJobArgs = {
  eventId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryImportsArgs = {
  eventId: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOrganizerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRsvpHistoryArgs = {
  email: Scalars['String']['input'];
  eventId: Scalars['ID']['input'];
  organizerId?: InputMaybe<Scalars['ID']['input']>;
};

/** An answer as recorded. */
export type RsvpAnswer = {
  __typename?: 'RsvpAnswer';
  answeredAt: Scalars['AWSDateTime']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  /** A mail reply's DTSTAMP; otherwise when the answer was given. */
  dtstamp: Scalars['AWSDateTime']['output'];
  response: RsvpResponse;
  /** The invitation's SEQUENCE the answer is to (a mail reply's own; otherwise the event's when it was given). */
  sequence: Scalars['Int']['output'];
  /** How it came: the API with the attendee's token, the RSVP page, a calendar reply by mail, or the organizer. */
  via: RsvpChannel;
};

export type RsvpChannel =
  | 'API'
  | 'EMAIL'
  | 'LINK'
  | 'ORGANIZER';

/** An event's counts after a change (onRsvpCountsChanged). */
export type RsvpCounts = {
  __typename?: 'RsvpCounts';
  accepted: Scalars['Int']['output'];
  /** When the change happened (the table's stream record; to the second). */
  changedAt: Scalars['AWSDateTime']['output'];
  declined: Scalars['Int']['output'];
  eventId: Scalars['ID']['output'];
  /** Attendees invited and not removed. */
  invited: Scalars['Int']['output'];
  needsAction: Scalars['Int']['output'];
  tentative: Scalars['Int']['output'];
};

/** One answer in an attendee's history. */
export type RsvpHistoryEntry = {
  __typename?: 'RsvpHistoryEntry';
  answeredAt: Scalars['AWSDateTime']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  dtstamp: Scalars['AWSDateTime']['output'];
  /** The status before this answer. */
  previous: AttendeeStatus;
  response: RsvpResponse;
  sequence: Scalars['Int']['output'];
  via: RsvpChannel;
};

/** An answer (iCalendar PARTSTAT); NEEDS-ACTION is where every attendee starts. */
export type RsvpResponse =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'TENTATIVE';

export type RsvpStats = {
  __typename?: 'RsvpStats';
  accepted: Scalars['Int']['output'];
  declined: Scalars['Int']['output'];
  tentative: Scalars['Int']['output'];
};

/**
 * Live updates. Subscribers must be allowed to read what they subscribe to: an event's
 * organizer, an admin, or IAM.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Each answer to the event's invitations, as the answering mutation returned it. AppSync
   * builds the push from that mutation's selection: an answer whose caller did not select
   * `eventId` reaches no subscriber, and other fields it did not select arrive as null.
   */
  onAttendeeResponded?: Maybe<Attendee>;
  /** An import's progress, after each chunk of rows and when it ends; every import of the event when `id` is left out. */
  onImportProgress?: Maybe<ImportJob>;
  /**
   * An event's counts after every change, whatever caused it (an answer by API, link, mail or
   * the organizer; an invitation; a removal). Pushed from the table's stream, so shortly after
   * the change and in the order changes happened.
   */
  onRsvpCountsChanged?: Maybe<RsvpCounts>;
};


/**
 * Live updates. Subscribers must be allowed to read what they subscribe to: an event's
 * organizer, an admin, or IAM.
 */
export type SubscriptionOnAttendeeRespondedArgs = {
  eventId: Scalars['ID']['input'];
};


/**
 * Live updates. Subscribers must be allowed to read what they subscribe to: an event's
 * organizer, an admin, or IAM.
 */
export type SubscriptionOnImportProgressArgs = {
  eventId: Scalars['ID']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Live updates. Subscribers must be allowed to read what they subscribe to: an event's
 * organizer, an admin, or IAM.
 */
export type SubscriptionOnRsvpCountsChangedArgs = {
  eventId: Scalars['ID']['input'];
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
