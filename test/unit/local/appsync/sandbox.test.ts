import { describe, expect, it } from 'vitest';
import { UnsupportedCodeError } from '../../../../local/appsync/codeCheck';
import { appsyncModules } from '../../../../local/appsync/runtime/modules';
import { Sandbox } from '../../../../local/appsync/sandbox';
import { createLogger, setLogLevel } from '../../../../local/shared/logger';

setLogLevel('silent');
const sandbox = new Sandbox(appsyncModules(), createLogger('test'));

const run = (source: string, ctx: unknown = {}) => sandbox.load('test.js', source).call('request', ctx);

describe('the APPSYNC_JS sandbox', () => {
  it('runs an ES module bundle with @aws-appsync/utils imports', () => {
    const source = `import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return { id: util.autoId(), n: ctx.n + 1 }; }\nexport function response(ctx) { return ctx.result; }`;
    const out = run(source, { n: 1 }) as { id: string; n: number };
    expect(out.n).toBe(2);
    expect(out.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has none of Node’s globals and no async or code generation', () => {
    const source = `export function request() {
      return [typeof process, typeof require, typeof module, typeof exports, typeof setTimeout, typeof Buffer, typeof Promise, typeof fetch, typeof Intl];
    }`;
    expect(run(source)).toEqual(Array(9).fill('undefined'));
    // Refused when loaded (AppSync does not support Function), and blocked when run anyway.
    expect(() => run(`export function request() { return new Function('return 1')(); }`)).toThrow(UnsupportedCodeError);
    expect(() => run(`export function request() { const F = [].map.constructor; return F('return 1')(); }`)).toThrow(/Code generation from strings disallowed/);
  });

  it('starts every evaluation with fresh module state', () => {
    const code = sandbox.load('counter.js', `let count = 0;\nexport function request() { count += 1; return count; }`);
    expect([code.call('request', {}), code.call('request', {}), code.call('request', {})]).toEqual([1, 1, 1]);
  });

  it('keeps built-ins frozen, so one evaluation cannot leave changes for the next', () => {
    expect(() => run(`export function request() { Array.prototype.leak = 1; return 1; }`)).toThrow();
    expect(run(`export function request() { return [].leak === undefined; }`)).toBe(true);
  });

  it('names a missing handler and an import the runtime does not provide', () => {
    expect(() => sandbox.load('nohandler.js', 'export function response() {}').call('request', {})).toThrow(/nohandler.js exports no request function/);
    expect(() => run(`import x from 'lodash';\nexport function request() { return x; }`)).toThrow(/imports lodash/);
  });
});
