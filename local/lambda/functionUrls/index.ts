// The template's function URLs (AWS::Lambda::Url), each on a listener of its own: a function
// URL owns its whole host (`https://<url-id>.lambda-url.<region>.on.aws/`), so locally it owns
// a whole origin, `http://127.0.0.1:<port>/`, and rawPath is the path as sent.
//
// Listeners start first, with the stack's other listeners: each one's URL becomes the
// `Fn::GetAtt <Url>.FunctionUrl` runtime attribute, so functions' environments and the stack's
// outputs that use it name the local URL. Requests are served once the functions run (`serve`).
//
//   const urls = await startFunctionUrls({ model, logger });     // before startLambda
//   const lambda = await startLambda({ ... });
//   urls.serve(lambda.lambda);
import { startHttpServer, type RequestHandler, type RunningServer } from '../../shared/httpServer';
import type { Logger } from '../../shared/logger';
import { IamVerifier, localIamPrincipals, type IamPrincipal } from '../../shared/sigv4/verifier';
import type { StackModel } from '../../template/stackModel';
import type { LambdaService } from '../index';
import { functionUrlConfigs, type FunctionUrlConfig } from './options';
import { functionUrlRouter } from './router';

/** Lambda's SigV4 signing name, which AWS_IAM function URLs take too. */
export const FUNCTION_URL_SIGNING_NAME = 'lambda';

export type StartFunctionUrlsOptions = {
  model: StackModel;
  /** Port of the first URL (in logical id order), the next ones after it; 0 or absent picks free ports. */
  firstPort?: number;
  logger: Logger;
  /** Keys accepted from AWS_IAM callers; the local credentials by default. */
  principals?: ReadonlyMap<string, IamPrincipal>;
};

export type RunningFunctionUrl = {
  config: FunctionUrlConfig;
  server: RunningServer;
  /** `http://127.0.0.1:<port>/`, with the trailing slash of AWS's FunctionUrl. */
  url: string;
};

export type FunctionUrls = {
  urls: RunningFunctionUrl[];
  /** Starts answering requests with the functions of `lambda`; before this they get 503. */
  serve(lambda: LambdaService): void;
  stop(): Promise<void>;
};

export async function startFunctionUrls(options: StartFunctionUrlsOptions): Promise<FunctionUrls> {
  const { model, logger } = options;
  const configs = functionUrlConfigs(model).sort((a, b) => a.logicalId.localeCompare(b.logicalId));
  const handlers = new Map<string, RequestHandler>();
  const urls: RunningFunctionUrl[] = [];
  try {
    for (const [index, config] of configs.entries()) {
      const port = options.firstPort ? options.firstPort + index : 0;
      const server = await startHttpServer(`function URL ${config.logicalId}`, port, (req, res) => {
        const handler = handlers.get(config.logicalId);
        if (handler) return handler(req, res);
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Message: 'The local Lambda is starting.' }));
      });
      const url = `${server.url}/`;
      model.env.runtimeAttributes.set(`${config.logicalId}.FunctionUrl`, url);
      urls.push({ config, server, url });
      if (config.invokeMode === 'RESPONSE_STREAM') logger.warn(`function URL ${config.logicalId}: InvokeMode RESPONSE_STREAM is played as BUFFERED`);
    }
  } catch (error) {
    await Promise.all(urls.map((u) => u.server.close()));
    throw error;
  }
  const verifier = new IamVerifier({ service: FUNCTION_URL_SIGNING_NAME, region: model.env.region, principals: options.principals ?? localIamPrincipals() });
  return {
    urls,
    serve(lambda) {
      for (const { config, url } of urls) {
        handlers.set(config.logicalId, functionUrlRouter({ config, lambda, verifier, accountId: model.env.accountId, logger }));
        logger.info(`function URL ${url} -> ${config.functionName} (${config.authType}${config.cors ? ', CORS' : ''})`);
      }
    },
    stop: async () => {
      await Promise.all(urls.map((u) => u.server.close()));
    },
  };
}
