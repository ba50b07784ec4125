import { CfnElement, Expiration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AppsyncFunction,
  AuthorizationType,
  BaseDataSource,
  CfnGraphQLApi,
  Code,
  Definition,
  FieldLogLevel,
  FunctionRuntime,
  GraphqlApi,
  Resolver,
  UserPoolDefaultAction,
} from 'aws-cdk-lib/aws-appsync';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NodeFunction } from './nodeFunction';
import { join } from 'node:path';
import { bundleResolver, PROJECT_ROOT } from './resolverBundle';
import { PIPELINE_FUNCTIONS, RESOLVERS, type DataSourceName, type PipelineFunctionName } from './resolvers';
import type { AcceptanceDigests } from './acceptanceDigests';
import type { Imports } from './imports';
import type { TokenKey } from './tokenKey';
import type { Settings } from './settings';

export interface ApiProps {
  readonly table: ITable;
  readonly userPool: IUserPool;
  readonly settings: Settings;
  /** The invite-dispatch queue the inviteQueuer data source sends to (SQS_URL). */
  readonly inviteDispatch: IQueue;
  /** Bulk imports: startImport hands out upload URLs into its bucket (the importUploads data source). */
  readonly imports: Imports;
  /** The key invitation tokens are signed with: rsvp checks them (the tokenVerifier data source). */
  readonly tokenKey: TokenKey;
  /** Acceptance digests: the window length, and the function that queues a window's timer (the acceptanceDigestTimer data source). */
  readonly acceptanceDigests: AcceptanceDigests;
  /**
   * Path of the schema file.
   * @default schema.graphql at the project root
   */
  readonly schemaPath?: string;
}

const DAY_MS = 86_400_000;

/**
 * The API key's expiry: `days` from the start of today (UTC), so that the template stays the
 * same all day instead of changing on every synth, and never less than one day away
 * (AppSync accepts 1 to 365 days; CDK's default would be 7).
 */
export function apiKeyExpiry(days: number, now = Date.now()): Expiration {
  let at = Math.floor(now / DAY_MS) * DAY_MS + days * DAY_MS;
  if (at - now < DAY_MS) at += DAY_MS;
  return Expiration.atTimestamp(at);
}

