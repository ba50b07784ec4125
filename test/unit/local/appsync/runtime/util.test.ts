// Conformance of the general `util` helpers with "Built-in utilities" (AWS AppSync developer
// guide, https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html), the
// published @aws-appsync/utils type comments, and the pages named per block.
import { describe, expect, it } from 'vitest';
import { createEvaluation, withEvaluation } from '../../../../../local/appsync/runtime/evaluation';
import { ResolverError } from '../../../../../local/appsync/runtime/signals';
import { util } from '../../../../../local/appsync/runtime/util';

const inHandler = <T>(run: () => T, authType = 'API Key Authorization') => {
  const evaluation = createEvaluation(authType);
  return { value: withEvaluation(evaluation, run), evaluation };
};

describe('encoding utils (built-in-util-js.html "Encoding utils")', () => {
  // Rule: "application/x-www-form-urlencoded"; Java's URLEncoder keeps a-z A-Z 0-9 . - * _ and writes space as +.
  it('urlEncode writes form encoding: space as +, reserved and non-ASCII as UTF-8 %XX', () => {
    expect(util.urlEncode('a b&c=d/e~f*g!h\'(i)é')).toBe('a+b%26c%3Dd%2Fe%7Ef*g%21h%27%28i%29%C3%A9');
    expect(util.urlEncode('.-_*')).toBe('.-_*');
  });

  it('urlDecode reverses it and reads + as a space', () => {
    expect(util.urlDecode('a+b%26c%3Dd%2Fe%7Ef*g%21h%27%28i%29%C3%A9')).toBe('a b&c=d/e~f*g!h\'(i)é');
    expect(util.urlDecode('%7e%7E')).toBe('~~');
    expect(() => util.urlDecode('100%')).toThrow(/Illegal hex/);
  });

  it('base64Encode / base64Decode work on UTF-8 text', () => {
    expect(util.base64Encode('foo')).toBe('Zm9v');
    expect(util.base64Encode('é')).toBe('w6k=');
    expect(util.base64Decode('w6k=')).toBe('é');
    expect(() => util.base64Decode('not base64!')).toThrow(/base64/);
  });

  // Rule: "Returns the input string as a JavaScript escaped string" (Return value behavior utils).
  it('escapeJavaScript escapes quotes, backslash, slash, controls and non-ASCII', () => {
    expect(util.escapeJavaScript('He said "it\'s" a/b \\ \n\t é')).toBe('He said \\"it\\\'s\\" a\\/b \\\\ \\n\\t \\u00E9');
  });
});

describe('ID generation utils (built-in-util-js.html "ID generation utils")', () => {
  it('autoId is a 128-bit random UUID', () => {
    expect(util.autoId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(util.autoId()).not.toBe(util.autoId());
  });

  it('autoUlid is a 26-character Crockford base32 ULID whose prefix is the time', () => {
    const before = util.autoUlid();
    expect(before).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    const decoded = [...before.slice(0, 10)].reduce((n, c) => n * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c), 0);
    expect(Math.abs(decoded - Date.now())).toBeLessThan(5000);
  });

  it('autoKsuid is base62 encoded as a String with a length of 27', () => {
    const id = util.autoKsuid();
    expect(id).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(util.autoKsuid()).not.toBe(id);
  });
});

describe('error utils (built-in-util-js.html "Error utils")', () => {
  it('error throws with errorType, data and errorInfo', () => {
    expect(() => util.error('Bad input', 'ValidationError', { a: 1 }, { why: 'x' })).toThrow(
      expect.objectContaining({ message: 'Bad input', errorType: 'ValidationError', data: { a: 1 }, errorInfo: { why: 'x' } }),
    );
    expect(() => util.error('Bad input')).toThrow(ResolverError);
  });

  it('appendError records the error and evaluation goes on', () => {
    const { value, evaluation } = inHandler(() => {
      util.appendError('soft', 'Warning');
      return 'still here';
    });
    expect(value).toBe('still here');
    expect(evaluation.appendedErrors).toEqual([{ message: 'soft', errorType: 'Warning', data: null, errorInfo: null }]);
  });

  it('unauthorized throws Unauthorized for the field', () => {
    expect(() => util.unauthorized()).toThrow(expect.objectContaining({ errorType: 'Unauthorized' }));
  });
});

