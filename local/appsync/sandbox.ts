// Runs APPSYNC_JS code (the ES module bundles the template references) in a node:vm
// context that holds only what AppSync's runtime provides.
//
// Isolation without a fresh context per call (that alone costs ~0.7 ms, TOOLCHAIN.md):
// one context whose built-ins are frozen, so code cannot leave changes in them, and a
// module body re-run for every handler evaluation, so module-level state starts fresh
// each time, as it does in AppSync. Each bundle is compiled once.
import { transformSync } from 'esbuild';
import vm from 'node:vm';
import type { Logger } from '../shared/logger';
import { assertSupportedCode } from './codeCheck';
import { JAVA_REPLACE_INSTALLER, javaReplace } from './runtime/javaReplace';

export type Handler = (ctx: unknown) => unknown;

export interface LoadedCode {
  readonly name: string;
  has(handler: 'request' | 'response'): boolean;
  call(handler: 'request' | 'response', ctx: unknown): unknown;
}

/** Globals AppSync's runtime does not have (async code, reflection, code generation). */
const REMOVED_GLOBALS = [
  'Promise',
  'Proxy',
  'Reflect',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'FinalizationRegistry',
  'SharedArrayBuffer',
  'Atomics',
  'WebAssembly',
  'Intl',
  'eval',
  'globalThis',
];

const PREPARE_CONTEXT = `(() => {
  const frozen = [Object, Array, String, Number, Boolean, Math, JSON, Date, Error, TypeError, RangeError,
    SyntaxError, ReferenceError, EvalError, URIError, Map, Set, Symbol, BigInt, RegExp, Function, ArrayBuffer,
    Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array];
  for (const value of frozen) {
    Object.freeze(value);
    if (value.prototype) Object.freeze(value.prototype);
  }
  Object.freeze(Object.getPrototypeOf(function* () {}));
  for (const name of ${JSON.stringify(REMOVED_GLOBALS)}) delete globalThis[name];
})();`;

const IMPORT = '__appsyncImport';
const MODULE = '__appsyncModule';

export class Sandbox {
  private readonly context: vm.Context;

  constructor(
    private readonly modules: Record<string, unknown>,
    logger: Logger,
  ) {
    const console = Object.freeze({
      log: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
      info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
      debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
      warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
      error: (...args: unknown[]) => logger.error(args.map(String).join(' ')),
    });
    this.context = vm.createContext({ console }, { codeGeneration: { strings: false, wasm: false }, name: 'APPSYNC_JS' });
    // String.prototype.replace/replaceAll take Java regular expressions in APPSYNC_JS
    // (supported-features page); installed before the built-ins are frozen.
    (vm.runInContext(JAVA_REPLACE_INSTALLER, this.context) as (impl: typeof javaReplace) => void)(javaReplace);
    vm.runInContext(PREPARE_CONTEXT, this.context);
  }

  /** Compiles one bundle. `name` is used in errors and stack traces. */
  load(name: string, source: string): LoadedCode {
    // What AppSync would refuse is refused here, at load time, with the file and line.
    assertSupportedCode(source, name);
    // The bundle is an ES module; node:vm runs modules only behind a flag, so esbuild
    // rewrites its import/export statements into CommonJS form (the code itself is kept),
    // and the two names that form needs are renamed so that the code cannot see them:
    // in AppSync, `require` and `module` do not exist. APPSYNC_JS is always strict mode.
    const { code } = transformSync(source, { format: 'cjs', loader: 'js', sourcefile: name, target: 'es2022', sourcemap: 'inline' });
    const wired = code
      .replace(/\brequire\("([^"]+)"\)/g, (_, id: string) => `${IMPORT}(${JSON.stringify(id)})`)
      .replace(/^module\.exports = /m, `${MODULE}.exports = `);
    const script = new vm.Script(`(function (${IMPORT}, ${MODULE}) {"use strict";${wired}\n})`, { filename: name });
    const factory = script.runInContext(this.context) as (importModule: (id: string) => unknown, module: { exports: object }) => void;
    const importModule = (id: string) => {
      if (!Object.hasOwn(this.modules, id)) throw new Error(`${name} imports ${id}, which the APPSYNC_JS runtime does not provide`);
      return this.modules[id];
    };
    const instantiate = () => {
      const module = { exports: {} as Record<string, unknown> };
      factory(importModule, module);
      return module.exports;
    };
    const exported = instantiate();
    const present = {
      request: typeof exported.request === 'function',
      response: typeof exported.response === 'function',
    };
    return {
      name,
      has: (handler) => present[handler],
      call: (handler, ctx) => {
        const fn = instantiate()[handler] as Handler | undefined;
        if (typeof fn !== 'function') throw new Error(`${name} exports no ${handler} function`);
        return fn(ctx);
      },
    };
  }
}
