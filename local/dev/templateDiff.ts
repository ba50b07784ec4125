// What changed between the running template and a new synthesis, sorted by what the local
// runtime can swap in place (code, a schema, a function's environment) and what needs the
// whole stack started again (any other property, a resource added or removed, outputs).
//
// const diff = diffTemplates(running.template, next.template);
// if (diff.other.length > 0) restart(); else swap(diff.functions, diff.resolvers, ...);
import { isDeepStrictEqual } from 'node:util';
import type { CfnResource, CfnTemplate } from '../template/cloudAssembly';

/** Properties that hold code (or a schema) and that the local runtime loads again in place. */
const SWAPPABLE_PROPERTIES: Record<string, readonly string[]> = {
  // Code.S3Key is the bundle's asset hash; Environment only reaches new execution environments.
  'AWS::Lambda::Function': ['Code', 'Environment'],
  'AWS::AppSync::Resolver': ['Code', 'CodeS3Location'],
  'AWS::AppSync::FunctionConfiguration': ['Code', 'CodeS3Location'],
  'AWS::AppSync::GraphQLSchema': ['Definition', 'DefinitionS3Location'],
};

/** CDK's asset metadata (`aws:asset:path` ...), which names the new bundle and nothing else. */
const ASSET_METADATA = /^aws:asset:/;

/** CDK's version reporting resource: nothing runs it, locally or on AWS. */
const IGNORED_TYPES = new Set(['AWS::CDK::Metadata']);

export type ResourceChange = {
  /** A logical id, or a template section (`Outputs`, `Parameters` ...) when `type` is `section`. */
  logicalId: string;
  type: string;
  change: 'added' | 'removed' | 'changed';
  /** The construct path without the stack's name (`Api/QueryMeResolver`), when CDK recorded one. */
  path?: string;
};

export type TemplateDiff = {
  /** Lambda functions whose code or environment changed, by logical id. */
  functions: { logicalId: string; path?: string; code: boolean; environment: boolean }[];
  /** AppSync resolvers whose code changed, as `Type.field`. */
  resolvers: string[];
  /** AppSync pipeline functions whose code changed, by name. */
  appsyncFunctions: string[];
  /** The GraphQL schema changed. */
  schema: boolean;
  /** Everything else: each needs the stack started again. */
  other: ResourceChange[];
};

export type ReloadKind = 'unchanged' | 'swap' | 'restart';

export function reloadKind(diff: TemplateDiff): ReloadKind {
  if (diff.other.length > 0) return 'restart';
  const swaps = diff.functions.length + diff.resolvers.length + diff.appsyncFunctions.length + (diff.schema ? 1 : 0);
  return swaps > 0 ? 'swap' : 'unchanged';
}

export function diffTemplates(running: CfnTemplate, next: CfnTemplate): TemplateDiff {
  const diff: TemplateDiff = { functions: [], resolvers: [], appsyncFunctions: [], schema: false, other: [] };
  const sections = new Set([...Object.keys(running), ...Object.keys(next)].filter((key) => key !== 'Resources'));
  for (const section of [...sections].sort()) {
    const before = (running as Record<string, unknown>)[section];
    const after = (next as Record<string, unknown>)[section];
    if (isDeepStrictEqual(before, after)) continue;
    const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    diff.other.push({ logicalId: section, type: 'section', change });
  }

  const ids = new Set([...Object.keys(running.Resources ?? {}), ...Object.keys(next.Resources ?? {})]);
  for (const logicalId of [...ids].sort()) {
    const before = running.Resources?.[logicalId];
    const after = next.Resources?.[logicalId];
    const type = (after ?? before)!.Type;
    if ([before, after].every((resource) => !resource || IGNORED_TYPES.has(resource.Type))) continue;
    const path = constructPath(after ?? before!);
    const other = (change: ResourceChange['change']) => diff.other.push({ logicalId, type, change, ...(path ? { path } : {}) });
    if (!before) {
      other('added');
      continue;
    }
    if (!after) {
      other('removed');
      continue;
    }
    const swappable = after.Type === before.Type ? (SWAPPABLE_PROPERTIES[type] ?? []) : [];
    if (!isDeepStrictEqual(withoutSwappable(before, swappable), withoutSwappable(after, swappable))) {
      other('changed');
      continue;
    }
    const changed = swappable.filter((key) => !isDeepStrictEqual(before.Properties?.[key], after.Properties?.[key]));
    if (changed.length === 0) continue;
    const props = after.Properties ?? {};
    switch (type) {
      case 'AWS::Lambda::Function':
        diff.functions.push({ logicalId, ...(path ? { path } : {}), code: changed.includes('Code'), environment: changed.includes('Environment') });
        break;
      case 'AWS::AppSync::Resolver':
        diff.resolvers.push(`${String(props.TypeName)}.${String(props.FieldName)}`);
        break;
      case 'AWS::AppSync::FunctionConfiguration':
        diff.appsyncFunctions.push(String(props.Name ?? logicalId));
        break;
      case 'AWS::AppSync::GraphQLSchema':
        diff.schema = true;
        break;
    }
  }
  return diff;
}

/** The resource without its swappable properties and CDK's asset metadata: what must stay equal. */
function withoutSwappable(resource: CfnResource, swappable: readonly string[]): unknown {
  const { Properties, Metadata, ...rest } = resource;
  const properties = Object.fromEntries(Object.entries(Properties ?? {}).filter(([key]) => !swappable.includes(key)));
  const metadata = Object.fromEntries(Object.entries(Metadata ?? {}).filter(([key]) => !ASSET_METADATA.test(key)));
  return { ...rest, Properties: properties, Metadata: metadata };
}

/** `Stack/Api/QueryMeResolver/Resource` -> `Api/QueryMeResolver`. */
function constructPath(resource: CfnResource): string | undefined {
  const path = resource.Metadata?.['aws:cdk:path'];
  if (typeof path !== 'string') return undefined;
  return path.split('/').slice(1).join('/').replace(/\/Resource$/, '') || undefined;
}
