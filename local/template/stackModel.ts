// The synthesized stack as the local runtime sees it: every resource with the physical
// ids and attributes it has locally, and intrinsic functions resolved against them.
import type { CfnResource, CfnTemplate } from './cloudAssembly';
import { hasDynamicReference, replaceDynamicReferences, type DynamicReferenceResolver } from './dynamicReferences';
import { evaluateCondition, NO_VALUE, resolveIntrinsics, type IntrinsicResolver } from './intrinsics';
import { functionUrlId, lowerId, mixedId, nameSuffix } from './localIds';

export interface LocalEnvironment {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  /** Attribute values only known once services run (URLs, generated keys), by `logicalId.Attribute`. */
  readonly runtimeAttributes: Map<string, string>;
  /** Endpoints of the local services by AWS service name (sqs, sns, s3, ...), once they listen. */
  readonly serviceUrls?: Map<string, string>;
  /**
   * Who answers `{{resolve:<service>:...}}` dynamic references, by service (`secretsmanager`),
   * once that service runs; references to a service not in here stay as written.
   */
  readonly dynamicReferences?: Map<string, DynamicReferenceResolver>;
}

type Physical = { ref: string; attributes: Record<string, string> };

type PhysicalFactory = (logicalId: string, props: Record<string, unknown>, model: StackModel) => Physical;

const generatedName = (model: StackModel, logicalId: string, max = 255) =>
  `${model.env.stackName}-${logicalId}-${nameSuffix(`${model.env.stackName}/${logicalId}`)}`.slice(0, max);