/** The AppSync GraphQL API: schema, auth modes, data sources and every resolver. */
export class Api extends Construct {
  readonly api: GraphqlApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const limits = props.settings.defaultLimits;
    this.api = new GraphqlApi(this, 'Api', {
      name: 'calendar-invite-server',
      definition: Definition.fromFile(props.schemaPath ?? join(PROJECT_ROOT, 'schema.graphql')),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: AuthorizationType.USER_POOL,
          userPoolConfig: { userPool: props.userPool, defaultAction: UserPoolDefaultAction.ALLOW },
        },
        additionalAuthorizationModes: [
          {
            authorizationType: AuthorizationType.API_KEY,
            apiKeyConfig: {
              name: 'attendees',
              description: 'Attendee actions authorized by their invitation token',
              expires: apiKeyExpiry(props.settings.apiKeyExpiryDays),
            },
          },
          { authorizationType: AuthorizationType.IAM },
        ],
      },
      xrayEnabled: true,
      // No client of this API nests deeper; a deeper query is a mistake or an attack.
      queryDepthLimit: 10,
      // Read by resolvers as ctx.env (AppSync environment variables).
      environmentVariables: {
        TABLE_NAME: props.table.tableName,
        DEFAULT_MAX_ACTIVE_EVENTS: String(limits.maxActiveEvents),
        DEFAULT_MAX_INVITATIONS_PER_EVENT: String(limits.maxInvitationsPerEvent),
        DEFAULT_MAX_INVITATIONS_PER_DAY: String(limits.maxInvitationsPerDay),
        ACCEPTANCE_DIGEST_SECONDS: String(props.acceptanceDigests.windowSeconds),
      },
    });

    this.enableLogging();

    // One message per invitation mail, sent ten at a time (SendMessageBatch) by a function:
    // AppSync has no SQS data source.
    const inviteQueuer = new NodeFunction(this, 'InviteQueuer', {
      entry: 'inviteQueuer/handler.ts',
      description: 'Queues invitation mails (inviteAttendees, removeAttendee) on the invite-dispatch queue',
      environment: { REGION: Stack.of(this).region, SQS_URL: props.inviteDispatch.queueUrl },
    });
    props.inviteDispatch.grantSendMessages(inviteQueuer.fn);

    // Presigned upload URLs for startImport: the signer must itself be allowed to PutObject.
    const importUploads = new NodeFunction(this, 'ImportUploads', {
      entry: 'importUploads/handler.ts',
      description: 'Presigned upload URLs for bulk imports (startImport)',
      environment: { REGION: Stack.of(this).region, IMPORTS_BUCKET: props.imports.bucket.bucketName },
    });
    props.imports.allowObjects(importUploads.role, ['s3:PutObject']);

    // Invitation tokens for rsvp: an HMAC APPSYNC_JS cannot compute, under a key it must not hold.
    const tokenVerifier = new NodeFunction(this, 'TokenVerifier', {
      entry: 'tokenVerifier/handler.ts',
      description: "Checks attendees' invitation tokens (rsvp)",
      environment: { REGION: Stack.of(this).region },
    });
    for (const [name, value] of Object.entries(props.tokenKey.grantRead(tokenVerifier.role))) tokenVerifier.fn.addEnvironment(name, value);

    const dataSources: Record<DataSourceName, BaseDataSource> = {
      table: this.api.addDynamoDbDataSource('TableDataSource', props.table),
      none: this.api.addNoneDataSource('NoneDataSource'),
      inviteQueue: this.api.addLambdaDataSource('InviteQueueDataSource', inviteQueuer.fn),
      importUploads: this.api.addLambdaDataSource('ImportUploadsDataSource', importUploads.fn),
      tokenVerifier: this.api.addLambdaDataSource('TokenVerifierDataSource', tokenVerifier.fn),
      acceptanceDigestTimer: this.api.addLambdaDataSource('AcceptanceDigestTimerDataSource', props.acceptanceDigests.scheduler.fn),
    };
    const lambdaSources = [['inviteQueue', inviteQueuer], ['importUploads', importUploads], ['tokenVerifier', tokenVerifier], ['acceptanceDigestTimer', props.acceptanceDigests.scheduler]] as const;
    for (const [name, fn] of lambdaSources) {
      Validations.of(dataSources[name]).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(fn.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'CDK lets a Lambda data source invoke the function and its versions (`<function>:*`); the API invokes this one function only.',
      });
    }
    Validations.of(dataSources.table).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
      reason: 'CDK grants the data source the table and its indexes (`<table>/index/*`); resolvers query the GSI.',
    });

    const functions = {} as Record<PipelineFunctionName, AppsyncFunction>;
    for (const [name, spec] of Object.entries(PIPELINE_FUNCTIONS) as [PipelineFunctionName, (typeof PIPELINE_FUNCTIONS)[PipelineFunctionName]][]) {
      functions[name] = new AppsyncFunction(this, `${name}Function`, {
        api: this.api,
        name,
        dataSource: dataSources[spec.dataSource],
        runtime: FunctionRuntime.JS_1_0_0,
        code: Code.fromAsset(bundleResolver(spec.code)),
      });
    }

    for (const spec of RESOLVERS) {
      const common = {
        api: this.api,
        typeName: spec.typeName,
        fieldName: spec.fieldName,
        runtime: FunctionRuntime.JS_1_0_0,
        code: Code.fromAsset(bundleResolver(spec.code)),
      };
      new Resolver(
        this,
        `${spec.typeName}${spec.fieldName[0].toUpperCase()}${spec.fieldName.slice(1)}Resolver`,
        'pipeline' in spec
          ? { ...common, pipelineConfig: spec.pipeline.map((name) => functions[name]) }
          : { ...common, dataSource: dataSources[spec.dataSource] },
      );
    }
  }

  /**
   * Request-level logging (errors only) into a log group this stack owns, with a retention
   * period, written through a role scoped to that group. CDK's own `logConfig` would add a
   * log-retention custom resource (a Lambda) and an AWS-managed policy instead.
   */
  private enableLogging() {
    const role = new Role(this, 'LogsRole', { assumedBy: new ServicePrincipal('appsync.amazonaws.com') });
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/appsync/apis/${this.api.apiId}`,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(role);
    (this.api.node.defaultChild as CfnGraphQLApi).logConfig = {
      cloudWatchLogsRoleArn: role.roleArn,
      fieldLogLevel: FieldLogLevel.ERROR,
      excludeVerboseContent: true,
    };
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-ASC3',
      reason:
        'Request-level logging is on (field errors, into a log group with retention); verbose content stays off because it would log Authorization headers and attendee addresses.',
    });
  }
}
