// One GraphQL API of the template, executable: schema, auth rules, resolver plans.
// graphql-js does parsing, validation and the execution walk; every field goes through
// `resolveField`, which applies AppSync's field auth and runs the field's resolver.
import {
  defaultFieldResolver,
  execute,
  getArgumentValues,
  getLocation,
  getVariableValues,
  getOperationAST,
  GraphQLError,
  isObjectType,
  Kind,
  parse,
  responsePathAsArray,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
  type ValidationRule,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
} from 'graphql';
import type { Logger } from '../shared/logger';
import { allows, fieldRules, type FieldRule } from './auth/fieldAuth';
import type { AuthContext } from './auth/authenticate';
import type { DataSource } from './dataSources/dataSource';
import { FieldError, formatError, type AppSyncError } from './errors';
import { runResolver, type ResolverContext, type ResolverPlan } from './executor/runResolver';
import { selectionSetGraphQL, selectionSetList } from './executor/selectionSet';
import type { AuthMode, GraphqlApiConfig } from './options';
import { createEvaluation, type Evaluation } from './runtime/evaluation';
import type { Sandbox } from './sandbox';
import { buildApiSchema } from './schema/buildSchema';
import { maxDepthRule } from './schema/maxDepthRule';
import { matchesArguments, matchesFilter, type SubscriptionFilter } from './subscriptions/filters';
import { SubscriptionRegistry, type ActiveSubscription, type SubscriptionSink } from './subscriptions/registry';
import { subscriptionsByMutation } from './subscriptions/subscribeDirective';

export type GraphqlRequest = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null };

export type GraphqlResponse = { data?: unknown; errors?: AppSyncError[] };

type RequestState = {
  auth: AuthContext;
  headers: Record<string, string>;
  variables: Record<string, unknown>;
  appended: AppSyncError[];
  /**
   * What this request's resolvers asked of the service, shared by all their Evaluations
   * (AWS's limits count per request): response headers, invalidations, cache evictions.
   */
  shared: SharedRecords;
  /** Set while resolving a subscription payload: no resolvers run, only field auth. */
  payloadOnly?: boolean;
  /** Resolvers run so far by this request (the API's ResolverCountLimit caps them). */
  resolverRuns?: number;
};

type SharedRecords = Required<Pick<Evaluation, 'responseHeaders' | 'invalidations' | 'cacheEvictions'>>;

const newShared = (): SharedRecords => ({ responseHeaders: {}, invalidations: [], cacheEvictions: [] });

/** A request's result: the JSON body, and headers util.http asked to add to the response. */
export type ExecutionOutcome = { body: GraphqlResponse; headers: Record<string, string> };

export type SubscribeOutcome = { errors: AppSyncError[] } | { unsubscribe: () => void };

type FieldEntry = { rule: FieldRule; plan?: ResolverPlan };

const AUTH_TYPE_NAMES: Record<AuthMode, string> = {
  API_KEY: 'API Key Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  AWS_IAM: 'IAM Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
};

const DOCUMENT_CACHE_SIZE = 500;

export class LocalGraphqlApi {
  readonly schema: GraphQLSchema;
  private readonly fields = new Map<GraphQLObjectType, Map<string, FieldEntry>>();
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  private readonly env: Readonly<Record<string, string>>;
  private readonly triggers: Map<string, string[]>;
  private readonly validationRules: ValidationRule[];