const PHYSICAL: Record<string, PhysicalFactory> = {
  'AWS::DynamoDB::Table': tableIds,
  'AWS::DynamoDB::GlobalTable': tableIds,
  'AWS::Cognito::UserPool': (id, props, m) => {
    const poolId = `${m.env.region}_${mixedId(`${m.env.stackName}/${id}`)}`;
    return {
      ref: poolId,
      attributes: {
        Arn: m.arn('cognito-idp', `userpool/${poolId}`),
        ProviderName: `cognito-idp.${m.env.region}.amazonaws.com/${poolId}`,
        ProviderURL: `https://cognito-idp.${m.env.region}.amazonaws.com/${poolId}`,
        UserPoolId: poolId,
      },
    };
  },
  'AWS::Cognito::UserPoolClient': (id, _props, m) => {
    const clientId = lowerId(`${m.env.stackName}/${id}`);
    return { ref: clientId, attributes: { ClientId: clientId, Name: id } };
  },
  'AWS::Cognito::UserPoolGroup': (id, props) => ({ ref: String(props.GroupName ?? id), attributes: {} }),
  'AWS::AppSync::GraphQLApi': (id, _props, m) => {
    const apiId = lowerId(`${m.env.stackName}/${id}`);
    const arn = m.arn('appsync', `apis/${apiId}`);
    return {
      ref: arn,
      attributes: {
        ApiId: apiId,
        Arn: arn,
        GraphQLEndpointArn: arn,
        GraphQLUrl: `https://${apiId}.appsync-api.${m.env.region}.amazonaws.com/graphql`,
        RealtimeUrl: `wss://${apiId}.appsync-realtime-api.${m.env.region}.amazonaws.com/graphql`,
        GraphQLDns: `${apiId}.appsync-api.${m.env.region}.amazonaws.com`,
        RealtimeDns: `${apiId}.appsync-realtime-api.${m.env.region}.amazonaws.com`,
      },
    };
  },
  'AWS::AppSync::DataSource': (id, props, m) => {
    const arn = `${m.apiArn(props)}/datasources/${String(props.Name)}`;
    return { ref: arn, attributes: { Name: String(props.Name), DataSourceArn: arn } };
  },
  'AWS::AppSync::FunctionConfiguration': (id, props, m) => {
    const functionId = lowerId(`${m.env.stackName}/${id}`);
    const arn = `${m.apiArn(props)}/functions/${functionId}`;
    return { ref: arn, attributes: { FunctionId: functionId, FunctionArn: arn, Name: String(props.Name ?? id) } };
  },
  'AWS::AppSync::Resolver': (id, props, m) => {
    const arn = `${m.apiArn(props)}/types/${String(props.TypeName)}/resolvers/${String(props.FieldName)}`;
    return { ref: arn, attributes: { ResolverArn: arn, TypeName: String(props.TypeName), FieldName: String(props.FieldName) } };
  },
  'AWS::AppSync::ApiKey': (id, props, m) => {
    const arn = `${m.apiArn(props)}/apikeys/${id}`;
    return { ref: arn, attributes: { Arn: arn } };
  },
  'AWS::SQS::Queue': (id, props, m) => {
    const fifo = props.FifoQueue === true || props.FifoQueue === 'true';
    const base = generatedName(m, id, fifo ? 75 : 80);
    const name = String(props.QueueName ?? (fifo ? `${base}.fifo` : base));
    // The SDK sends requests to the QueueUrl's origin, so it must be the local endpoint.
    const endpoint = m.env.serviceUrls?.get('sqs') ?? `https://sqs.${m.env.region}.amazonaws.com`;
    const url = `${endpoint}/${m.env.accountId}/${name}`;
    return { ref: url, attributes: { Arn: m.arn('sqs', name), QueueName: name, QueueUrl: url } };
  },
  'AWS::SNS::Topic': (id, props, m) => {
    const fifo = props.FifoTopic === true || props.FifoTopic === 'true';
    const base = generatedName(m, id, fifo ? 251 : 256);
    const name = String(props.TopicName ?? (fifo ? `${base}.fifo` : base));
    const arn = m.arn('sns', name);
    return { ref: arn, attributes: { TopicArn: arn, TopicName: name } };
  },
  'AWS::SNS::Subscription': (id, props, m) => {
    const arn = `${String(props.TopicArn)}:${lowerId(`${m.env.stackName}/${id}`, 8)}-${lowerId(`${id}/2`, 4)}-${lowerId(`${id}/3`, 12)}`;
    return { ref: arn, attributes: { Arn: arn } };
  },
  'AWS::S3::Bucket': (id, props, m) => {
    const name = String(props.BucketName ?? generatedName(m, id, 63).toLowerCase().replace(/[^a-z0-9.-]/g, '-'));
    return {
      ref: name,
      attributes: {
        Arn: `arn:aws:s3:::${name}`,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${m.env.region}.amazonaws.com`,
        DualStackDomainName: `${name}.s3.dualstack.${m.env.region}.amazonaws.com`,
        WebsiteURL: `http://${name}.s3-website-${m.env.region}.amazonaws.com`,
      },
    };
  },
  'AWS::Lambda::Function': (id, props, m) => {
    const name = String(props.FunctionName ?? generatedName(m, id, 64));
    return { ref: name, attributes: { Arn: m.arn('lambda', `function:${name}`) } };
  },
  // Ref and Fn::GetAtt FunctionArn: the target function's ARN (qualified when the URL is an
  // alias's). FunctionUrl is AWS's form until the local listener sets the runtime attribute.
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-url.html
  'AWS::Lambda::Url': (id, props, m) => {
    const target = String(props.TargetFunctionArn);
    const functionArn = target.startsWith('arn:') ? target : m.arn('lambda', `function:${target.replace(/^\d{12}:function:/, '')}`);
    const arn = props.Qualifier ? `${functionArn}:${String(props.Qualifier)}` : functionArn;
    const urlId = functionUrlId(m.env.stackName, id);
    return { ref: arn, attributes: { FunctionArn: arn, FunctionUrl: `https://${urlId}.lambda-url.${m.env.region}.on.aws/` } };
  },
  // Ref and Fn::GetAtt Id: the ARN, `<name>-<6 random characters>` as Secrets Manager makes
  // it; without Name, CloudFormation names the secret `<logical id>-<12 characters>`.
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
  'AWS::SecretsManager::Secret': (id, props, m) => {
    const name = String(props.Name ?? `${id}-${mixedId(`${m.env.stackName}/${id}/name`, 12)}`);
    const arn = m.arn('secretsmanager', `secret:${name}-${mixedId(`${m.env.stackName}/${id}/${name}`, 6)}`);
    return { ref: arn, attributes: { Id: arn } };
  },
  'AWS::Lambda::EventSourceMapping': (id, _props, m) => {
    const uuid = `${lowerId(`${m.env.stackName}/${id}`, 8)}-${lowerId(`${id}/a`, 4)}-${lowerId(`${id}/b`, 4)}-${lowerId(`${id}/c`, 4)}-${lowerId(`${id}/d`, 12)}`;
    return { ref: uuid, attributes: { Id: uuid, EventSourceMappingArn: m.arn('lambda', `event-source-mapping:${uuid}`) } };
  },
  'AWS::SES::ReceiptRuleSet': (id, props, m) => ({ ref: String(props.RuleSetName ?? generatedName(m, id, 64)), attributes: {} }),
  'AWS::SES::ReceiptRule': (id, props, m) => ({
    ref: String((props.Rule as { Name?: string } | undefined)?.Name ?? generatedName(m, id, 64)),
    attributes: {},
  }),
  'AWS::SES::ConfigurationSet': (id, props, m) => ({ ref: String(props.Name ?? generatedName(m, id, 64)), attributes: {} }),
  'AWS::SES::EmailIdentity': (id, props) => ({ ref: String(props.EmailIdentity ?? id), attributes: {} }),
  'AWS::IAM::Role': (id, props, m) => {
    const name = String(props.RoleName ?? generatedName(m, id, 64));
    return { ref: name, attributes: { Arn: `arn:aws:iam::${m.env.accountId}:role/${name}`, RoleId: `AROA${lowerId(id, 17).toUpperCase()}` } };
  },
  'AWS::Logs::LogGroup': (id, props, m) => {
    const name = String(props.LogGroupName ?? generatedName(m, id, 512));
    return { ref: name, attributes: { Arn: m.arn('logs', `log-group:${name}:*`) } };
  },
};

