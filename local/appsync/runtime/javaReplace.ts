// APPSYNC_JS's String.prototype.replace and replaceAll: "Regular expressions are not
// supported. However, Java-styled regular expression constructs are supported in the
// provided parameter" (Supported runtime features, String). So a string pattern is a Java
// regex (replace = Java's replaceFirst, replaceAll = replaceAll) and the replacement uses
// Java's syntax: $n and ${name} for groups, \x for a literal x; JavaScript's $& $` $' $$
// mean nothing special there.
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Matcher.html#appendReplacement-java.lang.StringBuffer-java.lang.String-
import { compileJavaPattern, JavaPatternError } from './javaPattern';

/** Java's replaceFirst / replaceAll of `subject`, pattern and replacement in Java syntax. */
export function javaReplace(subject: string, pattern: string, replacement: string, all: boolean): string {
  const { regex, compiled } = compileJavaPattern(String(pattern), all ? 'g' : '');
  const template = String(replacement);
  const groupCount = regex.jsGroup.length - 1;
  return String(subject).replace(compiled, (...args: unknown[]) => {
    // args: match, js groups..., offset, string, [named groups]
    const jsGroups = args.slice(0, args.findIndex((a, k) => k > 0 && typeof a === 'number'));
    const group = (n: number) => (jsGroups[regex.jsGroup[n]] as string | undefined) ?? '';
    let out = '';
    for (let k = 0; k < template.length; k += 1) {
      const c = template[k];
      if (c === '\\') {
        k += 1;
        if (k >= template.length) throw new JavaPatternError('character to be escaped is missing', template, k);
        out += template[k];
      } else if (c === '$') {
        k += 1;
        if (k >= template.length) throw new JavaPatternError('Illegal group reference: group index is missing', template, k);
        if (template[k] === '{') {
          const end = template.indexOf('}', k);
          const name = end < 0 ? '' : template.slice(k + 1, end);
          if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new JavaPatternError('named capturing group is missing trailing \'}\' or has an invalid name', template, k);
          if (!Object.hasOwn(regex.names, name)) throw new JavaPatternError(`No group with name {${name}}`, template, k);
          out += group(regex.names[name]);
          k = end;
        } else {
          if (!/[0-9]/.test(template[k])) throw new JavaPatternError('Illegal group reference', template, k);
          let n = Number(template[k]);
          if (n > groupCount) throw new JavaPatternError(`No group ${n}`, template, k);
          // Java reads further digits while they still name an existing group.
          while (k + 1 < template.length && /[0-9]/.test(template[k + 1]) && n * 10 + Number(template[k + 1]) <= groupCount) {
            k += 1;
            n = n * 10 + Number(template[k]);
          }
          out += group(n);
        }
      } else {
        out += c;
      }
    }
    return out;
  });
}

/**
 * Source text to run in the APPSYNC_JS vm context *before* its built-ins are frozen. It
 * evaluates to a function that takes the host's `javaReplace` and installs replace and
 * replaceAll on the context's String.prototype. A string pattern with a string (or other
 * non-function) replacement goes to Java semantics; anything else (a RegExp, a function
 * replacer, which AppSync does not support either) keeps the native behaviour. The host
 * function stays in the installer's closure, out of the resolver code's reach.
 */
export const JAVA_REPLACE_INSTALLER = `(function installJavaReplace(javaReplace) {
  'use strict';
  const proto = String.prototype;
  const nativeReplace = proto.replace;
  const nativeReplaceAll = proto.replaceAll;
  const define = (name, impl) => Object.defineProperty(proto, name, { value: impl, writable: true, configurable: true, enumerable: false });
  define('replace', {
    replace(pattern, replacement) {
      if (typeof pattern === 'string' && typeof replacement !== 'function') return javaReplace(String(this), pattern, String(replacement), false);
      return nativeReplace.call(this, pattern, replacement);
    },
  }.replace);
  define('replaceAll', {
    replaceAll(pattern, replacement) {
      if (typeof pattern === 'string' && typeof replacement !== 'function') return javaReplace(String(this), pattern, String(replacement), true);
      return nativeReplaceAll.call(this, pattern, replacement);
    },
  }.replaceAll);
})`;