  constructor(
    readonly config: GraphqlApiConfig,
    dataSources: Map<string, DataSource>,
    sandbox: Sandbox,
    private readonly logger: Logger,
    /**
     * Where open subscriptions are kept. An API built again from a new template (a dev
     * reload) takes the running one's, so that its mutations reach the open subscriptions.
     */
    private readonly subscriptions = new SubscriptionRegistry(),
  ) {
    this.schema = buildApiSchema(config.schema);
    this.triggers = subscriptionsByMutation(this.schema);
    this.validationRules = [
      ...specifiedRules,
      // IntrospectionConfig DISABLED: introspection fields fail validation, as in AppSync.
      ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
      ...(config.queryDepthLimit ? [maxDepthRule(config.queryDepthLimit)] : []),
    ];
    this.env = Object.freeze({ ...config.environment });
    const rules = fieldRules(this.schema, config.defaultAuth.type);
    const dataSource = (name: string, owner: string) => {
      const found = dataSources.get(name);
      if (!found) throw new Error(`${owner} uses data source ${name}, which the local runtime does not have.`);
      return found;
    };
    const functions = new Map(
      config.functions.map((fn) => [
        fn.functionId,
        {
          name: fn.name,
          code: sandbox.load(fn.code.file, fn.code.source),
          dataSource: dataSource(fn.dataSourceName, `function ${fn.name}`),
          maxBatchSize: fn.maxBatchSize,
        },
      ]),
    );
    const plans = new Map<string, ResolverPlan>();
    for (const r of config.resolvers) {
      const field = `${r.typeName}.${r.fieldName}`;
      if (!rules.has(field)) throw new Error(`A resolver is attached to ${field}, which the schema does not have.`);
      const fieldDef = (this.schema.getType(r.typeName) as GraphQLObjectType).getFields()[r.fieldName];
      plans.set(field, {
        field,
        resolver: { parentType: r.typeName, field: r.fieldName, outputType: String(fieldDef.type) },
        kind: r.code ? r.kind : 'DIRECT',
        code: r.code ? sandbox.load(r.code.file, r.code.source) : undefined,
        dataSource: r.kind === 'UNIT' ? dataSource(String(r.dataSourceName), field) : undefined,
        maxBatchSize: r.maxBatchSize,
        functions: r.functionIds.map((id) => {
          const fn = functions.get(id);
          if (!fn) throw new Error(`${field} runs function ${id}, which is not in the template.`);
          return fn;
        }),
      });
    }
    for (const type of Object.values(this.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const entries = new Map<string, FieldEntry>();
      for (const name of Object.keys(type.getFields())) {
        const key = `${type.name}.${name}`;
        entries.set(name, { rule: rules.get(key)!, plan: plans.get(key) });
      }
      this.fields.set(type, entries);
    }
  }

  /** @param options.readOnly refuse anything but queries (GET requests). */
  async execute(request: GraphqlRequest, auth: AuthContext, headers: Record<string, string>, options: { readOnly?: boolean } = {}): Promise<ExecutionOutcome> {
    const document = this.document(request.query);
    if (!('kind' in document)) return { body: { data: null, errors: document.map(formatError) }, headers: {} };
    const operation = getOperationAST(document, request.operationName);
    if (options.readOnly && operation && operation.operation !== 'query') {
      return { body: { data: null, errors: [requestError('GET /graphql runs queries only; send mutations as POST.', 'BadRequestException')] }, headers: {} };
    }
    if (operation?.operation === 'subscription') {
      const error = requestError('Subscriptions are served over the realtime WebSocket endpoint, not over HTTP.', 'BadRequestException');
      return { body: { data: null, errors: [error] }, headers: {} };
    }
    const state: RequestState = { auth, headers, variables: request.variables ?? {}, appended: [], shared: newShared() };
    const result = await execute({
      schema: this.schema,
      document,
      rootValue: {},
      contextValue: state,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      fieldResolver: this.resolveField,
    });
    if (operation?.operation === 'mutation') this.afterMutation(operation.selectionSet.selections, result, state);
    const errors = [...(result.errors ?? []).map(formatError), ...state.appended];
    const body = errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data };
    return { body, headers: state.shared.responseHeaders };
  }

