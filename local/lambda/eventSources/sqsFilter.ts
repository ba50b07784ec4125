// FilterCriteria for SQS records. The pattern syntax and matching are Lambda's event filtering,
// shared with the DynamoDB Streams source (eventFilter.ts). SQS adds one rule: the
// body is matched as JSON when the pattern's `body` is an object, as a plain string when it is
// a list of conditions, and a message whose body is not in the pattern's format is dropped.
// Messages no filter matches are deleted from the queue by Lambda.
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html ("Properly filtering
// Amazon SQS messages": format table; "Lambda automatically removes the message from the queue")
import { matchesPattern, type FilterPattern } from './eventFilter';
import type { SqsRecord } from './sqsRecord';

/** Whether any filter keeps the record; no filters keep everything. */
export function sqsRecordMatches(filters: readonly FilterPattern[], record: SqsRecord): boolean {
  if (filters.length === 0) return true;
  let parsedBody: { json: boolean; value: unknown } | undefined;
  const body = () => (parsedBody ??= parseBody(record.body));
  return filters.some((pattern) => {
    const bodyRule = pattern.body;
    if (bodyRule === undefined) return matchesPattern(pattern, record);
    const { json, value } = body();
    const patternIsJson = typeof bodyRule === 'object' && bodyRule !== null && !Array.isArray(bodyRule);
    // Body and pattern in different formats: Lambda drops the message.
    if (patternIsJson !== json) return false;
    return matchesPattern(pattern, { ...record, body: json ? value : record.body });
  });
}

/** A body is "valid JSON" for filtering when it parses to an object. */
function parseBody(body: string): { json: boolean; value: unknown } {
  const start = body.trimStart()[0];
  if (start !== '{') return { json: false, value: body };
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { json: true, value } : { json: false, value: body };
  } catch {
    return { json: false, value: body };
  }
}
