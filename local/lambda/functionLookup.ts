// Which function (and which version) a FunctionName and Qualifier name, as the Lambda API
// reads them: a name (`my-function`, `my-function:alias`), a full ARN (with or without a
// qualifier) or a partial ARN (`123456789012:function:my-function`).
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_RequestSyntax
// Locally every version and alias runs the template's code; `$LATEST`, the template's
// aliases of the function and version numbers (when it publishes versions) are accepted.
import { functionNotFound, LambdaApiError } from './errors';
import type { LambdaFunction } from './lambdaFunction';

export type FunctionFinder = { find(nameOrArn: string): LambdaFunction | undefined };

export type ResolvedFunction = { fn: LambdaFunction; qualifier?: string; executedVersion: string };

const ARN = /^arn:(?<partition>[^:]+):lambda:(?<region>[^:]+):(?<account>\d{12}):function:(?<name>[^:]+)(?::(?<qualifier>[^:]+))?$/;
const PARTIAL_ARN = /^(?<account>\d{12}):function:(?<name>[^:]+)(?::(?<qualifier>[^:]+))?$/;
const NAME = /^(?<name>[^:]+)(?::(?<qualifier>[^:]+))?$/;

export function parseFunctionName(value: string): { name: string; qualifier?: string; region?: string; account?: string } | undefined {
  const match = ARN.exec(value) ?? PARTIAL_ARN.exec(value) ?? NAME.exec(value);
  if (!match?.groups) return undefined;
  const { name, qualifier, region, account } = match.groups;
  return { name: name!, qualifier, region, account };
}

export function resolveFunction(
  functions: FunctionFinder,
  functionName: string,
  queryQualifier: string | undefined,
  local: { region: string; accountId: string },
): ResolvedFunction {
  const parsed = parseFunctionName(functionName);
  const qualifier = parsed?.qualifier ?? queryQualifier;
  const arnFor = (name: string) =>
    `arn:aws:lambda:${parsed?.region ?? local.region}:${parsed?.account ?? local.accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
  if (!parsed) throw functionNotFound(arnFor(functionName));
  if (parsed.qualifier && queryQualifier && parsed.qualifier !== queryQualifier) {
    throw new LambdaApiError('InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
  }
  const elsewhere = (parsed.region && parsed.region !== local.region) || (parsed.account && parsed.account !== local.accountId);
  const fn = elsewhere ? undefined : functions.find(parsed.name);
  if (!fn) throw functionNotFound(arnFor(parsed.name));
  if (qualifier === undefined || qualifier === '$LATEST') return { fn, qualifier, executedVersion: '$LATEST' };
  if (/^\d+$/.test(qualifier) && fn.config.publishesVersions) return { fn, qualifier, executedVersion: qualifier };
  // An alias runs the version it points to; locally that is the template's code, reported as $LATEST.
  if (fn.config.aliases.includes(qualifier)) return { fn, qualifier, executedVersion: '$LATEST' };
  throw functionNotFound(arnFor(parsed.name));
}
