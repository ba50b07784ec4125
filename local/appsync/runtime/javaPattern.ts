// Java regular expressions (java.util.regex.Pattern) run on JavaScript's engine: the pattern
// is translated where the syntaxes differ. util.matches and APPSYNC_JS's String replace /
// replaceAll take Java patterns.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html (util.matches: "based on Pattern")
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html
//
// Translated: possessive quantifiers and atomic groups (a lookahead capture plus a
// backreference), \A \z \Z \G-less anchors, Java's ^ $ . and line terminators, embedded flags
// (?idmsux-idmsux) and (?flags:X) anywhere (case-insensitivity by expanding letters, so it can
// be scoped), \Q...\E, \h \H \v \V \R \s \S (Java's \s is ASCII only), \e \a \0oct \x{h},
// POSIX and java* property classes, nested character classes and && intersections.
// Not supported (PatternSyntaxException-like error): \G, \X, \p{InBlock}, CANON_EQ.

export type JavaRegex = {
  /** A JavaScript RegExp (flag u) equivalent to the Java pattern. */
  source: string;
  /** jsGroup[n] is the JavaScript group index of Java group n (jsGroup[0] = 0). */
  jsGroup: number[];
  /** Java named groups and their Java group numbers. */
  names: Record<string, number>;
};

export class JavaPatternError extends Error {
  constructor(message: string, pattern: string, index: number) {
    super(`${message} near index ${index}\n${pattern}`);
    this.name = 'PatternSyntaxException';
  }
}

type Flags = { i: boolean; d: boolean; m: boolean; s: boolean; u: boolean; x: boolean };

const TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const SPACE = '\\t\\n\\x0B\\f\\r ';
const HSPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';

// POSIX classes (US-ASCII only in Java) and java.lang.Character classes.
const PROPERTIES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: SPACE,
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaWhitespace: '\\t-\\r\\x1C-\\x1F\\p{Zs}\\p{Zl}\\p{Zp}',
  javaMirrored: '\\p{Bidi_Mirrored}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaLetter: '\\p{L}',
  javaDigit: '\\p{Nd}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
};

// Private-use markers for group opens and references; resolved to JS numbers at the end
// (every non-ASCII literal is written as an escape, so they cannot clash with the pattern).
const OPEN = '\uE000';
const REF = '\uE001';
const END = '\uE002';

const esc = (cp: number) => `\\u{${cp.toString(16)}}`;

function caseVariants(cp: number, flags: Flags): number[] {
  if (!flags.i) return [cp];
  const c = String.fromCodePoint(cp);
  if (!flags.u && cp > 0x7f) return [cp];
  const variants = new Set([cp, c.toLowerCase().codePointAt(0)!, c.toUpperCase().codePointAt(0)!]);
  return [...variants].filter((v) => flags.u || v <= 0x7f);
}

/** One literal code point, inside a class (bare) or outside (wrapped when it has case variants). */
function literal(cp: number, flags: Flags, inClass: boolean): string {
  const variants = caseVariants(cp, flags);
  const text = variants.map((v) => (/[A-Za-z0-9]/.test(String.fromCodePoint(v)) ? String.fromCodePoint(v) : esc(v))).join('');
  return inClass || variants.length === 1 ? text : `[${text}]`;
}

type ClassPart = { simple?: string; expr?: string };

class Translator {
  private i = 0;
  private out = '';
  private javaGroups = 0;
  private auxGroups = 0;
  private readonly names: Record<string, number> = {};

  constructor(
    private readonly p: string,
    private flags: Flags,
  ) {}

  private fail(message: string): never {
    throw new JavaPatternError(message, this.p, this.i);
  }

  private peek(n = 0): string {
    return this.p[this.i + n] ?? '';
  }