describe('type and pattern matching utils (built-in-util-js.html)', () => {
  it('matches: the page example util.matches("a*b", "aaaaab") is true', () => {
    expect(util.matches('a*b', 'aaaaab')).toBe(true);
  });

  it('matches follows Pattern.matches: the whole value must match', () => {
    expect(util.matches('a*b', 'aaaaabc')).toBe(false);
    expect(util.matches('b', 'abc')).toBe(false);
    expect(util.matches('[a-z]+@[a-z]+\\.com', 'ada@example.com')).toBe(true);
  });

  it('authType returns the request auth mode in the documented wording', () => {
    for (const name of ['IAM Authorization', 'User Pool Authorization', 'Open ID Connect Authorization', 'API Key Authorization']) {
      expect(inHandler(() => util.authType(), name).value).toBe(name);
    }
  });
});

// Listed for $util (VTL) only: https://docs.aws.amazon.com/appsync/latest/devguide/utility-helpers-in-util.html
describe('null and type helpers ($util page "Null behavior utils", "Object validation utils")', () => {
  it('typeOf answers "Null", "Number", "String", "Map", "List", "Boolean"', () => {
    expect([null, 1, 's', { a: 1 }, [1], true].map((v) => util.typeOf(v))).toEqual(['Null', 'Number', 'String', 'Map', 'List', 'Boolean']);
  });

  it('isNull / isNullOrEmpty / isNullOrBlank and the defaultIf variants', () => {
    expect([util.isNull(null), util.isNull('')]).toEqual([true, false]);
    expect([util.isNullOrEmpty(''), util.isNullOrEmpty(' ')]).toEqual([true, false]);
    expect([util.isNullOrBlank(' '), util.isNullOrBlank('x')]).toEqual([true, false]);
    expect([util.defaultIfNull(null, 'd'), util.defaultIfNullOrEmpty('', 'd'), util.defaultIfNullOrBlank(' ', 'd'), util.defaultIfNullOrBlank('x', 'd')]).toEqual([
      'd',
      'd',
      'd',
      'x',
    ]);
  });

  it('isString, isNumber, isBoolean, isList, isMap', () => {
    expect([util.isString('a'), util.isNumber(1), util.isBoolean(false), util.isList([]), util.isMap({}), util.isMap([])]).toEqual([true, true, true, true, true, false]);
  });
});

describe('util.str (https://docs.aws.amazon.com/appsync/latest/devguide/str-helpers-in-util-str-js.html)', () => {
  it('normalize takes "nfc", "nfd", "nfkc" or "nfkd"', () => {
    expect(util.str.normalize('e\u0301', 'nfc')).toBe('é');
    expect(util.str.normalize('é', 'nfd')).toBe('e\u0301');
    expect(util.str.normalize('ﬁ', 'nfkc')).toBe('fi');
    expect(() => util.str.normalize('x', 'nfx')).toThrow(/nfc/);
  });
});

describe('util.math (math-utils.d.ts; $util.math page math-helpers-in-util-math.html)', () => {
  it('roundNum rounds to the nearest integer; minVal and maxVal', () => {
    expect([util.math.roundNum(2.5), util.math.roundNum(2.4), util.math.roundNum(-2.5)]).toEqual([3, 2, -2]);
    expect([util.math.minVal(3.45, 45.67), util.math.maxVal(3.45, 45.67)]).toEqual([3.45, 45.67]);
  });

  it('randomDouble is in [0, 1) and randomWithinRange an integer in the range', () => {
    for (let n = 0; n < 50; n += 1) {
      const d = util.math.randomDouble();
      expect(d >= 0 && d < 1).toBe(true);
      const r = util.math.randomWithinRange(10, 12);
      expect(Number.isInteger(r) && r >= 10 && r <= 12).toBe(true);
    }
  });
});

describe('util object', () => {
  it('cannot be changed by resolver code (state would leak between handlers)', () => {
    expect(Object.isFrozen(util)).toBe(true);
    expect(Object.isFrozen(util.time)).toBe(true);
  });
});
