// What the code-check rules need to know about a name without type information: whether it
// is one of the runtime's globals (declared nowhere in the bundle) and whether it is bound to
// a function the bundle defines. The bundle is one ES module, so scope analysis alone answers.
import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';

export type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

export function isFunctionNode(node: ESTree.Node | null | undefined): node is FunctionNode {
  return !!node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
}

function findVariable(scope: Scope.Scope | null, name: string): Scope.Variable | null {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}

/** True when `node` names a global: nothing in the bundle declares it. */
export function isGlobal(context: Rule.RuleContext, node: ESTree.Node, name?: string): boolean {
  if (node.type !== 'Identifier' || (name !== undefined && node.name !== name)) return false;
  const variable = findVariable(context.sourceCode.getScope(node), node.name);
  return !variable || variable.defs.length === 0;
}

/** The function `node` evaluates to when it is a function literal or a name bound to one. */
export function functionValue(context: Rule.RuleContext, node: ESTree.Node): FunctionNode | null {
  if (isFunctionNode(node)) return node;
  if (node.type !== 'Identifier') return null;
  const variable = findVariable(context.sourceCode.getScope(node), node.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
  if (def?.type === 'Variable' && isFunctionNode(def.node.init)) return def.node.init;
  return null;
}

/** `name` in `x.name(...)` or `x["name"](...)`; null for other callees. */
export function calledMethodName(callee: ESTree.Node): string | null {
  if (callee.type !== 'MemberExpression') return null;
  if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  if (callee.computed && callee.property.type === 'Literal' && typeof callee.property.value === 'string') return callee.property.value;
  return null;
}

/** The name a function is known by in messages: its own, or the variable it initializes. */
export function functionName(fn: FunctionNode): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  const parent = (fn as Rule.Node).parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return 'an anonymous function';
}