  translate(): JavaRegex {
    let atomStart = -1;
    const stack: { flags: Flags; start: number; close: string }[] = [];
    while (this.i < this.p.length) {
      const c = this.p[this.i];
      if (this.flags.x && /\s/.test(c)) {
        this.i += 1;
        continue;
      }
      if (this.flags.x && c === '#') {
        while (this.i < this.p.length && !'\n\r'.includes(this.p[this.i])) this.i += 1;
        continue;
      }
      const start = this.out.length;
      if (c === '(') {
        this.i += 1;
        const group = this.openGroup();
        if (group === null) continue; // (?flags): no atom
        stack.push({ flags: { ...this.flags }, start, close: group.close });
        this.flags = group.flags;
        atomStart = -1;
        continue;
      }
      if (c === ')') {
        const top = stack.pop();
        if (!top) this.fail('Unmatched closing \')\'');
        this.out += top.close;
        this.flags = top.flags;
        this.i += 1;
        atomStart = top.start;
        continue;
      }
      if ('*+?{'.includes(c)) {
        if (atomStart < 0) this.fail(`Dangling meta character '${c}'`);
        this.quantifier(atomStart);
        atomStart = -1;
        continue;
      }
      if (c === '|') {
        this.out += '|';
        this.i += 1;
        atomStart = -1;
        continue;
      }
      if (c === '\\' && (this.peek(1) === 'Q')) {
        this.i += 2;
        const end = this.p.indexOf('\\E', this.i);
        const text = end < 0 ? this.p.slice(this.i) : this.p.slice(this.i, end);
        this.i = end < 0 ? this.p.length : end + 2;
        const cps = [...text].map((ch) => ch.codePointAt(0)!);
        cps.forEach((cp, k) => {
          if (k === cps.length - 1) atomStart = this.out.length;
          this.out += literal(cp, this.flags, false);
        });
        continue;
      }
      this.atom();
      atomStart = start;
    }
    if (stack.length > 0) this.fail('Unclosed group');
    return this.resolve();
  }

