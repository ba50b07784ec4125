// What the local function URLs take from the template: each AWS::Lambda::Url with its URL id
// (StackModel), the function (and alias) it invokes, AuthType, Cors and InvokeMode.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-url.html
import { functionUrlId } from '../../template/localIds';
import type { StackModel } from '../../template/stackModel';
import { functionNameOf } from '../options';

export type AuthType = 'NONE' | 'AWS_IAM';

/** AWS::Lambda::Url Cors, as the Lambda API's Cors type documents it. */
export type CorsConfig = {
  /** Default false. */
  allowCredentials: boolean;
  allowHeaders: string[];
  allowMethods: string[];
  allowOrigins: string[];
  exposeHeaders: string[];
  /** Seconds; no Access-Control-Max-Age header when absent. */
  maxAge?: number;
};

export type FunctionUrlConfig = {
  logicalId: string;
  /** CDK construct path without `/Resource`, when the template has it. */
  path?: string;
  /** The `<url-id>` of `https://<url-id>.lambda-url.<region>.on.aws`. */
  urlId: string;
  /** The target function's name (a name, ARN or partial ARN in the template). */
  functionName: string;
  /** The alias the URL invokes, if any (locally every qualifier runs the same code). */
  qualifier?: string;
  authType: AuthType;
  /** Undefined when the URL has no Cors: preflight requests then reach the function. */
  cors?: CorsConfig;
  /** BUFFERED (default) or RESPONSE_STREAM, which the local runtime plays as BUFFERED. */
  invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
};

type Props = Record<string, unknown>;

const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

export function functionUrlConfigs(model: StackModel): FunctionUrlConfig[] {
  return model.ofType('AWS::Lambda::Url').map(([logicalId, resource]) => {
    const props = model.properties(logicalId) as Props;
    const authType = String(props.AuthType);
    if (authType !== 'NONE' && authType !== 'AWS_IAM') throw new Error(`AWS::Lambda::Url ${logicalId}: AuthType must be NONE or AWS_IAM, not ${authType}.`);
    const cors = props.Cors as Props | undefined;
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    return {
      logicalId,
      ...(typeof cdkPath === 'string' ? { path: cdkPath.replace(/\/Resource$/, '') } : {}),
      urlId: functionUrlId(model.env.stackName, logicalId),
      functionName: functionNameOf(String(props.TargetFunctionArn)),
      ...(props.Qualifier !== undefined ? { qualifier: String(props.Qualifier) } : {}),
      authType,
      ...(cors
        ? {
            cors: {
              allowCredentials: cors.AllowCredentials === true || cors.AllowCredentials === 'true',
              allowHeaders: strings(cors.AllowHeaders),
              allowMethods: strings(cors.AllowMethods),
              allowOrigins: strings(cors.AllowOrigins),
              exposeHeaders: strings(cors.ExposeHeaders),
              ...(cors.MaxAge !== undefined ? { maxAge: Number(cors.MaxAge) } : {}),
            },
          }
        : {}),
      invokeMode: props.InvokeMode === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED',
    } satisfies FunctionUrlConfig;
  });
}
