// CloudFormation intrinsic functions, resolved to local values.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

export interface IntrinsicResolver {
  /** Value of `Ref` for a resource, parameter or pseudo parameter. */
  ref(name: string): unknown;
  /** Value of `Fn::GetAtt`. */
  getAtt(logicalId: string, attribute: string): unknown;
  /** Whether a template condition holds. */
  condition(name: string): boolean;
}

/** Marks a property that `Fn::If` / `AWS::NoValue` removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

export function resolveIntrinsics(value: unknown, r: IntrinsicResolver): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolveIntrinsics(item, r)).filter((item) => item !== NO_VALUE);
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [fn, arg] = entries[0];
    switch (fn) {
      case 'Ref':
        return arg === 'AWS::NoValue' ? NO_VALUE : r.ref(String(arg));
      case 'Fn::GetAtt': {
        const [id, attribute] = Array.isArray(arg) ? arg : String(arg).split(/\.(.*)/s);
        return r.getAtt(String(id), String(resolveIntrinsics(attribute, r)));
      }
      case 'Fn::Join': {
        const [sep, parts] = arg as [string, unknown[]];
        const list = resolveIntrinsics(parts, r) as unknown[];
        return list.map(String).join(sep);
      }
      case 'Fn::Sub':
        return substitute(arg, r);
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = resolveIntrinsics(list, r) as unknown[];
        return items[Number(resolveIntrinsics(index, r))];
      }
      case 'Fn::Split': {
        const [sep, source] = arg as [string, unknown];
        return String(resolveIntrinsics(source, r)).split(sep);
      }
      case 'Fn::If': {
        const [name, whenTrue, whenFalse] = arg as [string, unknown, unknown];
        return resolveIntrinsics(r.condition(name) ? whenTrue : whenFalse, r);
      }
      case 'Fn::Base64':
        return Buffer.from(String(resolveIntrinsics(arg, r))).toString('base64');
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((zone) => `${r.ref('AWS::Region')}${zone}`);
      case 'Fn::ImportValue':
        throw new Error(`Fn::ImportValue (${JSON.stringify(arg)}) needs another stack; the local runtime plays one stack.`);
      default:
        break;
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const resolved = resolveIntrinsics(item, r);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

function substitute(arg: unknown, r: IntrinsicResolver): string {
  const [text, variables] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
  const vars = resolveIntrinsics(variables, r) as Record<string, unknown>;
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`; // ${!Literal} stays literal
    if (Object.hasOwn(vars, name)) return String(vars[name]);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) return String(r.getAtt(name.slice(0, dot), name.slice(dot + 1)));
    return String(r.ref(name));
  });
}

/** Evaluates a condition expression from the template's Conditions section. */
export function evaluateCondition(expression: unknown, r: IntrinsicResolver): boolean {
  if (expression && typeof expression === 'object' && !Array.isArray(expression)) {
    const [fn, arg] = Object.entries(expression as Record<string, unknown>)[0] ?? [];
    const list = arg as unknown[];
    switch (fn) {
      case 'Fn::Equals':
        return String(resolveIntrinsics(list[0], r)) === String(resolveIntrinsics(list[1], r));
      case 'Fn::Not':
        return !evaluateCondition(list[0], r);
      case 'Fn::And':
        return list.every((item) => evaluateCondition(item, r));
      case 'Fn::Or':
        return list.some((item) => evaluateCondition(item, r));
      case 'Condition':
        return r.condition(String(arg));
      default:
        break;
    }
  }
  return Boolean(resolveIntrinsics(expression, r));
}
