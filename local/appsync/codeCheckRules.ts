// Statements, operators, built-ins and globals that AppSync lists as unsupported in APPSYNC_JS
// but that @aws-appsync/eslint-plugin's type-free rules (its `base` config) do not catch.
// Each rule cites the section of "Supported runtime features" it encodes [SF]:
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { calledMethodName, isGlobal } from './codeCheckScope';

type RuleBody = (context: Rule.RuleContext) => Rule.RuleListener;

const rule = (create: RuleBody): Rule.RuleModule => ({ meta: { type: 'problem', schema: [] }, create });

/**
 * Static methods the plugin's no-disallowed-methods rule denies, by constructor. The plugin needs
 * types to see them; on the global constructor they are recognized by name. `String.raw` is on
 * the plugin's list but [SF] "Primitive objects > String" lists it as supported: the page wins.
 */
const DENIED_STATIC_METHODS: Readonly<Record<string, readonly string[]>> = {
  Object: [
    'create', 'defineProperties', 'defineProperty', 'freeze', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors',
    'getOwnPropertyNames', 'getOwnPropertySymbols', 'getPrototypeOf', 'hasOwnProperty', 'is', 'isExtensible', 'isFrozen',
    'isPrototypeOf', 'isSealed', 'preventExtensions', 'propertyIsEnumerable', 'seal', 'setPrototypeOf', 'toLocaleString',
    'toString', 'valueOf',
  ],
  Array: ['from', 'of'],
  String: ['fromCharCode', 'fromCodePoint'],
};

/**
 * Instance methods the plugin denies on Array, String and Date, recognized by name alone. Left
 * out because the name is too common to judge without types: `toString` and `valueOf` (the
 * plugin allows them on numbers), and `group`/`groupToMap` (never shipped in JavaScript).
 */
const DENIED_INSTANCE_METHODS: ReadonlyMap<string, string> = new Map([
  ...['copyWithin'].map((name) => [name, 'Array'] as const),
  ...['charCodeAt', 'localeCompare', 'matchAll', 'padEnd', 'padStart', 'repeat', 'search', 'toLocaleLowerCase', 'toLocaleUpperCase'].map(
    (name) => [name, 'String'] as const,
  ),
  ...[
    'setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds', 'setTime', 'setUTCDate',
    'setUTCFullYear', 'setUTCHours', 'setUTCMilliseconds', 'setUTCMinutes', 'setUTCMonth', 'setUTCSeconds', 'setYear',
    'toGMTString', 'toLocaleDateString', 'toLocaleTimeString',
  ].map((name) => [name, 'Date'] as const),
  ['toLocaleString', 'Array, Date and Object'],
]);

/** Array iterators the plugin denies; called with no argument, so `Object.keys(x)` is not one. */
const ITERATOR_METHODS = new Set(['keys', 'values', 'entries']);

/** [SF] "Built-in objects and functions > Function": "The apply, bind, and call methods not are supported." */
const FUNCTION_METHODS = new Set(['apply', 'bind', 'call']);

const NOT_A_GLOBAL = (name: string) =>
  `${name} does not exist in APPSYNC_JS, whose globals are NaN, Infinity, undefined, util, extensions and runtime (Globals).`;

/** Globals the runtime lacks, each with the [SF] section that says so. */
const UNSUPPORTED_GLOBALS: ReadonlyMap<string, string> = new Map([
  ['Promise', 'Promises are not supported: APPSYNC_JS runs no async code (Built-in objects and functions > Promises).'],
  ['RegExp', 'Regular expressions are not supported (Primitive objects > String).'],
  ['Function', 'The Function constructor is not supported (Built-in objects and functions > Function).'],
  ['eval', 'eval is not supported: APPSYNC_JS has no function constructors (Built-in objects and functions > Function).'],
  // [SF] "Globals" lists NaN, Infinity, undefined, util, extensions and runtime; Node's and the web's
  // globals are absent ("Network and file system access is not supported", Promises note).
  ...[
    'process', 'require', 'module', 'exports', '__dirname', '__filename', 'Buffer', 'global', 'globalThis', 'setTimeout',
    'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'structuredClone',
    'fetch', 'XMLHttpRequest', 'WebSocket', 'crypto', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams',
    'AbortController', 'Proxy', 'Reflect', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer',
    'Atomics', 'WebAssembly', 'Intl',
  ].map((name) => [name, NOT_A_GLOBAL(name)] as const),
]);