  /** After '(': returns what closes the group, or null for a bare (?flags). */
  private openGroup(): { close: string; flags: Flags } | null {
    const flags = { ...this.flags };
    if (this.peek() !== '?') {
      this.javaGroups += 1;
      this.out += `(${OPEN}J${this.javaGroups}${END}`;
      return { close: ')', flags };
    }
    this.i += 1;
    const rest = this.p.slice(this.i);
    const named = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
    if (named) {
      this.javaGroups += 1;
      if (Object.hasOwn(this.names, named[1])) this.fail(`Named capturing group <${named[1]}> is already defined`);
      this.names[named[1]] = this.javaGroups;
      this.i += named[0].length;
      this.out += `(${OPEN}J${this.javaGroups}${END}`;
      return { close: ')', flags };
    }
    for (const look of [':', '=', '!', '<=', '<!']) {
      if (rest.startsWith(look)) {
        this.i += look.length;
        this.out += `(?${look}`;
        return { close: ')', flags };
      }
    }
    if (rest.startsWith('>')) {
      this.i += 1;
      this.auxGroups += 1;
      const id = this.auxGroups;
      this.out += `(?:(?=(${OPEN}A${id}${END}`;
      return { close: `))${REF}A${id}${END})`, flags };
    }
    const spec = /^([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest);
    if (!spec) this.fail('Unknown inline modifier');
    for (const f of spec[1]) if (f in flags) flags[f as keyof Flags] = true;
    for (const f of spec[2] ?? '') if (f in flags) flags[f as keyof Flags] = false;
    this.i += spec[0].length;
    if (spec[3] === ')') {
      this.flags = flags;
      return null;
    }
    this.out += '(?:';
    return { close: ')', flags };
  }

  private quantifier(atomStart: number): void {
    let q = this.p[this.i];
    if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.i));
      if (!m) this.fail('Illegal repetition');
      q = m[0];
    }
    this.i += q.length;
    if (this.peek() === '?') {
      q += '?';
      this.i += 1;
    } else if (this.peek() === '+') {
      // Possessive: match greedily once, never give back (an atomic group around X+).
      this.i += 1;
      this.auxGroups += 1;
      const id = this.auxGroups;
      const atom = this.out.slice(atomStart);
      this.out = `${this.out.slice(0, atomStart)}(?:(?=(${OPEN}A${id}${END}${atom}${q}))${REF}A${id}${END})`;
      return;
    }
    this.out += q;
  }

  private atom(): void {
    const c = this.p[this.i];
    const term = this.flags.d ? '\\n' : TERMINATORS;
    if (c === '.') {
      this.i += 1;
      this.out += this.flags.s ? '[\\s\\S]' : `[^${term}]`;
    } else if (c === '^') {
      this.i += 1;
      this.out += this.flags.m ? `(?:(?<![\\s\\S])|(?<=[${this.flags.d ? '\\n' : '\\n\\u0085\\u2028\\u2029'}]${this.flags.d ? '' : '|\\r(?!\\n)'})(?=[\\s\\S]))` : '(?<![\\s\\S])';
    } else if (c === '$') {
      this.i += 1;
      this.out += this.flags.m ? `(?=[${term}]|(?![\\s\\S]))` : this.endBeforeTerminator();
    } else if (c === '[') {
      this.i += 1;
      this.out += this.characterClass();
    } else if (c === '\\') {
      this.i += 1;
      this.out += this.escape();
    } else {
      const cp = this.p.codePointAt(this.i)!;
      this.i += String.fromCodePoint(cp).length;
      this.out += literal(cp, this.flags, false);
    }
  }

  private endBeforeTerminator(): string {
    return this.flags.d ? '(?=\\n?(?![\\s\\S]))' : `(?=(?:\\r\\n|[${TERMINATORS}])?(?![\\s\\S]))`;
  }

  /** After a backslash outside a class. */
  private escape(): string {
    const c = this.peek();
    if (c === '') this.fail('Unexpected internal error');
    this.i += 1;
    switch (c) {
      case 'A':
        return '(?<![\\s\\S])';
      case 'z':
        return '(?![\\s\\S])';
      case 'Z':
        return this.endBeforeTerminator();
      case 'b':
      case 'B':
        return `\\${c}`;
      case 'R':
        return `(?:\\r\\n|[${VSPACE}])`;
      case 'G':
      case 'X':
        return this.fail(`\\${c} is not supported by the local runtime`);
      case 'k': {
        const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.p.slice(this.i));
        if (!m || !Object.hasOwn(this.names, m[1])) this.fail('named capturing group is missing trailing \'>\' or is not defined');
        this.i += m[0].length;
        return `(?:${REF}J${this.names[m[1]]}${END})`;
      }
      default:
        if (/[1-9]/.test(c)) {
          // Java takes further digits while they still name an existing group.
          let n = Number(c);
          while (/[0-9]/.test(this.peek()) && n * 10 + Number(this.peek()) <= this.javaGroups) {
            n = n * 10 + Number(this.peek());
            this.i += 1;
          }
          return `(?:${REF}J${n}${END})`;
        }
        this.i -= 1;
        const part = this.classEscape(false);
        return part.expr ?? `[${part.simple}]`;
    }
  }

  /**
   * Escapes valid both inside and outside a class, at the letter after the backslash.
   * Returns class content (`simple`) or a whole single-character expression (`expr`).
   */
  private classEscape(inClass: boolean): ClassPart {
    const start = this.i;
    const c = this.p[this.i];
    this.i += 1;
    const one = (cp: number): ClassPart => (inClass ? { simple: literal(cp, this.flags, true) } : { expr: literal(cp, this.flags, false) });
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return { simple: `\\${c}` };
      case 's':
        return { simple: SPACE };
      case 'S':
        return { expr: `[^${SPACE}]` };
      case 'h':
        return { simple: HSPACE };
      case 'H':
        return { expr: `[^${HSPACE}]` };
      case 'v':
        return { simple: VSPACE };
      case 'V':
        return { expr: `[^${VSPACE}]` };
      case 't':
        return one(9);
      case 'n':
        return one(10);
      case 'r':
        return one(13);
      case 'f':
        return one(12);
      case 'a':
        return one(7);
      case 'e':
        return one(27);
      case '0': {
        const m = /^[0-3]?[0-7]{1,2}|^[0-7]/.exec(this.p.slice(this.i));
        if (!m) this.fail('Illegal octal escape sequence');
        this.i += m[0].length;
        return one(parseInt(m[0], 8));
      }
      case 'x': {
        const m = /^(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]+)\})/.exec(this.p.slice(this.i));
        if (!m) this.fail('Illegal hexadecimal escape sequence');
        this.i += m[0].length;
        return one(parseInt(m[1] ?? m[2], 16));
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.p.slice(this.i));
        if (!m) this.fail('Illegal Unicode escape sequence');
        this.i += 4;
        return one(parseInt(m[0], 16));
      }
      case 'c': {
        const ch = this.p.charCodeAt(this.i);
        if (Number.isNaN(ch)) this.fail('Illegal control escape sequence');
        this.i += 1;
        return one(ch ^ 64);
      }
      case 'p':
      case 'P':
        return this.property(c === 'P');
      default: {
        this.i = start;
        const cp = this.p.codePointAt(this.i)!;
        if (/[A-Za-z0-9]/.test(String.fromCodePoint(cp))) this.fail('Illegal/unsupported escape sequence');
        this.i += String.fromCodePoint(cp).length;
        return one(cp);
      }
    }
  }

  /** \p{Name} / \pL after the p. */
  private property(negated: boolean): ClassPart {
    let name: string;
    if (this.peek() === '{') {
      const end = this.p.indexOf('}', this.i);
      if (end < 0) this.fail('Unclosed character family');
      name = this.p.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      name = this.peek();
      this.i += 1;
    }
    let js: string | undefined;
    if (Object.hasOwn(PROPERTIES, name)) {
      js = PROPERTIES[name];
    } else if (/^Is/.test(name)) {
      const bare = name.slice(2);
      js = /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Cs|Co|Cn)$/.test(bare)
        ? `\\p{${bare}}`
        : /^(Alphabetic|Ideographic|Letter|Lowercase|Uppercase|Titlecase|Punctuation|Control|White_Space|WhiteSpace|Digit|Hex_Digit|HexDigit|Join_Control|JoinControl|Noncharacter_Code_Point|NoncharacterCodePoint|Assigned)$/i.test(bare)
          ? `\\p{${BINARY[bare.toLowerCase()] ?? bare}}`
          : `\\p{Script=${bare}}`;
    } else if (/^(?:general_category|gc)=(.+)$/.test(name)) {
      js = `\\p{General_Category=${name.split('=')[1]}}`;
    } else if (/^(?:script|sc)=(.+)$/.test(name)) {
      js = `\\p{Script=${name.split('=')[1]}}`;
    } else if (/^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Cs|Co|Cn|LC|LD)$/.test(name)) {
      js = name === 'LD' ? '\\p{L}\\p{Nd}' : name === 'LC' ? '\\p{Lu}\\p{Ll}\\p{Lt}' : `\\p{${name}}`;
    }
    if (js === undefined) this.fail(`Unknown character property name {${name}}`);
    if (this.flags.i && (name === 'Lower' || name === 'Upper')) js = 'a-zA-Z';
    return negated ? { expr: `[^${js}]` } : { simple: js };
  }

  /** After '[': a Java class with unions, nested classes and && intersections. */
  private characterClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.i += 1;
    const operands: { text: string; plain: boolean }[] = [];
    let simple: string[] = [];
    let complex: string[] = [];
    const union = () => {
      const parts = [...(simple.length > 0 ? [`[${simple.join('')}]`] : []), ...complex];
      const plain = complex.length === 0 && simple.length > 0;
      simple = [];
      complex = [];
      if (parts.length === 0) return { text: '[]', plain: false };
      return { text: parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`, plain };
    };
    let first = true;
    for (;;) {
      if (this.i >= this.p.length) this.fail('Unclosed character class');
      const c = this.p[this.i];
      if (this.flags.x && /\s/.test(c)) {
        this.i += 1;
        continue;
      }
      if (c === ']' && !first) {
        this.i += 1;
        break;
      }
      first = false;
      if (c === '[') {
        this.i += 1;
        complex.push(this.characterClass());
        continue;
      }
      if (c === '&' && this.peek(1) === '&') {
        this.i += 2;
        operands.push(union());
        continue;
      }
      const low = this.classAtom();
      if (low.cp === undefined) {
        if (low.expr !== undefined) complex.push(low.expr);
        else simple.push(low.simple!);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '[' && this.peek(1) !== '') {
        this.i += 1;
        const high = this.classAtom();
        if (high.cp === undefined || high.cp < low.cp) this.fail('Illegal character range');
        simple.push(this.range(low.cp, high.cp));
      } else {
        simple.push(literal(low.cp, this.flags, true));
      }
    }
    operands.push(union());
    if (operands.length === 1 && operands[0].plain) return negated ? `[^${operands[0].text.slice(1)}` : operands[0].text;
    // Single-character classes: A && B is "B where A also matches" (Java 9+ negates the whole).
    const body = operands.map((o) => o.text).reduce((left, right) => `(?:(?=${left})${right})`);
    return negated ? `(?:(?!${body})[\\s\\S])` : body;
  }

  private range(low: number, high: number): string {
    let text = `${esc(low)}-${esc(high)}`;
    if (this.flags.i && high - low < 512) {
      const extra = new Set<number>();
      for (let cp = low; cp <= high; cp += 1) for (const v of caseVariants(cp, this.flags)) if (v < low || v > high) extra.add(v);
      text += [...extra].map(esc).join('');
    }
    return text;
  }

  /** One item inside a class: a code point, or an escape that stands for several. */
  private classAtom(): { cp?: number; simple?: string; expr?: string } {
    if (this.p[this.i] === '\\') {
      if (this.peek(1) === 'Q') {
        this.i += 2;
        const end = this.p.indexOf('\\E', this.i);
        const text = end < 0 ? this.p.slice(this.i) : this.p.slice(this.i, end);
        this.i = end < 0 ? this.p.length : end + 2;
        return { simple: [...text].map((ch) => literal(ch.codePointAt(0)!, this.flags, true)).join('') };
      }
      this.i += 1;
      const before = this.i;
      const part = this.classEscape(true);
      const single = this.p.slice(before, this.i);
      // A plain escaped character keeps its code point so that it can start a range.
      if (part.simple !== undefined && !/^[dDwWsShHvVpP]/.test(single)) {
        const cp = decodeSingle(single);
        if (cp !== undefined) return { cp };
      }
      return part;
    }
    const cp = this.p.codePointAt(this.i)!;
    this.i += String.fromCodePoint(cp).length;
    return { cp };
  }

  /** Replaces group markers with JavaScript group numbers, in order of opening. */
  private resolve(): JavaRegex {
    const jsOf = new Map<string, number>();
    let n = 0;
    for (const m of this.out.matchAll(new RegExp(`${OPEN}([JA]\\d+)${END}`, 'g'))) jsOf.set(m[1], (n += 1));
    const source = this.out
      .replace(new RegExp(`${OPEN}[JA]\\d+${END}`, 'g'), '')
      .replace(new RegExp(`${REF}([JA]\\d+)${END}`, 'g'), (_, id: string) => {
        if (!jsOf.has(id)) throw new JavaPatternError(`No group ${id.slice(1)}`, this.p, this.p.length);
        return `\\${jsOf.get(id)}`;
      });
    const jsGroup = [0];
    for (let g = 1; g <= this.javaGroups; g += 1) jsGroup.push(jsOf.get(`J${g}`)!);
    return { source, jsGroup, names: { ...this.names } };
  }
}

const BINARY: Record<string, string> = {
  whitespace: 'White_Space',
  white_space: 'White_Space',
  hexdigit: 'Hex_Digit',
  hex_digit: 'Hex_Digit',
  joincontrol: 'Join_Control',
  join_control: 'Join_Control',
  noncharactercodepoint: 'Noncharacter_Code_Point',
  noncharacter_code_point: 'Noncharacter_Code_Point',
  letter: 'L',
  digit: 'Nd',
  punctuation: 'P',
  control: 'Cc',
  alphabetic: 'Alphabetic',
  ideographic: 'Ideographic',
  lowercase: 'Lowercase',
  uppercase: 'Uppercase',
  titlecase: 'Lt',
  assigned: 'Assigned',
};

/** The code point of a one-character escape such as `-`, `t`, `x41`, `u0041`. */
function decodeSingle(escape: string): number | undefined {
  const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
  if (Object.hasOwn(simple, escape)) return simple[escape];
  if (/^x[0-9a-fA-F]{2}$/.test(escape)) return parseInt(escape.slice(1), 16);
  if (/^x\{[0-9a-fA-F]+\}$/.test(escape)) return parseInt(escape.slice(2, -1), 16);
  if (/^u[0-9a-fA-F]{4}$/.test(escape)) return parseInt(escape.slice(1), 16);
  if (/^0[0-7]+$/.test(escape)) return parseInt(escape.slice(1), 8);
  if (/^c.$/.test(escape)) return escape.charCodeAt(1) ^ 64;
  const cp = escape.codePointAt(0);
  return cp !== undefined && String.fromCodePoint(cp).length === escape.length && !/[A-Za-z0-9]/.test(escape) ? cp : undefined;
}

const FLAG_BITS: Record<string, keyof Flags> = { i: 'i', d: 'd', m: 'm', s: 's', u: 'u', x: 'x' };
const cache = new Map<string, { regex: JavaRegex; compiled: RegExp }>();
const CACHE_SIZE = 200;

/** Translates a Java pattern; `flags` are Pattern flags as letters (e.g. 'i' for CASE_INSENSITIVE). */
export function translateJavaPattern(pattern: string, flags = ''): JavaRegex {
  const initial: Flags = { i: false, d: false, m: false, s: false, u: false, x: false };
  for (const f of flags) if (FLAG_BITS[f]) initial[FLAG_BITS[f]] = true;
  return new Translator(String(pattern), initial).translate();
}

/** The compiled JavaScript RegExp (flags u, plus `jsFlags`) for a Java pattern, cached. */
export function compileJavaPattern(pattern: string, jsFlags = ''): { regex: JavaRegex; compiled: RegExp } {
  const key = `${jsFlags}\u0000${pattern}`;
  let hit = cache.get(key);
  if (!hit) {
    const regex = translateJavaPattern(pattern);
    let compiled: RegExp;
    try {
      compiled = new RegExp(regex.source, `u${jsFlags}`);
    } catch (error) {
      throw new JavaPatternError((error as Error).message, String(pattern), 0);
    }
    hit = { regex, compiled };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, hit);
  }
  return hit;
}

/** Pattern.matches(pattern, value): the whole value must match. */
export function javaMatches(pattern: string, value: string): boolean {
  // The anchored form is cached under a key no Java pattern can produce ("\u0001" flags).
  const key = `\u0001\u0000${pattern}`;
  let anchored = cache.get(key);
  if (!anchored) {
    const { regex } = compileJavaPattern(pattern);
    anchored = { regex, compiled: new RegExp(`^(?:${regex.source})$`, 'u') };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, anchored);
  }
  return anchored.compiled.test(String(value));
}