  /**
   * Opens a subscription: validates the operation, checks field auth, runs the field's
   * resolver (which may set filters or refuse), then registers the sink.
   */
  async subscribe(
    request: GraphqlRequest,
    auth: AuthContext,
    headers: Record<string, string>,
    sink: SubscriptionSink,
  ): Promise<SubscribeOutcome> {
    const document = this.document(request.query);
    if (!('kind' in document)) return { errors: document.map(formatError) };
    const operation = getOperationAST(document, request.operationName);
    if (!operation || operation.operation !== 'subscription') {
      return { errors: [requestError('Only subscription operations can be started on the realtime endpoint.', 'BadRequestException')] };
    }
    const subscriptionType = this.schema.getSubscriptionType()!;
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors.map(formatError) };
    const node = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
    if (!node || node.kind !== Kind.FIELD) return { errors: [requestError('A subscription selects one field.', 'BadRequestException')] };
    const field = subscriptionType.getFields()[node.name.value];
    const entry = this.fields.get(subscriptionType)?.get(field.name);
    const errorAt = (message: string, errorType: string, extra: Partial<AppSyncError> = {}): SubscribeOutcome => ({
      errors: [{ ...requestError(message, errorType), path: [node.alias?.value ?? field.name], ...extra }],
    });
    if (entry && !allows(entry.rule, auth.mode, auth.groups)) {
      return errorAt(`Not Authorized to access ${field.name} on type Subscription`, 'Unauthorized');
    }
    const args = getArgumentValues(field, node, coerced.coerced) as Record<string, unknown>;
    let filter: SubscriptionFilter | null = null;
    let invalidationFilter: SubscriptionFilter | null = null;
    if (entry?.plan) {
      const state: RequestState = { auth, headers, variables: request.variables ?? {}, appended: [], shared: newShared() };
      const evaluation = createEvaluation(AUTH_TYPE_NAMES[auth.mode], state.shared);
      const ctx = this.resolverContext(args, null, state, { fieldName: field.name, parentTypeName: 'Subscription', fieldNodes: [node], fragments: {} });
      try {
        await runResolver(entry.plan, ctx, evaluation);
      } catch (error) {
        if (error instanceof FieldError) return errorAt(error.message, error.errorType ?? 'Unknown', { data: error.data, errorInfo: error.errorInfo });
        throw error;
      }
      filter = evaluation.subscriptionFilter ?? null;
      invalidationFilter = evaluation.invalidationFilter ?? null;
    }
    const unsubscribe = this.subscriptions.add({
      field: field.name,
      args,
      document,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? {},
      auth,
      filter,
      invalidationFilter,
      groupKey: JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}, auth.mode, auth.groups]),
      sink,
    });
    return { unsubscribe };
  }

  /** Number of open subscriptions (for tests and the dev summary). */
  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  /**
   * After a mutation: each successful root field publishes its result, as the mutation's
   * caller selected it, to the subscription fields that @aws_subscribe to it; then the
   * invalidations its resolvers asked for take effect. Runs after the response is built.
   */
  private afterMutation(selections: readonly SelectionNode[], result: ExecutionResult, state: RequestState) {
    const published: [string, unknown][] = [];
    for (const node of selections) {
      if (node.kind !== Kind.FIELD) continue;
      const value = (result.data as Record<string, unknown> | null | undefined)?.[node.alias?.value ?? node.name.value];
      if (value !== null && value !== undefined && this.triggers.has(node.name.value)) published.push([node.name.value, value]);
    }
    const invalidations = state.shared.invalidations;
    if (published.length === 0 && invalidations.length === 0) return;
    setImmediate(() => {
      for (const [mutation, payload] of published) {
        for (const field of this.triggers.get(mutation) ?? []) this.publish(field, payload);
      }
      for (const invalidation of invalidations) this.invalidate(invalidation.subscriptionField, invalidation.payload);
    });
  }

  private publish(field: string, payload: unknown) {
    const groups = new Map<string, { sample: ActiveSubscription; sinks: SubscriptionSink[] }>();
    for (const subscription of this.subscriptions.forField(field)) {
      // An enhanced filter set by the subscription resolver replaces argument filtering: its
      // arguments need not be fields of the payload (e.g. onUrgentMessage(minPriority)).
      const passes = subscription.filter ? matchesFilter(subscription.filter, payload) : matchesArguments(subscription.args, payload);
      if (!passes) continue;
      const group = groups.get(subscription.groupKey);
      if (group) group.sinks.push(subscription.sink);
      else groups.set(subscription.groupKey, { sample: subscription, sinks: [subscription.sink] });
    }
    for (const { sample, sinks } of groups.values()) {
      const state: RequestState = { auth: sample.auth, headers: {}, variables: sample.variables, appended: [], shared: newShared(), payloadOnly: true };
      const result = execute({
        schema: this.schema,
        document: sample.document,
        rootValue: { [field]: payload },
        contextValue: state,
        variableValues: sample.variables,
        operationName: sample.operationName,
        fieldResolver: this.resolveField,
      }) as ExecutionResult;
      const errors = (result.errors ?? []).map(formatError);
      const json = JSON.stringify(errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data });
      for (const sink of sinks) {
        try {
          sink.next(json);
        } catch (error) {
          this.logger.warn(`a subscriber of ${field} could not be sent a result: ${(error as Error).message}`);
        }
      }
    }
  }

  private invalidate(field: string, payload: unknown) {
    for (const subscription of [...this.subscriptions.forField(field)]) {
      if (subscription.invalidationFilter && matchesFilter(subscription.invalidationFilter, payload)) subscription.sink.complete();
    }
  }

  /** Parsed and validated once per distinct query text. */
  private document(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.documents.get(query);
    if (cached) return cached;
    let outcome: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query);
      const errors = validate(this.schema, document, this.validationRules);
      outcome = errors.length > 0 ? errors : document;
    } catch (error) {
      outcome = [error as GraphQLError];
    }
    if (this.documents.size >= DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(query, outcome);
    return outcome;
  }

  private readonly resolveField: GraphQLFieldResolver<unknown, RequestState> = (source, args, state, info) => {
    const entry = this.fields.get(info.parentType)?.get(info.fieldName);
    if (entry && !allows(entry.rule, state.auth.mode, state.auth.groups)) {
      throw new FieldError(`Not Authorized to access ${info.fieldName} on type ${info.parentType.name}`, 'Unauthorized');
    }
    if (!entry?.plan || state.payloadOnly) return defaultFieldResolver(source, args, state, info);
    return this.runPlan(entry.plan, source, args, state, info);
  };

  private resolverContext(
    args: unknown,
    source: unknown,
    state: RequestState,
    info: Pick<GraphQLResolveInfo, 'fieldName' | 'fieldNodes' | 'fragments'> & { parentTypeName: string },
  ): ResolverContext {
    const plainArgs = JSON.parse(JSON.stringify(args)) as unknown;
    return {
      arguments: plainArgs,
      args: plainArgs,
      identity: state.auth.identity,
      source: source ?? null,
      info: {
        fieldName: info.fieldName,
        parentTypeName: info.parentTypeName,
        variables: state.variables,
        get selectionSetList() {
          return selectionSetList(info.fieldNodes, info.fragments);
        },
        get selectionSetGraphQL() {
          return selectionSetGraphQL(info.fieldNodes);
        },
      },
      request: { headers: state.headers, domainName: null },
      env: this.env,
      stash: {},
      prev: {},
    };
  }

  private async runPlan(plan: ResolverPlan, source: unknown, args: unknown, state: RequestState, info: GraphQLResolveInfo) {
    state.resolverRuns = (state.resolverRuns ?? 0) + 1;
    const limit = this.config.resolverCountLimit;
    if (limit && state.resolverRuns > limit) {
      throw new FieldError(`This request would run more than ${limit} resolvers (the API's ResolverCountLimit).`, 'ResolverCountLimitExceeded');
    }
    const ctx = this.resolverContext(args, source, state, { ...info, parentTypeName: info.parentType.name });
    const evaluation = createEvaluation(AUTH_TYPE_NAMES[state.auth.mode], state.shared);
    try {
      return await runResolver(plan, ctx, evaluation);
    } catch (error) {
      if (error instanceof FieldError && error.errorType === 'Code') this.logger.warn(`${plan.field}: ${error.message}`);
      throw error;
    } finally {
      const path = responsePathAsArray(info.path);
      const locations = info.fieldNodes.flatMap((node) =>
        node.loc ? [{ ...getLocation(node.loc.source, node.loc.start), sourceName: null }] : [],
      );
      for (const e of evaluation.appendedErrors) {
        state.appended.push({ path, data: e.data, errorType: e.errorType, errorInfo: e.errorInfo, locations, message: e.message });
      }
    }
  }
}

function requestError(message: string, errorType: string): AppSyncError {
  return { path: null, data: null, errorType, errorInfo: null, locations: [], message };
}
