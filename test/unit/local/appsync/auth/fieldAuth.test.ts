// Directive rules from "Configuring authorization and authentication to secure your GraphQL APIs"
// (https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html).
import { describe, expect, it } from 'vitest';
import { allows, fieldRules } from '../../../../../local/appsync/auth/fieldAuth';
import { buildApiSchema } from '../../../../../local/appsync/schema/buildSchema';

const schema = buildApiSchema(`
  type Query {
    open: Post
    keyed: Post @aws_api_key
    both: Post @aws_api_key @aws_cognito_user_pools
    adminsOnly: String @aws_cognito_user_pools(cognito_groups: ["admins"])
  }
  type Post @aws_api_key { id: ID! secret: String @aws_iam }
`);
const rules = fieldRules(schema, 'AMAZON_COGNITO_USER_POOLS');
const rule = (field: string) => rules.get(field)!;

describe('field authorization', () => {
  it('allows only the default mode where no directive is present', () => {
    expect(allows(rule('Query.open'), 'AMAZON_COGNITO_USER_POOLS', null)).toBe(true);
    expect(allows(rule('Query.open'), 'API_KEY', null)).toBe(false);
  });

  it('no longer implies the default mode once a directive is present', () => {
    expect(allows(rule('Query.keyed'), 'API_KEY', null)).toBe(true);
    expect(allows(rule('Query.keyed'), 'AMAZON_COGNITO_USER_POOLS', null)).toBe(false);
    expect(allows(rule('Query.both'), 'AMAZON_COGNITO_USER_POOLS', null)).toBe(true);
  });

  it('lets a field directive override its type directive', () => {
    expect(allows(rule('Post.id'), 'API_KEY', null)).toBe(true);
    expect(allows(rule('Post.secret'), 'API_KEY', null)).toBe(false);
    expect(allows(rule('Post.secret'), 'AWS_IAM', null)).toBe(true);
  });

  it('limits user pool callers to the listed groups', () => {
    expect(allows(rule('Query.adminsOnly'), 'AMAZON_COGNITO_USER_POOLS', ['admins'])).toBe(true);
    expect(allows(rule('Query.adminsOnly'), 'AMAZON_COGNITO_USER_POOLS', ['staff'])).toBe(false);
    expect(allows(rule('Query.adminsOnly'), 'AMAZON_COGNITO_USER_POOLS', null)).toBe(false);
  });
});
