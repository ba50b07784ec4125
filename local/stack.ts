// Starts everything the synthesized stack needs on this machine, in dependency order, and
// stops it in the reverse order. Used by `npm run dev` (local/main.ts) and the tests.
//
// 1. Every HTTP listener first, so that every URL is known before anything resolves the
//    template (queue URLs, function URLs, the endpoints in the functions' environment). Then
//    Secrets Manager's secrets, which `{{resolve:secretsmanager:...}}` in the template reads.
// 2. DynamoDB Local and the template's tables; Cognito (triggers reach functions later,
//    through LocalServices, so it may start before them).
// 3. The services behind the listeners, each registered in LocalServices, which is how they
//    reach each other (SNS -> SQS, S3 -> Lambda, SES inbound -> S3 ...).
// 4. Lambda and its function URLs, then AppSync (its Lambda data sources), then the event
//    sources that poll queues and streams, then CDK's custom resources (which call the
//    running services).
import { join, resolve } from 'node:path';
import { startAppSync, type AppSyncService } from './appsync';
import { startCognito, type CognitoService } from './cognito';
import { playCustomResources, type CustomResourceOutcome } from './customResources/playCustomResources';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb/dynamoDbLocal';
import { ensureTables } from './dynamodb/ensureTables';
import { tableSpecs } from './dynamodb/tables';
import { endpointVariables, type Endpoints, type LocalAwsService } from './endpoints';
import { startLambda, type RunningLambda } from './lambda';
import { startDynamoDbStreamEventSources } from './lambda/eventSources/dynamodbStreams';
import { startSqsEventSources } from './lambda/eventSources/sqs';
import { startFunctionUrls, type FunctionUrls } from './lambda/functionUrls';
import { createS3Service, type S3Service } from './s3';
import { createSecretsManagerService, type SecretsManagerService } from './secretsmanager';
import { createSesService, type SesService } from './ses';
import type { SesSettings } from './ses/options';
import { systemClock, type Clock } from './shared/clock';
import { startHttpServer, type RequestHandler, type RunningServer } from './shared/httpServer';
import { LocalServices } from './shared/localServices';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from './shared/localCredentials';
import { createLogger } from './shared/logger';
import { loadOrCreateTls } from './shared/tls';
import { createSmtpService, type SmtpService, type SmtpServiceOptions } from './smtp';
import { createSnsService, type SnsService } from './sns';
import { createSqsService, type SqsService } from './sqs';
import { dashboardRoute, DASHBOARD_PATH, type DashboardConfig } from './dashboard/dashboardRoute';
import { readCloudAssembly } from './template/cloudAssembly';
import { customResourceProviders } from './template/customResourceProviders';
import type { DynamicReferenceResolver } from './template/dynamicReferences';
import { resourceCoverage, type Coverage } from './template/resourceCoverage';
import { StackModel } from './template/stackModel';
import { listResources, stackOutputs } from './template/stackOutputs';

export type { Endpoints } from './endpoints';

/**
 * Ports by service; 0 or absent picks a free one. `functionUrls` is the first of the function
 * URLs' ports (one each, in logical id order).
 */
export type LocalPorts = Partial<
  Record<'appsync' | 'cognito' | 'dynamodb' | 'appsyncHttps' | 'sqs' | 'sns' | 'ses' | 's3' | 'lambda' | 'smtp' | 'secretsmanager' | 'functionUrls', number>
>;

export type LocalStackOptions = {
  /** The cloud assembly `cdk synth` wrote. */
  cdkOut: string;
  stackName?: string;
  /** Directory for state kept across restarts; undefined keeps everything in memory. */
  dataDir?: string;
  ports?: LocalPorts;
  region?: string;
  /** Interval of realtime keep-alive messages. */
  keepAliveMs?: number;
  /** Time for queues, retries and notifications (tests may pass a ManualClock). */
  clock?: Clock;
  /** SES sending: sandbox, quotas, suppressed addresses. */
  ses?: SesSettings;
  /** SES inbound: verdict overrides and the DNS records the SPF/DKIM/DMARC checks see. */
  smtp?: Pick<SmtpServiceOptions, 'verdicts' | 'dns'>;
  /** Waits before Lambda's asynchronous retries (AWS: 60 s, then 120 s). */
  asyncRetryDelaysMs?: readonly number[];
  /** Scales SNS's 20 s between HTTP delivery retries. */
  snsHttpRetryDelayScale?: number;
};

