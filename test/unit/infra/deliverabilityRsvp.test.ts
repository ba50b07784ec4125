// The links function's RSVP page on a stack of its own (Deliverability.allowRsvp): the API's
// URL, the rsvp mutation and nothing else of the API, read-only access to the page's
// attributes of the event partition, cdk-nag.
import { App, Stack } from 'aws-cdk-lib';
import { AuthorizationType, Definition, GraphqlApi, SchemaFile } from 'aws-cdk-lib/aws-appsync';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../../infra/data';
import { Deliverability } from '../../../infra/deliverability';
import { Messaging } from '../../../infra/messaging';
import { TokenKey } from '../../../infra/tokenKey';

let app: App;
let template: Template;
let deliverability: Deliverability;

beforeAll(() => {
  app = new App();
  const stack = new Stack(app, 'DeliverabilityRsvpTest');
  const data = new Data(stack, 'Data', { retainTable: false });
  const messaging = new Messaging(stack, 'Messaging');
  const api = new GraphqlApi(stack, 'Api', {
    name: 'test',
    definition: Definition.fromSchema(SchemaFile.fromAsset('schema.graphql')),
    authorizationConfig: { defaultAuthorization: { authorizationType: AuthorizationType.IAM } },
  });
  deliverability = new Deliverability(stack, 'Deliverability', { table: data.table, feedbackTopic: messaging.sesFeedback, tokenKey: new TokenKey(stack, 'TokenKey') });
  deliverability.allowRsvp(api);
  template = Template.fromStack(stack);
}, 120_000);

function linksFunction() {
  const [[id, fn]] = Object.entries(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^Links in attendees') } }));
  return { id: id!, fn: fn! };
}

function linksStatements(): { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> }[] {
  const role = linksFunction().fn.Properties.Role['Fn::GetAtt'][0];
  const [policy] = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }));
  return policy!.Properties.PolicyDocument.Statement;
}

describe('the RSVP page', () => {
  it('calls the API at its GraphQL URL', () => {
    expect(linksFunction().fn.Properties.Environment.Variables.GRAPHQL_URL).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Api/), 'GraphQLUrl'] });
  });

  it('may call Mutation.rsvp and no other field', () => {
    const appsync = linksStatements().filter((s) => String(s.Action).startsWith('appsync:'));
    expect(appsync).toHaveLength(1);
    expect(appsync[0]!.Action).toBe('appsync:GraphQL');
    expect(JSON.stringify(appsync[0]!.Resource)).toMatch(/\/types\/Mutation\/fields\/rsvp"/);
    expect(JSON.stringify(appsync[0]!.Resource)).not.toMatch(/\*/);
  });

  it('may read only the page’s attributes of events and attendees, and write nothing there', () => {
    const eventStatements = linksStatements().filter((s) => JSON.stringify(s.Condition ?? {}).includes('event#*'));
    expect(eventStatements.map((s) => [s.Action, s.Condition!['ForAllValues:StringEquals']!['dynamodb:Attributes'], s.Condition!.StringEqualsIfExists])).toEqual([
      [
        'dynamodb:GetItem',
        ['pk', 'sk', 'title', 'location', 'startsAt', 'endsAt', 'timeZone', 'status', 'email', 'name', 'answer'],
        { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
      ],
    ]);
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the deliverability construct', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const ours = report.violations.filter((v) => v.violatingResources.some((r) => r.constructPath?.includes('/Deliverability/')));
    expect(ours.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
