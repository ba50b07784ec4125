// ctx.info.selectionSetList and selectionSetGraphQL, computed from the field's AST:
// aliases as written, nested fields as `parent/child`, fragments expanded in the list and
// kept in the GraphQL text. https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
import { print, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export function selectionSetList(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] {
  const out: string[] = [];
  const walk = (set: SelectionSetNode | undefined, prefix: string, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const name = (selection.alias ?? selection.name).value;
        if (name === '__typename') continue;
        const path = prefix ? `${prefix}/${name}` : name;
        out.push(path);
        walk(selection.selectionSet, path, seen);
      } else if (selection.kind === 'InlineFragment') {
        walk(selection.selectionSet, prefix, seen);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, prefix, new Set([...seen, fragment.name.value]));
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet, '', new Set());
  return [...new Set(out)];
}

export function selectionSetGraphQL(fieldNodes: readonly FieldNode[]): string {
  const set = fieldNodes[0]?.selectionSet;
  return set ? print(set) : '';
}
