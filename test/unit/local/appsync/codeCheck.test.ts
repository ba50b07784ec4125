// The load-time check of resolver bundles against AppSync's "Supported runtime features" [SF]
// (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html) and the rules of
// @aws-appsync/eslint-plugin. Section names in the cases below are that page's.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleResolver, PROJECT_ROOT } from '../../../../infra/resolverBundle';
import {
  assertSupportedCode,
  checkAppsyncCode,
  formatCodeProblems,
  UnsupportedCodeError,
  type CodeProblem,
} from '../../../../local/appsync/codeCheck';
import { PLUGIN_BASE_RULES } from '../../../../local/appsync/codeCheckPluginRules';

const CDK_OUT = join(PROJECT_ROOT, 'cdk.out');

/** A resolver module whose request handler holds `body` from line 3 on. */
const inRequest = (body: string) =>
  [
    `import { util } from '@aws-appsync/utils';`,
    `export function request(ctx) {`,
    body,
    `  return {};`,
    `}`,
    `export function response(ctx) { return ctx.result; }`,
  ].join('\n');

const rulesAt = (problems: CodeProblem[]) => problems.map((p) => `${p.ruleId}@${p.line}`);

const scratch = mkdtempSync(join(tmpdir(), 'codeCheck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Writes `files` (paths from a project root) into a scratch project and bundles `entry` with
 * infra/resolverBundle.ts, output under build/ as there.
 */
function bundle(files: Record<string, string>, entry: string): string {
  const root = mkdtempSync(join(scratch, 'project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const outfile = bundleResolver(entry, { root, outDir: join(root, 'build') });
  return readFileSync(outfile, 'utf8');
}

describe('checkAppsyncCode on the bundles cdk synth wrote', () => {
  const bundles = readdirSync(CDK_OUT).filter((name) => /^asset\.[0-9a-f]+\.js$/.test(name));

  it('finds the resolver bundles (run `npm run synth` if cdk.out is missing)', () => {
    expect(bundles.length).toBeGreaterThan(0);
  });

  it.each(bundles)('accepts %s', (name) => {
    const file = join(CDK_OUT, name);
    expect(checkAppsyncCode(readFileSync(file, 'utf8'), file)).toEqual([]);
  });
});

describe('checkAppsyncCode rejects what AppSync does not support, at the line it is on', () => {
  // [rule, what, code, line]: with `inRequest`, the code starts on line 3.
  const cases: [string, string, string, number][] = [
    // [SF] Core features > Operators: "unary operators (++, --, and ~)" and "in operator" are not supported.
    ['@aws-appsync/no-disallowed-unary-operators', '++', inRequest('  let n = 0;\n  n++;'), 4],
    ['@aws-appsync/no-disallowed-unary-operators', '--', inRequest('  let n = 0;\n  --n;'), 4],
    ['@aws-appsync/no-disallowed-unary-operators', '~', inRequest('  const n = ~ctx.args.n;'), 3],
    ['@aws-appsync/no-in-operator', 'the in operator', inRequest(`  const has = 'id' in ctx.args;`), 3],
    // The plugin's no-disallowed-binary-operators.
    ['@aws-appsync/no-disallowed-binary-operators', 'instanceof', inRequest('  const a = ctx.args instanceof Object;'), 3],
    // [SF] Core features > Statements: catch, continue, do-while, finally, for(;;), throw, try, while, labels.
    ['@aws-appsync/no-try', 'try/catch', inRequest('  try {\n    util.autoId();\n  } catch (e) {}'), 3],
    ['@aws-appsync/no-try', 'try/finally', inRequest('  try {\n    util.autoId();\n  } finally {\n  }'), 3],
    ['appsync-js/no-throw', 'throw', inRequest('  if (!ctx.args.id) {\n    throw new Error("no id");\n  }'), 4],
    ['@aws-appsync/no-continue', 'continue', inRequest('  for (const x of ctx.args.list) {\n    if (x) continue;\n  }'), 4],
    ['@aws-appsync/no-while', 'while', inRequest('  while (ctx.args.more) {}'), 3],
    ['@aws-appsync/no-while', 'do-while', inRequest('  do {} while (ctx.args.more);'), 3],
    ['@aws-appsync/no-for', 'a classic for', inRequest('  for (let i = 0; i < 3; i += 1) {}'), 3],
    ['@aws-appsync/no-labels', 'a label', inRequest('  outer: for (const x of ctx.args.list) {\n    break outer;\n  }'), 3],
    // [SF] Core features > Types has no classes; the plugin's no-classes.
    ['@aws-appsync/no-classes', 'a class declaration', `class A {}\nexport function request() { return {}; }`, 1],
    ['appsync-js/no-class-expressions', 'a class expression', inRequest('  const A = class {};'), 3],
    // The plugin's no-generators and no-yield.
    ['@aws-appsync/no-generators', 'a generator declaration', `function* g() {}\nexport function request() { return {}; }`, 1],
    ['appsync-js/no-generator-expressions', 'a generator expression', inRequest('  const g = function* () {};'), 3],
    ['@aws-appsync/no-yield', 'yield', `function* g() {\n  yield 1;\n}\nexport function request() { return {}; }`, 2],
    // [SF] Built-in objects and functions > Promises: "Async processes are not supported, and promises are not supported."
    ['@aws-appsync/no-async', 'an async function', `export async function request() {\n  return {};\n}`, 1],
    ['@aws-appsync/no-await', 'top-level await', `const x = 1;\nawait x;\nexport function request() { return {}; }`, 2],
    ['appsync-js/no-for-await', 'for await', `const xs = [];\nfor await (const x of xs) {}\nexport function request() { return {}; }`, 2],
    ['appsync-js/no-dynamic-import', 'import()', inRequest(`  const m = import('./other.js');`), 3],
    ['@aws-appsync/no-promise', 'new Promise', inRequest('  const p = new Promise(util.autoId);'), 3],
    ['appsync-js/no-unsupported-globals', 'Promise.resolve', inRequest('  const p = Promise.resolve(1);'), 3],
    // [SF] Primitive objects > String: "Regular expressions are not supported."
    ['@aws-appsync/no-regex', 'a regex literal', inRequest(`  const s = ctx.args.s.replace(/a/g, 'b');`), 3],
    ['appsync-js/no-unsupported-globals', 'the RegExp constructor', inRequest(`  const r = new RegExp('a');`), 3],
    // The plugin's no-this.
    ['@aws-appsync/no-this', 'this', `function f() {\n  return this;\n}\nexport function request() { return f(); }`, 2],
    // The plugin's no-disallowed-re-assignment: ctx is read-only.
    ['@aws-appsync/no-disallowed-re-assignment', 'a new ctx property', inRequest('  ctx.args = {};'), 3],
    ['@aws-appsync/no-disallowed-re-assignment', 'reassigning ctx', inRequest('  ctx = {};'), 3],
    // [SF] Built-in objects and functions > Function.
    ['appsync-js/no-function-methods', 'call', inRequest('  const id = util.autoId.call(util);'), 3],
    ['appsync-js/no-function-methods', 'apply', inRequest('  const n = Math.max.apply(null, ctx.args.list);'), 3],
    ['appsync-js/no-function-methods', 'bind', inRequest('  const id = util.autoId.bind(util);'), 3],
    ['appsync-js/no-unsupported-globals', 'the Function constructor', inRequest(`  const f = new Function('return 1');`), 3],
    [
      'appsync-js/no-function-passing',
      'passing a function',
      `function twice(f) { return [f(), f()]; }\nfunction one() { return 1; }\nexport function request() {\n  return { xs: twice(one) };\n}`,
      4,
    ],
    ['appsync-js/no-function-passing', 'passing an arrow', inRequest('  const s = JSON.parse(ctx.args.s, (k, v) => v);'), 3],
    ['appsync-js/no-recursion', 'direct recursion', `function f(n) {\n  return n > 0 ? f(n - 1) : 0;\n}\nexport function request() { return { n: f(3) }; }`, 2],
    [
      'appsync-js/no-recursion',
      'mutual recursion',
      `const even = (n) => (n === 0 ? true : odd(n - 1));\nconst odd = (n) => (n === 0 ? false : even(n - 1));\nexport function request() { return { e: even(4) }; }`,
      1,
    ],
    [
      'appsync-js/no-recursion',
      'recursion through a callback',
      `function flatten(list) {\n  return list.flatMap((x) => (Array.isArray(x) ? flatten(x) : [x]));\n}\nexport function request(ctx) { return { xs: flatten(ctx.args.xs) }; }`,
      2,
    ],
    ['appsync-js/no-function-return', 'returning a function', `function make() {\n  return () => 1;\n}\nexport function request() { return { f: make() }; }`, 2],
    ['appsync-js/no-function-reassign', 'aliasing a function', `function f() { return 1; }\nconst g = f;\nexport function request() { return { n: g() }; }`, 2],
    // [SF] Built-in objects and functions > Array: "Array.prototype.sort() doesn't support arguments."
    ['appsync-js/no-sort-arguments', 'sort with a compare function', inRequest('  const xs = ctx.args.xs.sort((a, b) => a - b);'), 3],
    // The plugin's no-disallowed-methods (AWS's list of methods APPSYNC_JS does not implement).
    ['appsync-js/no-unsupported-methods', 'Object.freeze', inRequest('  const o = Object.freeze({});'), 3],
    ['appsync-js/no-unsupported-methods', 'Object.defineProperty', inRequest(`  Object.defineProperty(ctx.stash, 'x', { value: 1 });`), 3],
    ['appsync-js/no-unsupported-methods', 'Object.create', inRequest('  const o = Object.create(null);'), 3],
    ['appsync-js/no-unsupported-methods', 'String.fromCharCode', inRequest('  const s = String.fromCharCode(65);'), 3],
    ['appsync-js/no-unsupported-methods', 'Array.from', inRequest('  const xs = Array.from(ctx.args.xs);'), 3],
    ['appsync-js/no-unsupported-methods', 'Array.of', inRequest('  const xs = Array.of(1, 2);'), 3],
    ['appsync-js/no-unsupported-methods', 'padStart', inRequest(`  const s = ctx.args.s.padStart(4, '0');`), 3],
    ['appsync-js/no-unsupported-methods', 'repeat', inRequest(`  const s = 'ab'.repeat(2);`), 3],
    ['appsync-js/no-unsupported-methods', 'an Array iterator', inRequest('  const ks = ctx.args.xs.keys();'), 3],
    ['appsync-js/no-unsupported-methods', 'a Date setter', inRequest('  const d = new Date();\n  d.setDate(1);'), 4],
    ['appsync-js/no-unsupported-methods', 'toLocaleString', inRequest('  const s = new Date().toLocaleString();'), 3],
    // [SF] Globals: NaN, Infinity, undefined, util, extensions and runtime; nothing of Node's or the web's.
    ['appsync-js/no-unsupported-globals', 'setTimeout', inRequest('  setTimeout(util.autoId, 1);'), 3],
    ['appsync-js/no-unsupported-globals', 'process', inRequest('  const env = process.env;'), 3],
    ['appsync-js/no-unsupported-globals', 'globalThis', inRequest('  const g = globalThis;'), 3],
    ['appsync-js/no-unsupported-globals', 'eval', inRequest(`  const n = eval('1');`), 3],
    ['appsync-js/no-unsupported-globals', 'Intl', inRequest('  const f = new Intl.NumberFormat();'), 3],
    // [SF] Core features > Strict mode: the code always runs in strict mode, as an ES module.
    ['syntax', 'with (not strict-mode code)', inRequest('  with (ctx) {}'), 3],
  ];

  it.each(cases)('%s: %s', (rule, _what, code, line) => {
    expect(rulesAt(checkAppsyncCode(code, 'snippet.js'))).toContain(`${rule}@${line}`);
  });

  it('ignores eslint-disable comments, as AppSync does', () => {
    const code = inRequest('  // eslint-disable-next-line\n  throw new Error("x");');
    expect(rulesAt(checkAppsyncCode(code, 'snippet.js'))).toContain('appsync-js/no-throw@4');
  });

  it('runs the plugin’s base config, and its own rules for what the recommended config adds', () => {
    // Loads the plugin's index, and with it TypeScript, which the check itself avoids.
    type Config = { rules: object };
    const plugin = createRequire(import.meta.url)('@aws-appsync/eslint-plugin') as { configs: { base: Config; recommended: Config } };
    const names = (config: Config) => Object.keys(config.rules).map((id) => id.replace('@aws-appsync/', ''));
    const base = names(plugin.configs.base);
    expect(Object.keys(PLUGIN_BASE_RULES).sort()).toEqual(base.sort());
    // The typed rules, each done without types by codeCheckFunctionRules.ts or codeCheckRules.ts.
    const typed = names(plugin.configs.recommended).filter((name) => !base.includes(name));
    expect(typed.sort()).toEqual(['no-disallowed-methods', 'no-function-passing', 'no-function-reassign', 'no-function-return', 'no-recursion']);
  });
});

describe('checkAppsyncCode accepts what AppSync supports', () => {
  // [SF] Core features (operators, statements, literals, functions), Primitive objects, Built-in objects and functions.
  const supported: [string, string][] = [
    ['for-of and break', '  for (const x of ctx.args.xs) {\n    if (x) break;\n  }'],
    ['for-in', '  const keys = [];\n  for (const k in ctx.args) keys.push(k);'],
    ['template strings, multi-line and nested', '  const s = `a ${ctx.args.a} ${`b ${ctx.args.b}`}\n  c`;'],
    ['String.raw', '  const s = String.raw`a\\nb`;'],
    ['spread and rest', '  const { a, ...rest } = ctx.args;\n  const xs = [...ctx.args.xs, a];\n  const o = { ...rest, xs };\n  const m = Math.max(...xs);'],
    ['arrow functions and rest parameters', '  const sum = (...ns) => ns.reduce((a, b) => a + b, 0);\n  const n = sum(1, 2);'],
    ['optional chaining and ??', '  const name = ctx.identity?.claims?.name ?? ctx.args?.name ?? null;\n  const f = ctx.args.f?.();'],
    ['destructuring with defaults', '  const { a = 1, b: { c } = {} } = ctx.args;\n  const [x, , y = 2] = ctx.args.xs;'],
    ['Object.hasOwn, keys, values, entries and assign', '  const ok = Object.hasOwn(ctx.args, "id");\n  const all = [Object.keys(ctx.args), Object.values(ctx.args), Object.entries(ctx.args)];\n  const o = Object.assign({}, ctx.args);'],
    ['the Array callback methods', '  const xs = ctx.args.xs.map((x) => x * 2).filter((x) => x > 1);\n  xs.forEach((x) => x);\n  const ok = xs.some((x) => x) && xs.every((x) => x) && xs.find((x) => x) && xs.findIndex((x) => x);\n  const f = xs.flatMap((x) => [x]).reduce((a, b) => a + b, 0);'],
    ['sort without arguments', '  const xs = ctx.args.xs.slice().sort();'],
    ['switch, typeof, void, delete and the bitwise operators', '  switch (typeof ctx.args.n) {\n    case "number":\n      break;\n    default:\n  }\n  const bits = (1 & 2) | (3 ^ 4) | (1 << 2) | (8 >> 1) | (8 >>> 1);\n  const u = void 0;\n  delete ctx.stash.tmp;'],
    ['const, let and var', '  const a = 1;\n  let b = 2;\n  var c = 3;\n  b = a + c;'],
    ['util.error, JSON and Math', '  if (!ctx.args.id) util.error("no id", "ValidationError");\n  const s = JSON.stringify(JSON.parse("{}"));\n  const n = Math.floor(Math.random() * 10);'],
    ['typeof on a global the runtime lacks', '  const hasProcess = typeof process !== "undefined";'],
    ['writing into ctx.stash', '  ctx.stash.items = [];\n  ctx.stash.count = 1;'],
    ['a local binding named like a missing global', '  const fetch = (id) => ({ id });\n  const item = fetch(ctx.args.id);'],
    ['calling a nested function that is not recursive', '  const id = makeId();\n  function makeId() { return util.autoId(); }'],
  ];

  it.each(supported)('%s', (_what, body) => {
    expect(checkAppsyncCode(inRequest(body), 'snippet.js')).toEqual([]);
  });

  it('accepts esbuild’s namespace-import helpers and TypeScript enums', () => {
    const source = bundle(
      {
        'resolvers/lib/keys.ts': `export function eventKey(id: string) { return { pk: \`event#\${id}\` }; }\nexport enum Phase { Upcoming, Past }\n`,
        'resolvers/events/names.ts': [
          `import * as keys from '../lib/keys';`,
          `import { Phase } from '../lib/keys';`,
          `export function request(ctx: { args: { id: string } }) {`,
          `  return { names: Object.keys(keys), key: keys.eventKey(ctx.args.id), phase: Phase.Past };`,
          `}`,
          `export function response(ctx: { result: unknown }) { return ctx.result; }`,
        ].join('\n'),
      },
      'resolvers/events/names.ts',
    );
    expect(source).toContain('__export(');
    expect(checkAppsyncCode(source, 'names.js')).toEqual([]);
  });
});

describe('problems in a TypeScript resolver, through the bundle’s source map', () => {
  const files = {
    'resolvers/lib/counting.ts': [
      `export function total(n: number): number {`,
      `  let sum = 0;`,
      `  for (let i = 0; i < n; i += 1) {`,
      `    sum += i;`,
      `  }`,
      `  return sum;`,
      `}`,
    ].join('\n'),
    'resolvers/events/counted.ts': [
      `import { util } from '@aws-appsync/utils';`,
      `import { total } from '../lib/counting';`,
      ``,
      `type Args = { n: number };`,
      ``,
      `export function request(ctx: { args: Args }) {`,
      `  const sum: number = total(ctx.args.n);`,
      `  if (sum > 100) {`,
      `    throw new Error('too many');`,
      `  }`,
      `  return { payload: { sum, id: util.autoId() } };`,
      `}`,
      ``,
      `export function response(ctx: { result: unknown }) {`,
      `  return ctx.result;`,
      `}`,
    ].join('\n'),
  };
  const source = bundle(files, 'resolvers/events/counted.ts');
  const lineOf = (text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

  it('names the TypeScript file and line of each problem, and its line in the bundle', () => {
    const problems = checkAppsyncCode(source, 'cdk.out/asset.counted.js');
    expect(problems).toEqual([
      {
        ruleId: '@aws-appsync/no-for',
        message: expect.any(String),
        line: lineOf('for (let i = 0'),
        column: 3,
        original: { file: 'resolvers/lib/counting.ts', line: 3, column: 3 },
      },
      {
        ruleId: 'appsync-js/no-throw',
        message: expect.any(String),
        line: lineOf('throw new Error'),
        column: 5,
        original: { file: 'resolvers/events/counted.ts', line: 9, column: 5 },
      },
    ]);
  });

  it('throws one error that names the bundle, and each problem’s source and bundle lines', () => {
    const thrown = (() => {
      try {
        assertSupportedCode(source, 'cdk.out/asset.counted.js');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(UnsupportedCodeError);
    const error = thrown as UnsupportedCodeError;
    expect(error.file).toBe('cdk.out/asset.counted.js');
    expect(error.problems).toHaveLength(2);
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(/^cdk\.out\/asset\.counted\.js has 2 uses of features .* does not support \(https:\/\/docs\.aws\.amazon\.com\/appsync\/latest\/devguide\/supported-features\.html\):$/);
    expect(lines[1]).toBe(`  - resolvers/lib/counting.ts:3:3 (bundle line ${lineOf('for (let i = 0')}:3): For statements are not supported. [@aws-appsync/no-for]`);
    expect(lines[2]).toMatch(new RegExp(`^  - resolvers/events/counted\\.ts:9:5 \\(bundle line ${lineOf('throw new')}:5\\): throw is not supported.* \\[appsync-js/no-throw\\]$`));
  });

  it('gives the bundle line alone when the code has no source map', () => {
    const [problem] = checkAppsyncCode(inRequest('  throw new Error("x");'), 'inline.js');
    expect(problem.original).toBeNull();
    expect(formatCodeProblems('Query.event (inline code)', [problem])).toContain('  - bundle line 3:3: throw is not supported');
  });

  it('passes code AppSync supports without an error', () => {
    expect(() => assertSupportedCode(inRequest('  const x = 1;'), 'fine.js')).not.toThrow();
  });

  it('lists at most 20 problems and counts the rest', () => {
    const body = Array.from({ length: 25 }, () => '  throw 1;').join('\n');
    const message = formatCodeProblems('many.js', checkAppsyncCode(inRequest(body), 'many.js'));
    expect(message.split('\n')).toHaveLength(22);
    expect(message).toMatch(/… and 5 more$/);
  });
});
