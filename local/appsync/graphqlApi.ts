// One GraphQL API of the template, executable: schema, auth rules, resolver plans.
// graphql-js does parsing, validation and the execution walk; every field goes through
// `resolveField`, which applies AppSync's field auth and runs the field's resolver.
import {
  defaultFieldResolver,
  execute,
  getLocation,
  GraphQLError,
  isObjectType,
  parse,
  responsePathAsArray,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from '../shared/logger';
import { allows, fieldRules, type FieldRule } from './auth/fieldAuth';
import type { AuthContext } from './auth/authenticate';
import type { DataSource } from './dataSources/dataSource';
import { FieldError, formatError, type AppSyncError } from './errors';
import { runResolver, type ResolverContext, type ResolverPlan } from './executor/runResolver';
import { selectionSetGraphQL, selectionSetList } from './executor/selectionSet';
import type { AuthMode, GraphqlApiConfig } from './options';
import type { Evaluation } from './runtime/evaluation';
import type { Sandbox } from './sandbox';
import { buildApiSchema } from './schema/buildSchema';

export type GraphqlRequest = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null };

export type GraphqlResponse = { data?: unknown; errors?: AppSyncError[] };

type RequestState = {
  auth: AuthContext;
  headers: Record<string, string>;
  variables: Record<string, unknown>;
  appended: AppSyncError[];
};

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

  constructor(
    readonly config: GraphqlApiConfig,
    dataSources: Map<string, DataSource>,
    sandbox: Sandbox,
    private readonly logger: Logger,
  ) {
    this.schema = buildApiSchema(config.schema);
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
        { name: fn.name, code: sandbox.load(fn.code.file, fn.code.source), dataSource: dataSource(fn.dataSourceName, `function ${fn.name}`) },
      ]),
    );
    const plans = new Map<string, ResolverPlan>();
    for (const r of config.resolvers) {
      const field = `${r.typeName}.${r.fieldName}`;
      if (!rules.has(field)) throw new Error(`A resolver is attached to ${field}, which the schema does not have.`);
      plans.set(field, {
        field,
        kind: r.kind,
        code: sandbox.load(r.code.file, r.code.source),
        dataSource: r.kind === 'UNIT' ? dataSource(String(r.dataSourceName), field) : undefined,
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

  async execute(request: GraphqlRequest, auth: AuthContext, headers: Record<string, string>): Promise<GraphqlResponse> {
    const document = this.document(request.query);
    if (!('kind' in document)) return { data: null, errors: document.map(formatError) };
    const state: RequestState = { auth, headers, variables: request.variables ?? {}, appended: [] };
    const result = await execute({
      schema: this.schema,
      document,
      rootValue: {},
      contextValue: state,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      fieldResolver: this.resolveField,
    });
    const errors = [...(result.errors ?? []).map(formatError), ...state.appended];
    return errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data };
  }

  /** Parsed and validated once per distinct query text. */
  private document(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.documents.get(query);
    if (cached) return cached;
    let outcome: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
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
    if (!entry?.plan) return defaultFieldResolver(source, args, state, info);
    return this.runPlan(entry.plan, source, args, state, info);
  };

  private async runPlan(plan: ResolverPlan, source: unknown, args: unknown, state: RequestState, info: GraphQLResolveInfo) {
    const plainArgs = JSON.parse(JSON.stringify(args)) as unknown;
    const ctx: ResolverContext = {
      arguments: plainArgs,
      args: plainArgs,
      identity: state.auth.identity,
      source: source ?? null,
      info: {
        fieldName: info.fieldName,
        parentTypeName: info.parentType.name,
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
    const evaluation: Evaluation = { authType: AUTH_TYPE_NAMES[state.auth.mode], appendedErrors: [] };
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
