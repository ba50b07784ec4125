import { describe, expect, it } from 'vitest';
import { diffTemplates, reloadKind } from '../../../../local/dev/templateDiff';
import type { CfnTemplate } from '../../../../local/template/cloudAssembly';

const assets = { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' };
const s3 = (key: string) => ({ 'Fn::Sub': `s3://cdk-hnb659fds-assets-\${AWS::AccountId}-\${AWS::Region}/${key}` });

/** A template shaped as CDK writes it: a function, an API with a schema, a resolver, a pipeline function. */
function template(edit: (t: CfnTemplate & Record<string, any>) => void = () => undefined): CfnTemplate {
  const t: CfnTemplate & Record<string, any> = {
    Description: 'the stack',
    Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
    Resources: {
      Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }, Metadata: { 'aws:cdk:path': 'Stack/Data/Table/Resource' } },
      PostConfirmationFn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Code: { S3Bucket: assets, S3Key: 'aaaa.zip' },
          Environment: { Variables: { TABLE: { Ref: 'Table' } } },
          Handler: 'index.handler',
          Runtime: 'nodejs22.x',
          Timeout: 10,
        },
        DependsOn: ['Role'],
        Metadata: { 'aws:cdk:path': 'Stack/Auth/PostConfirmation/Function/Resource', 'aws:asset:path': 'asset.aaaa', 'aws:asset:is-bundled': true, 'aws:asset:property': 'Code' },
      },
      ApiSchema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: 'type Query { me: String }' } },
      MeResolver: {
        Type: 'AWS::AppSync::Resolver',
        Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, TypeName: 'Query', FieldName: 'me', Kind: 'PIPELINE', CodeS3Location: s3('bbbb.js'), Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' } },
        DependsOn: ['ApiSchema'],
        Metadata: { 'aws:cdk:path': 'Stack/Api/QueryMeResolver/Resource' },
      },
      GetOrganizer: {
        Type: 'AWS::AppSync::FunctionConfiguration',
        Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'getOrganizer', DataSourceName: 'Table', Code: 'export function request() {}', Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' } },
      },
      CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:AAAA' }, Condition: 'CDKMetadataAvailable' } as never,
    },
    Outputs: { GraphqlUrl: { Value: { 'Fn::GetAtt': ['Api', 'GraphQLUrl'] } } },
  };
  edit(t);
  return t;
}

const fn = (t: CfnTemplate) => t.Resources.PostConfirmationFn.Properties as Record<string, any>;

