// Every resolver and pipeline function of the API, in one list: field, code, data source.
// Code paths are relative to resolvers/; each is bundled by infra/resolverBundle.ts.

export type DataSourceName = 'table' | 'none' | 'inviteQueue' | 'importUploads' | 'tokenVerifier' | 'acceptanceDigestTimer';

export const PIPELINE_FUNCTIONS = {
  getOrganizer: { code: 'organizers/fn/getOrganizer.ts', dataSource: 'table' },
  registerOrganizer: { code: 'organizers/fn/registerOrganizer.ts', dataSource: 'table' },
  checkOrganizerActive: { code: 'organizers/fn/checkOrganizerActive.ts', dataSource: 'none' },
  putEventAndCountIt: { code: 'events/fn/putEventAndCountIt.ts', dataSource: 'table' },
  getEventToChange: { code: 'events/fn/getEventToChange.ts', dataSource: 'table' },
  updateEventItem: { code: 'events/fn/updateEventItem.ts', dataSource: 'table' },
  cancelEventAndUncountIt: { code: 'events/fn/cancelEventAndUncountIt.ts', dataSource: 'table' },
  noticeRefusal: { code: 'organizers/fn/noticeRefusal.ts', dataSource: 'table' },
  getEventToRead: { code: 'attendees/fn/getEventToRead.ts', dataSource: 'table' },
  findAttendees: { code: 'attendees/fn/findAttendees.ts', dataSource: 'table' },
  findSuppressions: { code: 'attendees/fn/findSuppressions.ts', dataSource: 'table' },
  putAttendeesAndCountThem: { code: 'attendees/fn/putAttendeesAndCountThem.ts', dataSource: 'table' },
  putRemainingAttendees: { code: 'attendees/fn/putRemainingAttendees.ts', dataSource: 'table' },
  releaseUnplaced: { code: 'attendees/fn/releaseUnplaced.ts', dataSource: 'table' },
  getAttendee: { code: 'attendees/fn/getAttendee.ts', dataSource: 'table' },
  deleteAttendeeAndUncountIt: { code: 'attendees/fn/deleteAttendeeAndUncountIt.ts', dataSource: 'table' },
  queryAttendees: { code: 'attendees/fn/queryAttendees.ts', dataSource: 'table' },
  queueInvitations: { code: 'attendees/fn/queueInvitations.ts', dataSource: 'inviteQueue' },
  queryUpcomingEvents: { code: 'events/fn/queryUpcomingEvents.ts', dataSource: 'table' },
  queryPastEvents: { code: 'events/fn/queryPastEvents.ts', dataSource: 'table' },
  putImportJob: { code: 'imports/fn/putImportJob.ts', dataSource: 'table' },
  presignUpload: { code: 'imports/fn/presignUpload.ts', dataSource: 'importUploads' },
  getImportJob: { code: 'imports/fn/getImportJob.ts', dataSource: 'table' },
  queryImportJobs: { code: 'imports/fn/queryImportJobs.ts', dataSource: 'table' },
  verifyAttendeeToken: { code: 'rsvps/fn/verifyAttendeeToken.ts', dataSource: 'tokenVerifier' },
  getEventForRsvp: { code: 'rsvps/fn/getEventForRsvp.ts', dataSource: 'table' },
  getAcceptanceNotices: { code: 'rsvps/fn/getAcceptanceNotices.ts', dataSource: 'table' },
  scheduleAcceptanceDigest: { code: 'rsvps/fn/scheduleAcceptanceDigest.ts', dataSource: 'acceptanceDigestTimer' },
  recordAnswer: { code: 'rsvps/fn/recordAnswer.ts', dataSource: 'table' },
  queryRsvpHistory: { code: 'rsvps/fn/queryRsvpHistory.ts', dataSource: 'table' },
} as const satisfies Record<string, { code: string; dataSource: DataSourceName }>;

export type PipelineFunctionName = keyof typeof PIPELINE_FUNCTIONS;

export type ResolverSpec = {
  typeName: 'Query' | 'Mutation' | 'Subscription' | string;
  fieldName: string;
  code: string;
} & ({ pipeline: PipelineFunctionName[] } | { dataSource: DataSourceName });

