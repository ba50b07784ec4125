// AppSync's per-type and per-field authorization directives.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
// - No directive on a field or its type: only the API's default mode.
// - Directives on the field win over directives on its type; once any directive is
//   present, only the listed modes are allowed (the default is not implied).
// - @aws_cognito_user_pools(cognito_groups:) / @aws_auth(cognito_groups:) limit user-pool
//   callers to members of the listed groups.
import { isObjectType, type DirectiveNode, type GraphQLSchema } from 'graphql';
import type { AuthMode } from '../options';

export type FieldRule = { modes: ReadonlySet<AuthMode>; cognitoGroups: readonly string[] | null };

const DIRECTIVE_MODES: Record<string, AuthMode> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

function ruleFrom(directives: readonly DirectiveNode[]): FieldRule | null {
  const modes = new Set<AuthMode>();
  let groups: string[] | null = null;
  for (const directive of directives) {
    const mode = DIRECTIVE_MODES[directive.name.value];
    if (!mode) continue;
    modes.add(mode);
    const groupArg = directive.arguments?.find((a) => a.name.value === 'cognito_groups');
    if (groupArg && groupArg.value.kind === 'ListValue') {
      groups = [...(groups ?? []), ...groupArg.value.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : []))];
    }
  }
  return modes.size > 0 ? { modes, cognitoGroups: groups } : null;
}

/** The rule for every `Type.field` of the schema's object types. */
export function fieldRules(schema: GraphQLSchema, defaultMode: AuthMode): Map<string, FieldRule> {
  const fallback: FieldRule = { modes: new Set([defaultMode]), cognitoGroups: null };
  const rules = new Map<string, FieldRule>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
    const typeRule = ruleFrom(typeDirectives);
    for (const field of Object.values(type.getFields())) {
      rules.set(`${type.name}.${field.name}`, ruleFrom(field.astNode?.directives ?? []) ?? typeRule ?? fallback);
    }
  }
  return rules;
}

/** Whether a caller in `mode` (with these Cognito groups) may resolve a field under `rule`. */
export function allows(rule: FieldRule, mode: AuthMode, groups: readonly string[] | null): boolean {
  if (!rule.modes.has(mode)) return false;
  if (mode === 'AMAZON_COGNITO_USER_POOLS' && rule.cognitoGroups) {
    return (groups ?? []).some((group) => rule.cognitoGroups!.includes(group));
  }
  return true;
}