function tableIds(id: string, props: Record<string, unknown>, m: StackModel): Physical {
  const name = String(props.TableName ?? generatedName(m, id));
  const arn = m.arn('dynamodb', `table/${name}`);
  return { ref: name, attributes: { Arn: arn, StreamArn: `${arn}/stream/local` } };
}

export class StackModel implements IntrinsicResolver {
  private readonly physical = new Map<string, Physical>();
  private readonly resolving = new Set<string>();
  /**
   * Dynamic references already resolved, by their text: CloudFormation reads a secret when it
   * deploys the resource, so a value changed later reaches resources only through a new
   * deployment (locally, a restart or a hot swap, which builds a new model).
   */
  private readonly dynamicValues = new Map<string, string>();

  constructor(
    readonly template: CfnTemplate,
    readonly env: LocalEnvironment,
  ) {}

  /** Resources of one type, as [logicalId, resource] pairs. */
  ofType(type: string): [string, CfnResource][] {
    return Object.entries(this.template.Resources).filter(([id, r]) => r.Type === type && this.exists(id));
  }

  /** A resource's properties with every intrinsic function resolved. */
  properties(logicalId: string): Record<string, unknown> {
    const resource = this.template.Resources[logicalId];
    if (!resource) throw new Error(`No resource ${logicalId} in the template.`);
    return this.resolve(resource.Properties ?? {}) as Record<string, unknown>;
  }

  resolve(value: unknown): unknown {
    const resolved = resolveIntrinsics(value, this);
    return resolved === NO_VALUE ? undefined : this.withDynamicReferences(resolved);
  }

  ref(name: string): unknown {
    const pseudo: Record<string, string> = {
      'AWS::Region': this.env.region,
      'AWS::AccountId': this.env.accountId,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': this.env.stackName,
      'AWS::StackId': `arn:aws:cloudformation:${this.env.region}:${this.env.accountId}:stack/${this.env.stackName}/local`,
    };
    if (name in pseudo) return pseudo[name];
    const parameter = this.template.Parameters?.[name];
    if (parameter) return parameter.Default ?? '';
    return this.physicalOf(name).ref;
  }

  getAtt(logicalId: string, attribute: string): unknown {
    const runtime = this.env.runtimeAttributes.get(`${logicalId}.${attribute}`);
    if (runtime !== undefined) return runtime;
    const value = this.physicalOf(logicalId).attributes[attribute];
    if (value === undefined) {
      const type = this.template.Resources[logicalId]?.Type;
      throw new Error(`The local runtime has no value for Fn::GetAtt ${logicalId}.${attribute} (${type}).`);
    }
    return value;
  }

  condition(name: string): boolean {
    const expression = this.template.Conditions?.[name];
    if (expression === undefined) throw new Error(`No condition ${name} in the template.`);
    return evaluateCondition(expression, this);
  }

  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.env.region}:${this.env.accountId}:${resource}`;
  }

  /** ARN of the AppSync API an AppSync child resource (data source, function, ...) belongs to. */
  apiArn(props: Record<string, unknown>): string {
    return this.arn('appsync', `apis/${String(props.ApiId)}`);
  }

  private withDynamicReferences(value: unknown): unknown {
    const resolvers = this.env.dynamicReferences;
    if (!resolvers || resolvers.size === 0) return value;
    if (typeof value === 'string') {
      if (!hasDynamicReference(value)) return value;
      return replaceDynamicReferences(value, (service, parameter, whole) => {
        const cached = this.dynamicValues.get(whole);
        if (cached !== undefined) return cached;
        const resolver = resolvers.get(service);
        if (!resolver) return undefined;
        const answer = resolver(parameter);
        this.dynamicValues.set(whole, answer);
        return answer;
      });
    }
    if (Array.isArray(value)) return value.map((item) => this.withDynamicReferences(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.withDynamicReferences(item)]));
    }
    return value;
  }

  private exists(logicalId: string): boolean {
    const condition = this.template.Resources[logicalId]?.Condition;
    return condition === undefined || this.condition(condition);
  }

  private physicalOf(logicalId: string): Physical {
    const cached = this.physical.get(logicalId);
    if (cached) return cached;
    const resource = this.template.Resources[logicalId];
    if (!resource) throw new Error(`Ref or Fn::GetAtt names ${logicalId}, which is not in the template.`);
    if (this.resolving.has(logicalId)) throw new Error(`Circular reference through ${logicalId}.`);
    this.resolving.add(logicalId);
    try {
      // Physical ids never depend on a secret: dynamic references are left unresolved here.
      const props = resolveIntrinsics(resource.Properties ?? {}, this) as Record<string, unknown>;
      const factory = PHYSICAL[resource.Type];
      const physical = factory
        ? factory(logicalId, props, this)
        : { ref: generatedName(this, logicalId), attributes: { Arn: this.arn('local', `${resource.Type}/${logicalId}`) } };
      this.physical.set(logicalId, physical);
      return physical;
    } finally {
      this.resolving.delete(logicalId);
    }
  }
}