describe('diffTemplates', () => {
  it('finds nothing to do when the templates are equal', () => {
    const diff = diffTemplates(template(), template());
    expect(diff).toEqual({ functions: [], resolvers: [], appsyncFunctions: [], schema: false, other: [] });
    expect(reloadKind(diff)).toBe('unchanged');
  });

  it('swaps a function whose code asset changed, ignoring the asset metadata that names the new bundle', () => {
    const next = template((t) => {
      fn(t).Code.S3Key = 'cccc.zip';
      t.Resources.PostConfirmationFn.Metadata!['aws:asset:path'] = 'asset.cccc';
    });
    const diff = diffTemplates(template(), next);
    expect(diff.functions).toEqual([{ logicalId: 'PostConfirmationFn', path: 'Auth/PostConfirmation/Function', code: true, environment: false }]);
    expect(diff.other).toEqual([]);
    expect(reloadKind(diff)).toBe('swap');
  });

  it('swaps a function whose environment variables changed', () => {
    const next = template((t) => (fn(t).Environment.Variables.STAGE = 'dev'));
    const diff = diffTemplates(template(), next);
    expect(diff.functions).toEqual([{ logicalId: 'PostConfirmationFn', path: 'Auth/PostConfirmation/Function', code: false, environment: true }]);
    expect(reloadKind(diff)).toBe('swap');
  });

  it('names resolvers by field and pipeline functions by name, for code in S3 or inline', () => {
    const next = template((t) => {
      t.Resources.MeResolver.Properties!.CodeS3Location = s3('dddd.js');
      t.Resources.GetOrganizer.Properties!.Code = 'export function request() { return {}; }';
    });
    const diff = diffTemplates(template(), next);
    expect(diff.resolvers).toEqual(['Query.me']);
    expect(diff.appsyncFunctions).toEqual(['getOrganizer']);
    expect(reloadKind(diff)).toBe('swap');
  });

  it('swaps the schema, inline or as an asset', () => {
    const inline = diffTemplates(template(), template((t) => (t.Resources.ApiSchema.Properties!.Definition = 'type Query { me: String, you: String }')));
    expect(inline.schema).toBe(true);
    const asset = template((t) => {
      delete t.Resources.ApiSchema.Properties!.Definition;
      t.Resources.ApiSchema.Properties!.DefinitionS3Location = s3('schema1.graphql');
    });
    const next = template((t) => {
      delete t.Resources.ApiSchema.Properties!.Definition;
      t.Resources.ApiSchema.Properties!.DefinitionS3Location = s3('schema2.graphql');
    });
    expect(diffTemplates(asset, next).schema).toBe(true);
    expect(reloadKind(diffTemplates(asset, next))).toBe('swap');
  });

  it('ignores CDK version reporting', () => {
    const next = template((t) => (t.Resources.CDKMetadata.Properties!.Analytics = 'v2:deflate64:BBBB'));
    expect(reloadKind(diffTemplates(template(), next))).toBe('unchanged');
  });

  it('restarts for any other property of a function, even next to a code change', () => {
    const next = template((t) => {
      fn(t).Code.S3Key = 'cccc.zip';
      fn(t).Timeout = 30;
    });
    const diff = diffTemplates(template(), next);
    expect(diff.other).toEqual([{ logicalId: 'PostConfirmationFn', type: 'AWS::Lambda::Function', change: 'changed', path: 'Auth/PostConfirmation/Function' }]);
    expect(diff.functions).toEqual([]);
    expect(reloadKind(diff)).toBe('restart');
  });

  it('restarts when a resolver moves to another data source, or its DependsOn or metadata changes', () => {
    const dataSource = template((t) => (t.Resources.MeResolver.Properties!.DataSourceName = 'None'));
    expect(diffTemplates(template(), dataSource).other.map((c) => c.logicalId)).toEqual(['MeResolver']);
    const dependsOn = template((t) => (t.Resources.MeResolver.DependsOn = ['ApiSchema', 'Table']));
    expect(reloadKind(diffTemplates(template(), dependsOn))).toBe('restart');
    const nag = template((t) => (t.Resources.MeResolver.Metadata!.cdk_nag = { rules_to_suppress: [] }));
    expect(reloadKind(diffTemplates(template(), nag))).toBe('restart');
  });

  it('restarts for a resource added, removed or of another type', () => {
    const added = template((t) => (t.Resources.Queue = { Type: 'AWS::SQS::Queue', Properties: {}, Metadata: { 'aws:cdk:path': 'Stack/Messaging/Queue/Resource' } }));
    expect(diffTemplates(template(), added).other).toEqual([{ logicalId: 'Queue', type: 'AWS::SQS::Queue', change: 'added', path: 'Messaging/Queue' }]);
    const removed = template((t) => delete (t.Resources as Record<string, unknown>).Table);
    expect(diffTemplates(template(), removed).other).toEqual([{ logicalId: 'Table', type: 'AWS::DynamoDB::GlobalTable', change: 'removed', path: 'Data/Table' }]);
    const retyped = template((t) => (t.Resources.Table.Type = 'AWS::DynamoDB::Table'));
    expect(diffTemplates(template(), retyped).other.map((c) => c.change)).toEqual(['changed']);
  });

  it('restarts when the template outside its resources changes', () => {
    const outputs = template((t) => (t.Outputs!.ApiKey = { Value: 'k' }));
    expect(diffTemplates(template(), outputs).other).toEqual([{ logicalId: 'Outputs', type: 'section', change: 'changed' }]);
    const conditions = template((t) => (t.Conditions = { IsProd: { 'Fn::Equals': ['a', 'b'] } }));
    expect(diffTemplates(template(), conditions).other).toEqual([{ logicalId: 'Conditions', type: 'section', change: 'added' }]);
  });

  it('lists every change of a mixed edit, so that the restart can say what it is for', () => {
    const next = template((t) => {
      t.Resources.MeResolver.Properties!.CodeS3Location = s3('dddd.js');
      t.Resources.Table.Properties!.BillingMode = 'PAY_PER_REQUEST';
    });
    const diff = diffTemplates(template(), next);
    expect(diff.resolvers).toEqual(['Query.me']);
    expect(diff.other.map((c) => c.logicalId)).toEqual(['Table']);
    expect(reloadKind(diff)).toBe('restart');
  });
});
