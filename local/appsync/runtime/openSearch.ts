// util.transform.toElasticsearchQueryDSL: a filter map turned into an OpenSearch bool query.
// Keys are ANDed (bool.must); several operators on one field are ANDed too; `or` becomes
// bool.should and `not` bool.must_not. The page's one example fixes the shape of eq, ne,
// range and wildcard; the other clauses use OpenSearch's own query names.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
type Query = Record<string, unknown>;

const SIMPLE: Record<string, string> = {
  eq: 'term',
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  wildcard: 'wildcard',
  regexp: 'regexp',
};

const COMPARISONS = new Set(['gt', 'gte', 'lt', 'lte']);

const all = (clauses: Query[]): Query => (clauses.length === 1 ? clauses[0] : { bool: { must: clauses } });

function operatorClause(field: string, operator: string, value: unknown): Query {
  if (Object.hasOwn(SIMPLE, operator)) return { [SIMPLE[operator]]: { [field]: value } };
  if (operator === 'ne') return { bool: { must_not: { term: { [field]: value } } } };
  if (COMPARISONS.has(operator)) return { range: { [field]: { [operator]: value } } };
  if (operator === 'range') {
    const [low, high] = value as [unknown, unknown];
    return { range: { [field]: { gte: low, lte: high } } };
  }
  if (operator === 'multiMatch') return { multi_match: { query: value, fields: [field] } };
  if (operator === 'exists') return value ? { exists: { field } } : { bool: { must_not: { exists: { field } } } };
  throw new Error(`toElasticsearchQueryDSL: unknown operator ${operator} on ${field}`);
}

export function queryDsl(filter: Record<string, unknown>): Query {
  const clauses: Query[] = [];
  for (const [key, operand] of Object.entries(filter ?? {})) {
    if (operand === null || operand === undefined) continue;
    if (key === 'and' || key === 'or') {
      const items = (Array.isArray(operand) ? operand : [operand]) as Record<string, unknown>[];
      clauses.push({ bool: { [key === 'and' ? 'must' : 'should']: items.map(queryDsl) } });
    } else if (key === 'not') {
      clauses.push({ bool: { must_not: queryDsl(operand as Record<string, unknown>) } });
    } else {
      const ops = Object.entries(operand as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== null);
      if (ops.length > 0) clauses.push(all(ops.map(([operator, value]) => operatorClause(key, operator, value))));
    }
  }
  if (clauses.length === 0) return { match_all: {} };
  return clauses.length === 1 ? clauses[0] : { bool: { must: clauses } };
}

/** util.transform.toElasticsearchQueryDSL: the query as a JSON string. */
export function toElasticsearchQueryDSL(filter: Record<string, unknown>): string {
  return JSON.stringify(queryDsl(filter));
}
