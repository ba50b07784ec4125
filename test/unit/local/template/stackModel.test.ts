import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../../local/template/cloudAssembly';
import { StackModel } from '../../../../local/template/stackModel';

const template: CfnTemplate = {
  Parameters: { Stage: { Type: 'String', Default: 'dev' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
  Resources: {
    Table: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [] } },
    Named: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { 'Fn::Sub': '${AWS::StackName}-named' } } },
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    ProdOnly: { Type: 'AWS::SQS::Queue', Condition: 'IsProd', Properties: {} },
    Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'api' } },
  },
};

function model() {
  return new StackModel(template, { region: 'eu-west-1', accountId: '000000000000', stackName: 'Demo', runtimeAttributes: new Map() });
}

describe('StackModel', () => {
  it('resolves Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split and pseudo parameters', () => {
    const m = model();
    const tableName = m.ref('Table') as string;
    expect(tableName).toMatch(/^Demo-Table-[A-Z0-9]{12}$/);
    expect(m.resolve({ 'Fn::GetAtt': ['Table', 'Arn'] })).toBe(`arn:aws:dynamodb:eu-west-1:000000000000:table/${tableName}`);
    expect(m.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${AWS::AccountId}:${Table}/${Named.Arn}/${!Literal}' })).toBe(
      `arn:aws:x:eu-west-1:000000000000:${tableName}/arn:aws:dynamodb:eu-west-1:000000000000:table/Demo-named/\${Literal}`,
    );
    expect(m.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Stage' }]] })).toBe('a-dev');
    expect(m.resolve({ 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y,z'] }] })).toBe('y');
    expect(m.resolve({ 'Fn::If': ['IsProd', 'p', { Ref: 'AWS::NoValue' }] })).toBeUndefined();
    expect(m.resolve({ a: { 'Fn::If': ['IsProd', 'p', { Ref: 'AWS::NoValue' }] }, b: 1 })).toEqual({ b: 1 });
  });

  it('gives ids that look like AWS ids and stay the same across runs', () => {
    expect(model().ref('Pool')).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
    expect(model().ref('Pool')).toBe(model().ref('Pool'));
    expect(model().getAtt('Api', 'ApiId')).toMatch(/^[a-z0-9]{26}$/);
  });

  it('leaves out resources whose condition is false, and prefers runtime attributes', () => {
    const m = model();
    expect(m.ofType('AWS::SQS::Queue')).toEqual([]);
    m.env.runtimeAttributes.set('Api.GraphQLUrl', 'http://127.0.0.1:1/graphql');
    expect(m.getAtt('Api', 'GraphQLUrl')).toBe('http://127.0.0.1:1/graphql');
  });

  it('names what it cannot resolve', () => {
    expect(() => model().ref('Missing')).toThrow(/Missing, which is not in the template/);
    expect(() => model().getAtt('Pool', 'Nonsense')).toThrow(/Fn::GetAtt Pool.Nonsense/);
    expect(() => model().resolve({ 'Fn::ImportValue': 'x' })).toThrow(/one stack/);
  });
});
