// What the local Lambda takes from the template: each function's code (the asset cdk.out
// holds), handler, runtime, environment (intrinsics resolved), timeout and memory, and what
// GetFunction describes (role, description, architectures, dead-letter queue, aliases).
import { existsSync } from 'node:fs';
import type { CloudAssembly } from '../template/cloudAssembly';
import type { StackModel } from '../template/stackModel';

export type FunctionConfig = {
  logicalId: string;
  functionName: string;
  arn: string;
  /** Directory (or file) of the function's code in cdk.out. */
  codePath: string;
  handler: string;
  runtime: string;
  /**
   * The template's variables, resolved when an environment starts: some refer to values
   * only known once services listen (the GraphQL URL, an API key).
   */
  environment: () => Record<string, string>;
  /** Seconds (CloudFormation default 3). */
  timeout: number;
  /** MB (CloudFormation default 128). */
  memorySize: number;
  reservedConcurrency?: number;
  /** Execution role ARN, as GetFunction reports it. */
  role?: string;
  description?: string;
  /** `x86_64` (CloudFormation's default) or `arm64`. */
  architectures: string[];
  /** Where asynchronous events go after their last failed attempt (DeadLetterConfig.TargetArn). */
  deadLetterTargetArn?: string;
  /**
   * Qualifiers Invoke accepts besides `$LATEST`: the template's aliases of this function, and
   * whether it publishes versions (AWS::Lambda::Version). Locally every one runs the same code.
   */
  aliases: string[];
  publishesVersions: boolean;
};

type Props = Record<string, any>;

/** A function the local runtime cannot run (inline code, an image, another language), and why. */
export type FunctionNotPlayed = { logicalId: string; reason: string };

/**
 * The template's Node.js functions. Those the local runtime cannot run are left out and told
 * to `notPlayed`: CDK's own handlers are often inline Python (bucket notifications), which the
 * local runtime plays itself (local/customResources), so they must not stop a local run.
 */
export function functionConfigs(model: StackModel, assembly: CloudAssembly, notPlayed: (skipped: FunctionNotPlayed) => void = () => undefined): FunctionConfig[] {
  // Only FunctionName and Name are resolved: an alias's FunctionVersion is a GetAtt of a
  // version, which has no local value.
  const raw = (resource: { Properties?: Props }, key: string) => String(model.resolve(resource.Properties?.[key]));
  const aliases = new Map<string, string[]>();
  for (const [, resource] of model.ofType('AWS::Lambda::Alias')) {
    const name = functionNameOf(raw(resource, 'FunctionName'));
    aliases.set(name, [...(aliases.get(name) ?? []), raw(resource, 'Name')]);
  }
  const versioned = new Set(model.ofType('AWS::Lambda::Version').map(([, resource]) => functionNameOf(raw(resource, 'FunctionName'))));
  const configs: FunctionConfig[] = [];
  for (const [logicalId] of model.ofType('AWS::Lambda::Function')) {
    const props = model.properties(logicalId) as Props;
    const functionName = String(model.ref(logicalId));
    const code = props.Code ?? {};
    const skip = (reason: string) => notPlayed({ logicalId, reason });
    if (code.ZipFile !== undefined) {
      skip('inline code (ZipFile): the local runtime runs asset code only');
      continue;
    }
    if (code.ImageUri !== undefined) {
      skip('a container image: the local runtime runs Node.js asset code only');
      continue;
    }
    if (!String(props.Runtime ?? '').startsWith('nodejs')) {
      skip(`runtime ${props.Runtime}: the local runtime runs Node.js functions only`);
      continue;
    }
    const codePath = assembly.assetPath(String(code.S3Key));
    if (!existsSync(codePath)) throw new Error(`Lambda ${logicalId}: its code asset ${codePath} is missing from cdk.out; run npm run synth.`);
    configs.push({
      logicalId,
      functionName,
      arn: String(model.getAtt(logicalId, 'Arn')),
      codePath,
      handler: String(props.Handler ?? 'index.handler'),
      runtime: String(props.Runtime),
      environment: () => {
        const variables = (model.properties(logicalId) as Props).Environment?.Variables ?? {};
        return Object.fromEntries(Object.entries(variables as Props).map(([k, v]) => [k, String(v)]));
      },
      timeout: Number(props.Timeout ?? 3),
      memorySize: Number(props.MemorySize ?? 128),
      reservedConcurrency: props.ReservedConcurrentExecutions === undefined ? undefined : Number(props.ReservedConcurrentExecutions),
      role: props.Role === undefined ? undefined : String(props.Role),
      description: props.Description === undefined ? undefined : String(props.Description),
      architectures: Array.isArray(props.Architectures) ? props.Architectures.map(String) : ['x86_64'],
      deadLetterTargetArn: props.DeadLetterConfig?.TargetArn === undefined ? undefined : String(props.DeadLetterConfig.TargetArn),
      aliases: aliases.get(functionName) ?? [],
      publishesVersions: versioned.has(functionName),
    });
  }
  return configs;
}

/** A function's name from a name, a full or partial ARN (a qualifier is dropped). */
export function functionNameOf(nameOrArn: string): string {
  const arn = /^(?:arn:[^:]+:lambda:[^:]+:)?(?:\d{12}:)?function:([^:]+)(?::.+)?$/.exec(nameOrArn);
  return arn ? arn[1] : nameOrArn.split(':')[0];
}