export type LocalStack = {
  endpoints: Endpoints;
  model: StackModel;
  services: LocalServices;
  dynamodb: RunningDynamoDbLocal;
  cognito: CognitoService;
  /** Undefined when the template has no GraphQL API. */
  appsync?: AppSyncService;
  lambda: RunningLambda;
  /** The template's AWS::Lambda::Url, each on its own listener. */
  functionUrls: FunctionUrls;
  secretsManager: SecretsManagerService;
  sqs: SqsService;
  sns: SnsService;
  ses: SesService;
  s3: S3Service;
  smtp: SmtpService;
  /** What the template has that the local runtime plays, has no effect for, or cannot play. */
  coverage: Coverage;
  customResources: CustomResourceOutcome[];
  /** Waits until deliveries in progress (notifications, SNS fan-out, inbound mail rules) are done. */
  settled(): Promise<void>;
  stop(): Promise<void>;
};

/** A listener whose handler is set once its service exists (its URL is needed first). */
async function listener(name: string, port: number | undefined) {
  let handler: RequestHandler | undefined;
  const server = await startHttpServer(name, port ?? 0, (req, res) => {
    if (!handler) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `The local ${name} is starting.` }));
      return;
    }
    return handler(req, res);
  });
  return { server, serve: (h: RequestHandler) => void (handler = h) };
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const assembly = readCloudAssembly(options.cdkOut, options.stackName);
  const region = options.region ?? LOCAL_REGION;
  const clock = options.clock ?? systemClock;
  const serviceUrls = new Map<string, string>();
  const dynamicReferences = new Map<string, DynamicReferenceResolver>();
  const model = new StackModel(assembly.template, {
    region,
    accountId: LOCAL_ACCOUNT_ID,
    stackName: assembly.stackName,
    runtimeAttributes: new Map(),
    serviceUrls,
    dynamicReferences,
  });
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const inData = (name: string) => dataDir && join(dataDir, name);
  const ports = options.ports ?? {};
  const services = new LocalServices();
  const stoppers: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) await Promise.resolve(stopOne()).catch(() => undefined);
  };
  const closes = (server: RunningServer) => stoppers.push(() => server.close());

  try {
    // 1. Listeners.
    const sqsListener = await listener('SQS', ports.sqs);
    closes(sqsListener.server);
    const snsListener = await listener('SNS', ports.sns);
    closes(snsListener.server);
    const sesListener = await listener('SES', ports.ses);
    closes(sesListener.server);
    const s3Listener = await listener('S3', ports.s3);
    closes(s3Listener.server);
    const secretsManagerListener = await listener('Secrets Manager', ports.secretsmanager);
    closes(secretsManagerListener.server);
    serviceUrls.set('sqs', sqsListener.server.url);
    serviceUrls.set('sns', snsListener.server.url);
    serviceUrls.set('ses', sesListener.server.url);
    serviceUrls.set('s3', s3Listener.server.url);
    serviceUrls.set('secretsmanager', secretsManagerListener.server.url);
    // Fn::GetAtt <Url>.FunctionUrl is known from here on.
    const functionUrls = await startFunctionUrls({ model, firstPort: ports.functionUrls, logger: createLogger('lambda:url') });
    stoppers.push(functionUrls.stop);

    // The secrets, made or read back before anything resolves a dynamic reference to them.
    const secretsManager = createSecretsManagerService({ model, dataDir, clock, logger: createLogger('secretsmanager') });
    dynamicReferences.set('secretsmanager', secretsManager.resolveDynamicReference);
    secretsManagerListener.serve(secretsManager.handler);
    stoppers.push(secretsManager.stop);

    // 2. Data and identities.
    const dynamodb = await startDynamoDbLocal({ port: ports.dynamodb ?? 0, dataDir: inData('dynamodb'), logger: createLogger('dynamodb') });
    stoppers.push(dynamodb.stop);
    const specs = tableSpecs(model);
    await ensureTables(dynamodb.client, specs, createLogger('dynamodb'));
    const cognito = await startCognito(model, ports.cognito ?? 0, inData('cognito'), createLogger('cognito'), { functions: services });
    stoppers.push(cognito.server.close);

    // 3. The asynchronous services.
    const sqs = createSqsService({ model, clock, services, logger: createLogger('sqs') });
    sqsListener.serve(sqs.handler);
    stoppers.push(sqs.stop);

    const sns = createSnsService({
      model,
      services,
      publicUrl: snsListener.server.url,
      clock,
      logger: createLogger('sns'),
      httpRetryDelayScale: options.snsHttpRetryDelayScale,
    });
    services.register({ topics: sns.broker });
    snsListener.serve(sns.handler);
    stoppers.push(() => sns.stop());

    const ses = await createSesService({ ...options.ses, model, services, dataDir, clock, logger: createLogger('ses') });
    sesListener.serve(ses.handler);
    stoppers.push(ses.stop);

    const s3 = createS3Service({ model, services, dataDir, clock, logger: createLogger('s3') });
    services.register({ bucketNotifications: { setBucketNotifications: (bucket, config) => void s3.setNotifications(bucket, config as never) } });
    s3Listener.serve(s3.handler);
    stoppers.push(s3.stop);

    // A local CA and server certificate: the API over HTTPS and WSS (Amplify needs them), SMTP STARTTLS.
    const tls = await loadOrCreateTls(inData('tls'));
    if (tls.issued.ca) createLogger('tls').info(`created a local certificate authority: trust ${tls.caFile} to call the API over HTTPS`);

    const smtp = await createSmtpService({
      ...options.smtp,
      model,
      services,
      clock,
      port: ports.smtp ?? 0,
      tls: { certPem: tls.certPem, keyPem: tls.keyPem },
      logger: createLogger('smtp'),
    });
    services.register({ mailReceiving: { setActiveReceiptRuleSet: (name) => smtp.setActiveRuleSet(name) } });
    stoppers.push(smtp.stop);

    // 4. Functions, the API, event sources.
    const aws: Partial<Record<LocalAwsService, string>> = {
      dynamodb: dynamodb.endpoint,
      dynamodb_streams: dynamodb.endpoint,
      sqs: sqsListener.server.url,
      sns: snsListener.server.url,
      ses: sesListener.server.url,
      sesv2: sesListener.server.url,
      s3: s3Listener.server.url,
      cognito_identity_provider: cognito.server.url,
      secrets_manager: secretsManagerListener.server.url,
    };
    const lambda = await startLambda({
      model,
      assembly,
      port: ports.lambda ?? 0,
      services,
      clock,
      logger: createLogger('lambda'),
      asyncRetryDelaysMs: options.asyncRetryDelaysMs,
      // What Lambda sets in every function's environment, pointed at the local services
      // (startLambda adds AWS_ENDPOINT_URL_LAMBDA).
      runtimeEnvironment: {
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        ...endpointVariables(aws),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        TZ: 'UTC',
      },
    });
    stoppers.push(lambda.stop);
    aws.lambda = lambda.url;
    functionUrls.serve(lambda.lambda);

    // A stack without an API (the asynchronous services' test stack) runs all the rest.
    const hasApi = model.ofType('AWS::AppSync::GraphQLApi').length > 0;
    // The dashboard's config.json is known once the API listens (set below).
    let dashboardConfig: DashboardConfig | undefined;
    const appsync = hasApi ? await startAppSync({
      model,
      assembly,
      port: ports.appsync ?? 0,
      dynamodb: dynamodb.client,
      lambda: lambda.lambda,
      asyncInvoker: services,
      userPoolTrust: (id) => cognito.cognito.trust(id),
      dataDir: inData('appsync'),
      keepAliveMs: options.keepAliveMs,
      tokenUrl: `${cognito.server.url}/_local/tokens`,
      tls: { port: ports.appsyncHttps ?? 0, certPem: tls.certPem, keyPem: tls.keyPem },
      routes: [dashboardRoute(() => dashboardConfig)],
      logger: createLogger('appsync'),
    }) : undefined;
    if (appsync) stoppers.push(appsync.stop);
    if (appsync) {
      dashboardConfig = { graphqlUrl: appsync.graphqlUrl, realtimeUrl: appsync.realtimeUrl, tokenUrl: `${cognito.server.url}/_local/tokens`, apiName: appsync.api.config.name };
    }

    const queueSources = startSqsEventSources({ model, broker: sqs.broker, services, clock, logger: createLogger('lambda:sqs') });
    stoppers.push(queueSources.stop);
    const streamSources = await startDynamoDbStreamEventSources({
      model,
      dynamodbEndpoint: dynamodb.endpoint,
      services,
      clock,
      logger: createLogger('lambda:streams'),
      dataDir: inData('lambda'),
    });
    stoppers.push(streamSources.stop);

    const customResources = await playCustomResources({
      model,
      services,
      // SDK v3 package names (`secrets-manager`) to endpoint keys (`secrets_manager`).
      endpointOf: (service) => aws[service.replace(/-/g, '_') as LocalAwsService],
      clientConfig: { region, credentials: LOCAL_CREDENTIALS },
      logger: createLogger('custom-resources'),
    });
    const coverage = resourceCoverage(Object.values(model.template.Resources).map((r) => r.Type));
    if (coverage.notPlayed.length > 0) {
      createLogger('local').warn(`not played locally (no local service): ${coverage.notPlayed.join(', ')}`);
    }
    const providers = customResourceProviders(model.template);
    for (const skipped of lambda.lambda.notPlayed.filter((f) => !providers.has(f.logicalId))) {
      createLogger('lambda').warn(`function ${skipped.logicalId} cannot run locally: ${skipped.reason}`);
    }

    const resources = listResources(model);
    const pool = cognito.cognito.poolList[0];
    const endpoints: Endpoints = {
      stackName: assembly.stackName,
      region,
      graphqlUrl: appsync?.graphqlUrl ?? '',
      explorerUrl: appsync?.explorerUrl ?? '',
      dashboardUrl: appsync ? `${appsync.server.url}${DASHBOARD_PATH}` : '',
      realtimeUrl: appsync?.realtimeUrl ?? '',
      wsUrl: appsync?.wsUrl ?? '',
      graphqlHttpsUrl: appsync?.graphqlHttpsUrl ?? '',
      realtimeHttpsUrl: appsync?.realtimeHttpsUrl ?? '',
      caFile: tls.caFile,
      apiKey: appsync?.apiKeys[0]?.value ?? '',
      userPoolId: pool?.userPoolId ?? '',
      userPoolClientId: pool?.clientIds[0] ?? '',
      cognitoIssuer: pool?.issuer.issuerUrl ?? '',
      tokenUrl: `${cognito.server.url}/_local/tokens`,
      dynamodbUrl: dynamodb.endpoint,
      tables: Object.fromEntries(specs.map((s) => [s.logicalId, s.create.TableName!])),
      aws: aws as Record<LocalAwsService, string>,
      credentials: { ...LOCAL_CREDENTIALS },
      outputs: stackOutputs(model, resources),
      resources: Object.fromEntries(resources.map((r) => [r.logicalId, r])),
      functionUrls: Object.fromEntries(
        functionUrls.urls.flatMap(({ config, url }) => [...(config.path ? [[config.path, url]] : []), [config.logicalId, url]]),
      ),
      smtp: `${smtp.host}:${smtp.port}`,
      mailViewerUrl: `${sesListener.server.url}/_local/mail`,
    };
    const settled = async () => {
      await smtp.settled();
      await s3.notificationsSettled();
      await sns.broker.settled();
    };
    return {
      endpoints,
      model,
      services,
      dynamodb,
      cognito,
      appsync,
      lambda,
      functionUrls,
      secretsManager,
      sqs,
      sns,
      ses,
      s3,
      smtp,
      coverage,
      customResources,
      settled,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