export const RESOLVERS: ResolverSpec[] = [
  { typeName: 'Query', fieldName: 'me', code: 'organizers/me.ts', pipeline: ['getOrganizer', 'registerOrganizer'] },
  { typeName: 'Query', fieldName: 'event', code: 'events/event.ts', dataSource: 'table' },
  { typeName: 'Query', fieldName: 'events', code: 'events/events.ts', pipeline: ['queryUpcomingEvents', 'queryPastEvents'] },
  { typeName: 'Query', fieldName: 'organizer', code: 'organizers/organizer.ts', dataSource: 'table' },
  {
    typeName: 'Mutation',
    fieldName: 'createEvent',
    code: 'events/createEvent.ts',
    pipeline: ['getOrganizer', 'registerOrganizer', 'checkOrganizerActive', 'putEventAndCountIt', 'noticeRefusal'],
  },
  {
    typeName: 'Mutation',
    fieldName: 'updateEvent',
    code: 'events/updateEvent.ts',
    pipeline: ['getOrganizer', 'registerOrganizer', 'checkOrganizerActive', 'getEventToChange', 'updateEventItem', 'noticeRefusal'],
  },
  {
    typeName: 'Mutation',
    fieldName: 'cancelEvent',
    code: 'events/cancelEvent.ts',
    pipeline: ['getOrganizer', 'registerOrganizer', 'checkOrganizerActive', 'getEventToChange', 'cancelEventAndUncountIt', 'noticeRefusal'],
  },
  { typeName: 'Query', fieldName: 'attendees', code: 'attendees/attendees.ts', pipeline: ['getEventToRead', 'queryAttendees'] },
  {
    typeName: 'Mutation',
    fieldName: 'inviteAttendees',
    code: 'attendees/inviteAttendees.ts',
    pipeline: [
      'getOrganizer',
      'registerOrganizer',
      'checkOrganizerActive',
      'getEventToChange',
      'findAttendees',
      'findSuppressions',
      'putAttendeesAndCountThem',
      'putRemainingAttendees',
      'releaseUnplaced',
      'queueInvitations',
      'noticeRefusal',
    ],
  },
  {
    typeName: 'Mutation',
    fieldName: 'removeAttendee',
    code: 'attendees/removeAttendee.ts',
    pipeline: ['getOrganizer', 'registerOrganizer', 'checkOrganizerActive', 'getEventToChange', 'getAttendee', 'deleteAttendeeAndUncountIt', 'queueInvitations', 'noticeRefusal'],
  },
  { typeName: 'Mutation', fieldName: 'suspendOrganizer', code: 'organizers/suspendOrganizer.ts', dataSource: 'table' },
  { typeName: 'Mutation', fieldName: 'reinstateOrganizer', code: 'organizers/reinstateOrganizer.ts', dataSource: 'table' },
  { typeName: 'Mutation', fieldName: 'setOrganizerLimits', code: 'organizers/setOrganizerLimits.ts', dataSource: 'table' },
  { typeName: 'Mutation', fieldName: 'setAcceptanceNotices', code: 'organizers/setAcceptanceNotices.ts', dataSource: 'table' },
  {
    typeName: 'Mutation',
    fieldName: 'startImport',
    code: 'imports/startImport.ts',
    pipeline: ['getOrganizer', 'registerOrganizer', 'checkOrganizerActive', 'getEventToChange', 'putImportJob', 'presignUpload', 'noticeRefusal'],
  },
  { typeName: 'Query', fieldName: 'importJob', code: 'imports/importJob.ts', pipeline: ['getEventToRead', 'getImportJob'] },
  { typeName: 'Query', fieldName: 'imports', code: 'imports/imports.ts', pipeline: ['getEventToRead', 'queryImportJobs'] },
  { typeName: 'Mutation', fieldName: 'reportImportProgress', code: 'imports/reportImportProgress.ts', dataSource: 'table' },
  { typeName: 'Subscription', fieldName: 'onImportProgress', code: 'imports/onImportProgress.ts', dataSource: 'table' },
  { typeName: 'Mutation', fieldName: 'publishRsvpCounts', code: 'rsvps/publishRsvpCounts.ts', dataSource: 'none' },
  { typeName: 'Subscription', fieldName: 'onRsvpCountsChanged', code: 'rsvps/onRsvpCountsChanged.ts', dataSource: 'table' },
  { typeName: 'Subscription', fieldName: 'onAttendeeResponded', code: 'rsvps/onAttendeeResponded.ts', dataSource: 'table' },
  { typeName: 'Mutation', fieldName: 'rsvp', code: 'rsvps/rsvp.ts', pipeline: ['verifyAttendeeToken', 'getEventForRsvp', 'getAttendee', 'getAcceptanceNotices', 'scheduleAcceptanceDigest', 'recordAnswer'] },
  { typeName: 'Mutation', fieldName: 'recordEmailRsvp', code: 'rsvps/recordEmailRsvp.ts', pipeline: ['getEventForRsvp', 'getAttendee', 'getAcceptanceNotices', 'scheduleAcceptanceDigest', 'recordAnswer'] },
  { typeName: 'Query', fieldName: 'rsvpHistory', code: 'rsvps/rsvpHistory.ts', pipeline: ['getEventToRead', 'queryRsvpHistory'] },
];
