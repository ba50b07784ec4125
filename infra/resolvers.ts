// Every resolver and pipeline function of the API, in one list: field, code, data source.
// Code paths are relative to resolvers/; each is bundled by infra/resolverBundle.ts.

export type DataSourceName = 'table' | 'none';

export const PIPELINE_FUNCTIONS = {
  getOrganizer: { code: 'organizers/fn/getOrganizer.ts', dataSource: 'table' },
  registerOrganizer: { code: 'organizers/fn/registerOrganizer.ts', dataSource: 'table' },
  assertOrganizerActive: { code: 'organizers/fn/assertOrganizerActive.ts', dataSource: 'none' },
  putEventAndCountIt: { code: 'events/fn/putEventAndCountIt.ts', dataSource: 'table' },
  queryUpcomingEvents: { code: 'events/fn/queryUpcomingEvents.ts', dataSource: 'table' },
  queryPastEvents: { code: 'events/fn/queryPastEvents.ts', dataSource: 'table' },
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
  {
    typeName: 'Mutation',
    fieldName: 'createEvent',
    code: 'events/createEvent.ts',
    pipeline: ['getOrganizer', 'registerOrganizer', 'assertOrganizerActive', 'putEventAndCountIt'],
  },
];
