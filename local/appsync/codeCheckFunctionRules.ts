// The plugin's function rules (no-function-passing, no-function-return, no-function-reassign,
// no-recursion) need TypeScript's type checker; these do the same from scope analysis, which a
// single-file bundle makes enough: a name is a function when the bundle binds it to one.
// [SF] "Built-in objects and functions > Function":
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { calledMethodName, functionName, functionValue, isFunctionNode, type FunctionNode } from './codeCheckScope';

type RuleBody = (context: Rule.RuleContext) => Rule.RuleListener;

const rule = (create: RuleBody): Rule.RuleModule => ({ meta: { type: 'problem', schema: [] }, create });

/**
 * Methods that take a callback: the plugin's allow list for no-function-passing, all of them in
 * [SF] "Array". `sort` is not one ("doesn't support arguments"): no-sort-arguments reports it.
 */
const CALLBACK_METHODS = new Set([
  'map', 'find', 'filter', 'findIndex', 'findLast', 'findLastIndex', 'forEach', 'reduce', 'reduceRight', 'every', 'some', 'flatMap',
]);

/**
 * esbuild's namespace helper, `__export(ns_exports, { name: () => name })`, defines each export
 * as a getter that returns the binding; a function export makes that getter return a function.
 * That is esbuild's code, not the resolver's, so no-function-return leaves those getters alone.
 */
function isEsbuildExportGetter(fn: FunctionNode): boolean {
  const property = (fn as Rule.Node).parent;
  const object = property?.type === 'Property' ? property.parent : undefined;
  const call = object?.type === 'ObjectExpression' ? object.parent : undefined;
  return call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === '__export';
}

/** The nearest function around `node`, or null at module level. */
function enclosingFunction(node: Rule.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/**
 * The named function a call belongs to. An anonymous function (a callback, an IIFE) runs as
 * part of the function that contains it, so a callback that calls its container is recursion.
 */
function owningFunction(node: Rule.Node): FunctionNode | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn as Rule.Node)) {
    const parent = (fn as Rule.Node).parent;
    const named = fn.type !== 'ArrowFunctionExpression' && fn.id;
    if (fn.type === 'FunctionDeclaration' || named || (parent?.type === 'VariableDeclarator' && parent.init === fn)) return fn;
  }
  return null;
}

/** A shortest chain of calls from `from` to `to`, both included, or null. */
function callChain(edges: ReadonlyMap<FunctionNode, Set<FunctionNode>>, from: FunctionNode, to: FunctionNode): FunctionNode[] | null {
  const previous = new Map<FunctionNode, FunctionNode | null>([[from, null]]);
  const queue = [from];
  for (const fn of queue) {
    if (fn === to) {
      const chain: FunctionNode[] = [];
      for (let step: FunctionNode | null = fn; step; step = previous.get(step) ?? null) chain.unshift(step);
      return chain;
    }
    for (const next of edges.get(fn) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, fn);
        queue.push(next);
      }
    }
  }
  return null;
}

export const functionRules: Record<string, Rule.RuleModule> = {
  /** "Passing a function as an argument is not supported", but for the Array callbacks [SF] lists. */
  'no-function-passing': rule((context) => {
    const check = (node: ESTree.CallExpression | ESTree.NewExpression) => {
      const method = node.type === 'CallExpression' ? calledMethodName(node.callee) : null;
      if (method === 'sort' || (method && CALLBACK_METHODS.has(method))) return;
      if (node.arguments.some((arg) => arg.type !== 'SpreadElement' && functionValue(context, arg))) {
        context.report({
          node,
          message: `Passing a function as an argument is not supported${method ? ` (to .${method}())` : ''}; only the Array callback methods take one (Function).`,
        });
      }
    };
    return { CallExpression: check, NewExpression: check };
  }),

  /** The plugin's no-function-return (recommended config): a function may not return a function. */
  'no-function-return': rule((context) => ({
    ReturnStatement: (node) => {
      if (node.argument && functionValue(context, node.argument)) {
        context.report({ node, message: 'Returning a function is not supported.' });
      }
    },
    ArrowFunctionExpression: (node) => {
      if (node.expression && functionValue(context, node.body) && !isEsbuildExportGetter(node)) {
        context.report({ node, message: 'Returning a function is not supported.' });
      }
    },
  })),

  /** The plugin's no-function-reassign (recommended config): no second name for a function. */
  'no-function-reassign': rule((context) => {
    const message = 'Assigning a function to another name is not supported.';
    return {
      VariableDeclarator: (node) => {
        if (node.init?.type === 'Identifier' && functionValue(context, node.init)) context.report({ node, message });
      },
      AssignmentExpression: (node) => {
        if (node.operator === '=' && node.right.type === 'Identifier' && functionValue(context, node.right)) context.report({ node, message });
      },
    };
  }),

  /** "Recursive function calls are not supported": reports each call that closes a cycle. */
  'no-recursion': rule((context) => {
    const calls: { from: FunctionNode; to: FunctionNode; node: ESTree.CallExpression }[] = [];
    return {
      CallExpression: (node) => {
        const to = node.callee.type === 'Identifier' ? functionValue(context, node.callee) : null;
        const from = to && owningFunction(node);
        if (to && from) calls.push({ from, to, node });
      },
      'Program:exit': () => {
        const edges = new Map<FunctionNode, Set<FunctionNode>>();
        for (const { from, to } of calls) edges.set(from, (edges.get(from) ?? new Set()).add(to));
        for (const { from, to, node } of calls) {
          const back = callChain(edges, to, from);
          if (!back) continue;
          const cycle = [from, ...back].map(functionName).join(' -> ');
          context.report({ node, message: `Recursive function calls are not supported: ${cycle} (Function).` });
        }
      },
    };
  }),
};
