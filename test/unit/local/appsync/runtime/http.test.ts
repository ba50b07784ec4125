// util.http as "HTTP helpers in util.http" documents it
// (https://docs.aws.amazon.com/appsync/latest/devguide/http-helpers-in-utils-http-js.html).
import { describe, expect, it } from 'vitest';
import { createEvaluation, withEvaluation } from '../../../../../local/appsync/runtime/evaluation';
import { util } from '../../../../../local/appsync/runtime/util';

const inHandler = (body: () => void) => {
  const evaluation = createEvaluation('API Key Authorization');
  withEvaluation(evaluation, body);
  return evaluation;
};

describe('util.http.copyHeaders', () => {
  it('copies the headers without the restricted ones', () => {
    const restricted = ['transfer-encoding', 'connection', 'host', 'expect', 'keep-alive', 'upgrade', 'proxy-authenticate', 'proxy-authorization', 'te', 'content-length'];
    const headers = Object.fromEntries([...restricted, 'x-api-key', 'Authorization', 'Content-Type'].map((name) => [name, 'v']));
    expect(util.http.copyHeaders({ ...headers, Host: 'h' })).toEqual({ 'x-api-key': 'v', Authorization: 'v', 'Content-Type': 'v' });
  });
});

describe('util.http.addResponseHeader / addResponseHeaders', () => {
  it('adds the page examples to the response headers', () => {
    const evaluation = inHandler(() => {
      util.http.addResponseHeader('itemsCount', 7);
      util.http.addResponseHeader('render', 'fast');
      util.http.addResponseHeaders({ headerInt: 12, headerString: 'stringValue', headerObject: { field1: 7, field2: 'string' } });
    });
    expect(evaluation.responseHeaders).toEqual({
      itemsCount: '7',
      render: 'fast',
      headerInt: '12',
      headerString: 'stringValue',
      headerObject: '{"field1":7,"field2":"string"}',
    });
    expect(evaluation.appendedErrors).toEqual([]);
  });

  it('keeps the most recent definition of a header', () => {
    const evaluation = inHandler(() => {
      util.http.addResponseHeader('itemsCount', 7);
      util.http.addResponseHeader('ItemsCount', 8);
    });
    expect(evaluation.responseHeaders).toEqual({ ItemsCount: '8' });
  });

  it('ignores restricted names, x-amz(n)- prefixes, empty names and null values with a ResponseHeaderError', () => {
    const refused = ['Content-Type', 'vary', 'Access-Control-Allow-Origin', 'Access-Control-Max-Age', 'host', 'Content-Length', 'x-amzn-RequestId', 'X-Amz-Date', ''];
    const evaluation = inHandler(() => {
      for (const name of refused) util.http.addResponseHeader(name, 'v');
      util.http.addResponseHeader('nothing', null);
      util.http.addResponseHeader('ok', 'yes');
    });
    expect(evaluation.responseHeaders).toEqual({ ok: 'yes' });
    expect(evaluation.appendedErrors).toHaveLength(refused.length + 1);
    expect(new Set(evaluation.appendedErrors.map((e) => e.errorType))).toEqual(new Set(['ResponseHeaderError']));
  });

  it('caps custom headers at 4 KB, names and values included, redefinitions counted', () => {
    const evaluation = inHandler(() => {
      util.http.addResponseHeader('a', 'x'.repeat(2000));
      util.http.addResponseHeader('a', 'x'.repeat(2000)); // 4002 bytes so far
      util.http.addResponseHeader('b', 'x'.repeat(100));
    });
    expect(Object.keys(evaluation.responseHeaders ?? {})).toEqual(['a']);
    expect(evaluation.appendedErrors.map((e) => e.errorType)).toEqual(['ResponseHeaderError']);
  });

  it('counts every field of one request against the same limit when they share the headers', () => {
    const responseHeaders: Record<string, string> = {};
    const field = () => createEvaluation('API Key Authorization', { responseHeaders });
    withEvaluation(field(), () => util.http.addResponseHeader('a', 'x'.repeat(4000)));
    const second = field();
    withEvaluation(second, () => util.http.addResponseHeader('b', 'x'.repeat(200)));
    expect(Object.keys(responseHeaders)).toEqual(['a']);
    expect(second.appendedErrors).toHaveLength(1);
  });
});
