// util.matches "is based on Pattern" (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html,
// "Type and pattern matching utils"), so Java regex syntax is translated to JavaScript. Expected
// results follow java.util.regex.Pattern's documentation
// (https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html).
import { describe, expect, it } from 'vitest';
import { javaMatches, translateJavaPattern } from '../../../../../local/appsync/runtime/javaPattern';

const table = (rows: [string, string, boolean][]) => {
  for (const [pattern, value, expected] of rows) expect(javaMatches(pattern, value), `${pattern} on ${JSON.stringify(value)}`).toBe(expected);
};

describe('Java regex syntax that JavaScript lacks', () => {
  it('possessive quantifiers never give back what they matched', () => {
    table([
      ['a++b', 'aaab', true],
      ['a++a', 'aaaa', false],
      ['a*+a', 'aaa', false],
      ['a{2,3}+', 'aaa', true],
      ['(ab)?+ab', 'ab', false],
    ]);
  });

  it('atomic groups (?>X)', () => {
    table([
      ['(?>a+)a', 'aaaa', false],
      ['(?>a|ab)c', 'abc', false],
    ]);
  });

  it('\\A, \\z and \\Z (end of input, or before a final line terminator)', () => {
    table([
      ['\\Aabc\\z', 'abc', true],
      ['abc\\Z\\s*', 'abc\n', true],
    ]);
  });

  it('embedded flags: (?i) for the rest of the group, (?i:X), (?-i), (?s), (?x), (?m)', () => {
    table([
      ['(?i)hello', 'HeLLo', true],
      ['hel(?i:LO)', 'helLo', true],
      ['hel(?i:LO)', 'HELLO', false],
      ['[A-Z](?i)[a-z]+', 'HeLLO', true],
      ['(?i)a(?-i)b', 'Ab', true],
      ['(?i)a(?-i)b', 'AB', false],
      ['(?s)a.b', 'a\nb', true],
      ['a.b', 'a\nb', false],
      ['(?x) a b # a comment', 'ab', true],
      ['(?m)a$\\s^b', 'a\nb', true],
    ]);
  });

  it('case-insensitive matching is ASCII-only unless (?u) is given', () => {
    table([
      ['(?i)é', 'É', false],
      ['(?iu)é', 'É', true],
    ]);
  });

  it('\\Q...\\E quotes, and escaped punctuation is literal', () => {
    table([
      ['\\QA.B\\E', 'A.B', true],
      ['\\QA.B\\E', 'AxB', false],
      ['\\.\\-\\@', '.-@', true],
    ]);
  });

  it("Java's \\s is [ \\t\\n\\x0B\\f\\r] and . stops at every line terminator", () => {
    table([
      ['\\s', '\u00a0', false],
      ['\\s', '\u000b', true],
      ['.', '\u0085', false],
      ['\\h', '\u00a0', true],
      ['\\R', '\r\n', true],
    ]);
  });

  it('character classes: union, intersection, subtraction, POSIX and Unicode properties', () => {
    table([
      ['[a-d[m-p]]+', 'amp', true],
      ['[a-z&&[def]]', 'e', true],
      ['[a-z&&[def]]', 'a', false],
      ['[a-z&&[^bc]]+', 'ad', true],
      ['[a-z&&[^bc]]+', 'ab', false],
      ['[^abc]', 'd', true],
      ['[^abc]', 'a', false],
      ['\\p{Lower}\\p{Upper}\\p{Digit}\\p{Punct}', 'aB1!', true],
      ['\\p{Alpha}+', 'é', false],
      ['\\p{L}+', 'é', true],
      ['\\p{IsLatin}+', 'abc', true],
      ['\\p{javaLowerCase}', 'é', true],
      ['[\\-a]+', '-a', true],
    ]);
  });

  it('escapes: \\x{h..h}, \\uhhhh, \\0octal, \\e, \\cX', () => {
    table([
      ['\\x{1F600}', '😀', true],
      ['\\u0041\\x42\\0103', 'ABC', true],
      ['\\e\\cA', '\u001b\u0001', true],
    ]);
  });

  it('groups and backreferences keep Java numbering', () => {
    table([
      ['(a)(b)\\2\\1', 'abba', true],
      ['(?<x>a)\\k<x>', 'aa', true],
      ['(a)\\10', 'aa0', true],
      ['(?>(a))(b)\\2', 'abb', true],
    ]);
    expect(translateJavaPattern('(?>(a))(b)').jsGroup).toEqual([0, 2, 3]);
  });

  it('refuses what Java refuses', () => {
    for (const bad of ['(a', 'a)', '*a', 'a{', '[a', '\\y', '\\p{Nope}']) expect(() => javaMatches(bad, 'a'), bad).toThrow();
  });
});
