// Every product Lambda function is built the same way: a handler under functions/, bundled
// by esbuild (the project's own, no Docker) into one ES module with the AWS SDK left to the
// runtime; Node.js 22 on arm64; a log group this stack owns, with a retention period, written
// through a role scoped to that group (no AWS-managed policy, no log-retention custom resource).
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './resolverBundle';

export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

export interface NodeFunctionProps {
  /** The handler file under functions/, e.g. `postConfirmation/handler.ts` (exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
}

/** A product Lambda function (`fn`), its log group (`logGroup`) and its role (`role`). */
export class NodeFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(FUNCTIONS_DIR, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environment: props.environment,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node20',
        mainFields: ['module', 'main'],
        // @aws-sdk/* stays external (the Node.js 18+ runtimes provide it). Some bundled
        // packages are CommonJS (papaparse, nodemailer) and require Node's built-ins at run
        // time, which an ES module has no `require` for: the banner provides one.
        banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: bundles target node20 and are tested locally on Node 20 (local/ runs them), and 22 is the nearest supported Lambda runtime (nodejs20.x is deprecated); moving to 24 follows the local Node version.',
    });
  }
}
