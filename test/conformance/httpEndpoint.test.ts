// The HTTP side of the local API: POST and GET /graphql, AWS scalars, limits.
// https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html (depth, resolver count)
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { endpoints, graphql } from './helpers';

describe('GET /graphql', () => {
  it('answers an introspection query, for tools that only GET', async () => {
    const url = `${endpoints().graphqlUrl}?query=${encodeURIComponent(getIntrospectionQuery())}`;
    const response = await fetch(url, { headers: { 'x-api-key': endpoints().apiKey } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { __schema: { types: { name: string }[] } } };
    expect(body.data.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Message', 'AWSDateTime', 'AWSJSON']));
  });

  it('refuses a mutation over GET and asks for credentials like POST', async () => {
    const mutation = encodeURIComponent('mutation { closeRoom(room: "x") }');
    const refused = await fetch(`${endpoints().graphqlUrl}?query=${mutation}`, { headers: { 'x-api-key': endpoints().apiKey } });
    expect(((await refused.json()) as { errors: { errorType: string }[] }).errors[0].errorType).toBe('BadRequestException');
    const anonymous = await fetch(`${endpoints().graphqlUrl}?query=${encodeURIComponent('{ books(count: 1) { id } }')}`);
    expect(anonymous.status).toBe(401);
  });
});

describe('limits from the template', () => {
  it('refuses an operation deeper than QueryDepthLimit (4 here) before running it', async () => {
    const four = await graphql('{ nested { child { child { value } } } }');
    expect(four).toMatchObject({ data: { nested: { child: { child: { value: 3 } } } } });
    const five = await graphql('{ nested { child { child { child { value } } } } }');
    expect(five.data ?? null).toBeNull();
    expect(five.errors![0].message).toContain('exceeds the API\'s limit of 4');
    // Fragments count where they are spread.
    const viaFragment = await graphql('{ nested { ...Deep } } fragment Deep on Level { child { child { child { value } } } }');
    expect(viaFragment.errors![0].message).toContain('Query depth 5');
  });

  it('fails resolvers past ResolverCountLimit (12 here) and keeps the rest', async () => {
    // books (1) + author for 10 books (10) = 11 resolvers: allowed.
    expect((await graphql('{ books(count: 10) { author { id } } }')).errors).toBeUndefined();
    // One more field with a resolver makes 12 ... and two more make 13.
    const over = await graphql('{ a: context b: context books(count: 10) { author { id } } }');
    expect(over.errors?.map((e) => e.errorType)).toEqual(['ResolverCountLimitExceeded']);
  });
});
