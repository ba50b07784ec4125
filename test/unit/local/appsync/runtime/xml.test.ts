// util.xml with the examples of "XML helpers in util.xml"
// (https://docs.aws.amazon.com/appsync/latest/devguide/xml-helpers-in-util-xml-js.html).
import { describe, expect, it } from 'vitest';
import { util } from '../../../../../local/appsync/runtime/util';

const one = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
    <id>1</id>
    <title>Getting started with GraphQL</title>
</post>
</posts>`;

const two = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
  <id>1</id>
  <title>Getting started with GraphQL</title>
</post>
<post>
  <id>2</id>
  <title>Getting started with AppSync</title>
</post>
</posts>`;

describe('util.xml.toMap', () => {
  it('Example 1: nested elements become maps and numbers numbers', () => {
    expect(util.xml.toMap(one)).toEqual({ posts: { post: { id: 1, title: 'Getting started with GraphQL' } } });
  });

  it('Example 2: a repeated element becomes a list', () => {
    expect(util.xml.toMap(two)).toEqual({
      posts: {
        post: [
          { id: 1, title: 'Getting started with GraphQL' },
          { id: 2, title: 'Getting started with AppSync' },
        ],
      },
    });
  });

  it('reads attributes, entities, CDATA and empty elements', () => {
    expect(util.xml.toMap('<a id="7" ok="true">x &amp; y<![CDATA[<z>]]><b/></a>')).toEqual({ a: { id: 7, ok: true, b: '', content: ['x & y', '<z>'] } });
  });

  it('refuses malformed XML', () => {
    expect(() => util.xml.toMap('<a><b></a>')).toThrow(/util.xml/);
  });
});

describe('util.xml.toJsonString', () => {
  it('is toMap as a JSON string, string-encoded on request', () => {
    expect(JSON.parse(util.xml.toJsonString(one))).toEqual({ posts: { post: { id: 1, title: 'Getting started with GraphQL' } } });
    const encoded = util.xml.toJsonString('<a>1</a>', true);
    expect(encoded).toBe('"{\\"a\\":1}"');
    expect(JSON.parse(JSON.parse(encoded))).toEqual({ a: 1 });
  });
});
