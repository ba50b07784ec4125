// APPSYNC_JS String.prototype.replace / replaceAll: "Regular expressions are not supported.
// However, Java-styled regular expression constructs are supported in the provided parameter"
// ("Supported runtime features", https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html).
// Replacement syntax per java.util.regex.Matcher.appendReplacement
// (https://docs.oracle.com/javase/8/docs/api/java/util/regex/Matcher.html).
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { JAVA_REPLACE_INSTALLER, javaReplace } from '../../../../../local/appsync/runtime/javaReplace';

describe('javaReplace', () => {
  it('reads the pattern as a Java regex: replace is replaceFirst, replaceAll replaces every match', () => {
    expect(javaReplace('a.b.c', '.', '-', false)).toBe('-.b.c');
    expect(javaReplace('a.b.c', '\\.', '-', true)).toBe('a-b-c');
    expect(javaReplace('2030-07-14', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1', false)).toBe('14/07/2030');
    expect(javaReplace('aaa', 'a*+', 'x', true)).toBe('xx');
  });

  it("uses Java's replacement syntax: $n, ${name}, \\ escapes; $& and $$ are not special", () => {
    expect(javaReplace('John Smith', '(?<first>\\w+) (?<last>\\w+)', '${last}, ${first}', false)).toBe('Smith, John');
    expect(javaReplace('price', 'price', '\\$5', false)).toBe('$5');
    expect(javaReplace('ab', '(a)', '[$1$0]', false)).toBe('[aa]b');
    expect(() => javaReplace('ab', 'a', '$&', false)).toThrow(/Illegal group reference/);
    expect(() => javaReplace('ab', 'a', 'x$', false)).toThrow(/group index is missing/);
    expect(() => javaReplace('ab', '(a)', '$2', false)).toThrow(/No group 2/);
  });

  it('reads $1 followed by a digit as group 1 when there is no group 10', () => {
    expect(javaReplace('ab', '(a)', '$10', false)).toBe('a0b');
  });
});

describe('JAVA_REPLACE_INSTALLER', () => {
  it('patches String.prototype in a vm context before it is frozen, and keeps RegExp and function forms native', () => {
    const context = vm.createContext({});
    (vm.runInContext(JAVA_REPLACE_INSTALLER, context) as (impl: typeof javaReplace) => void)(javaReplace);
    vm.runInContext('Object.freeze(String.prototype)', context);
    expect(vm.runInContext("'a.b.c'.replace('.', '-')", context)).toBe('-.b.c');
    expect(vm.runInContext("'a.b.c'.replaceAll('\\\\.', '-')", context)).toBe('a-b-c');
    expect(vm.runInContext("'a.b.c'.replace(/\\./g, '-')", context)).toBe('a-b-c');
    expect(vm.runInContext("'abc'.replace('b', (m) => m.toUpperCase())", context)).toBe('aBc');
    expect(vm.runInContext("typeof globalThis.javaReplace + ' ' + String.prototype.replace.name", context)).toBe('undefined replace');
  });
});
