// Test helper: an expression with its placeholders written out ("#a = :v" -> 'a = 1'), so tests
// state what an expression means (DynamoDB expression syntax) rather than which placeholder
// names the helper picked. Values print as JSON of their plain form.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html

type Typed = Record<string, unknown>;

function plain(value: Typed): unknown {
  const [type, inner] = Object.entries(value)[0];
  if (type === 'L') return (inner as Typed[]).map(plain);
  if (type === 'M') return Object.fromEntries(Object.entries(inner as Record<string, Typed>).map(([k, v]) => [k, plain(v)]));
  if (type === 'NULL') return null;
  if (type === 'SS' || type === 'NS' || type === 'BS') return { [type]: inner };
  return inner;
}

export function readable(e: { expression: string; expressionNames?: Record<string, string>; expressionValues?: Record<string, Typed> }): string {
  return e.expression.replace(/[#:][A-Za-z0-9_]+/g, (token) => {
    if (token.startsWith('#')) {
      if (!e.expressionNames || !(token in e.expressionNames)) throw new Error(`${token} has no expressionNames entry`);
      return e.expressionNames[token];
    }
    if (!e.expressionValues || !(token in e.expressionValues)) throw new Error(`${token} has no expressionValues entry`);
    return JSON.stringify(plain(e.expressionValues[token]));
  });
}

type Parts = Parameters<typeof readable>[0];

/**
 * The actions of an update expression by clause (SET, ADD, REMOVE, DELETE), written out and
 * sorted, so the order of actions within a clause does not matter.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
 */
export function updateClauses(e: Parts): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const parts = e.expression.split(/\b(SET|ADD|REMOVE|DELETE)\b/).filter((p) => p.trim().length > 0);
  for (let i = 0; i < parts.length; i += 2) {
    out[parts[i]] = parts[i + 1]
      .split(/,(?![^(]*\))/)
      .map((action) => readable({ ...e, expression: action.trim() }))
      .sort();
  }
  return out;
}