export const localRules: Record<string, Rule.RuleModule> = {
  /** [SF] "Core features > Statements" (`throw` not supported) and "Error types": use util.error(). */
  'no-throw': rule((context) => ({
    ThrowStatement: (node) =>
      context.report({ node, message: 'throw is not supported: raise errors with util.error() or util.appendError() (Error types).' }),
  })),

  /** The plugin's no-classes sees declarations only; [SF] "Core features > Types" has no classes. */
  'no-class-expressions': rule((context) => ({
    ClassExpression: (node) => context.report({ node, message: 'Classes are not supported (Core features > Types).' }),
  })),

  /** The plugin's no-generators sees declarations only: this covers `function* () {}` and `*method() {}`. */
  'no-generator-expressions': rule((context) => ({
    FunctionExpression: (node) => {
      if (node.generator) context.report({ node, message: 'Generator functions are not supported.' });
    },
  })),

  /** [SF] "Built-in objects and functions > Promises": no async processes; `for await` has no AwaitExpression. */
  'no-for-await': rule((context) => ({
    ForOfStatement: (node) => {
      if (node.await) context.report({ node, message: 'for await is not supported: async processes are not (Promises).' });
    },
  })),

  /** [SF] "Promises": `import()` returns a promise, and the bundle must be one file (AWS bundling guide). */
  'no-dynamic-import': rule((context) => ({
    ImportExpression: (node) => context.report({ node, message: 'import() is not supported: promises are not (Promises).' }),
  })),

  /** [SF] "Built-in objects and functions > Array": "Array.prototype.sort() doesn't support arguments." */
  'no-sort-arguments': rule((context) => ({
    CallExpression: (node) => {
      if (calledMethodName(node.callee) === 'sort' && node.arguments.length > 0) {
        context.report({ node, message: 'sort() takes no arguments in APPSYNC_JS: a compare function is not supported (Array).' });
      }
    },
  })),

  /** [SF] "Built-in objects and functions > Function": apply, bind and call are not supported. */
  'no-function-methods': rule((context) => ({
    CallExpression: (node) => {
      const name = calledMethodName(node.callee);
      if (name && FUNCTION_METHODS.has(name)) {
        context.report({ node, message: `.${name}() is not supported: functions have no apply, bind or call (Function).` });
      }
    },
  })),

  /** The plugin's no-disallowed-methods list (AWS's list of methods the runtime lacks), without types. */
  'no-unsupported-methods': rule((context) => ({
    CallExpression: (node) => {
      const callee = node.callee;
      const name = calledMethodName(callee);
      if (!name || callee.type !== 'MemberExpression') return;
      const receiver = callee.object;
      if (receiver.type === 'Identifier' && Object.hasOwn(DENIED_STATIC_METHODS, receiver.name) && isGlobal(context, receiver)) {
        if (DENIED_STATIC_METHODS[receiver.name].includes(name)) {
          context.report({ node, message: `${receiver.name}.${name}() is not supported by APPSYNC_JS.` });
        }
        return;
      }
      const owner = DENIED_INSTANCE_METHODS.get(name);
      if (owner) context.report({ node, message: `.${name}() (${owner}) is not supported by APPSYNC_JS.` });
      else if (ITERATOR_METHODS.has(name) && node.arguments.length === 0) {
        context.report({ node, message: `.${name}() (Array iterator) is not supported by APPSYNC_JS: use Object.${name}() or for-of.` });
      }
    },
  })),

  /** [SF] "Globals", "Function", "Promises" and the String regex note: globals the runtime lacks. */
  'no-unsupported-globals': rule((context) => ({
    'Program:exit': () => {
      const globalScope = context.sourceCode.scopeManager.globalScope;
      if (!globalScope) return;
      // Names ESLint knows for the ES version (Promise, Reflect…) are resolved to undeclared
      // global variables; any other name stays unresolved, in `through`.
      const references = [
        ...globalScope.through,
        ...globalScope.variables.filter((v) => v.defs.length === 0).flatMap((v) => v.references),
      ];
      for (const identifier of new Set(references.map((r) => r.identifier as ESTree.Identifier & Rule.NodeParentExtension))) {
        const message = UNSUPPORTED_GLOBALS.get(identifier.name);
        if (!message) continue;
        const parent = identifier.parent;
        // `typeof x` tests for a global without using it; `new Promise` is the plugin's no-promise.
        if (parent.type === 'UnaryExpression' && parent.operator === 'typeof') continue;
        if (identifier.name === 'Promise' && parent.type === 'NewExpression' && parent.callee === identifier) continue;
        context.report({ node: identifier, message });
      }
    },
  })),
};
