// What resolvers are handed: "AWS AppSync JavaScript resolver context object reference"
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html)
// and util.authType (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
import { describe, expect, it } from 'vitest';
import { endpoints, graphql, idToken } from './helpers';

const CONTEXT = 'query Ctx($tag: String) { context(tag: $tag) }';

describe('ctx in a resolver', () => {
  it('has arguments, info, variables, request headers and the API environment', async () => {
    const result = await graphql(CONTEXT, { tag: 't1' }, { 'x-api-key': endpoints().apiKey, 'x-custom': 'yes' });
    const ctx = JSON.parse(result.data.context);
    expect(ctx.arguments).toEqual({ tag: 't1' });
    expect(ctx.info).toEqual({ fieldName: 'context', parentTypeName: 'Query', variables: { tag: 't1' }, selectionSetList: [] });
    expect(ctx.headers['x-custom']).toBe('yes');
    expect(ctx.env).toEqual({ STAGE: 'conformance' });
  });

  it('has no identity for an API key caller, and says so in util.authType', async () => {
    const ctx = JSON.parse((await graphql(CONTEXT)).data.context);
    expect(ctx.identity).toBeNull();
    expect(ctx.authType).toBe('API Key Authorization');
  });

  it('has the user pool identity of a Cognito caller', async () => {
    const token = await idToken({ email: 'ctx@example.com', groups: ['admins'] });
    const ctx = JSON.parse((await graphql(CONTEXT, {}, { authorization: token })).data.context);
    expect(ctx.authType).toBe('User Pool Authorization');
    expect(ctx.identity).toMatchObject({
      issuer: endpoints().cognitoIssuer,
      groups: ['admins'],
      sourceIp: ['127.0.0.1'],
      defaultAuthStrategy: 'ALLOW',
      claims: expect.objectContaining({ email: 'ctx@example.com', token_use: 'id' }),
    });
    expect(ctx.identity.sub).toBe(ctx.identity.claims.sub);
    expect(ctx.identity.username).toBe(ctx.identity.claims['cognito:username']);
  });
});

describe('DynamoDB through the @aws-appsync/utils/dynamodb helpers', () => {
  it('puts, reads, updates with operations, lists through an index and deletes', async () => {
    const owner = `owner-${crypto.randomUUID()}`;
    for (const id of ['n1', 'n2', 'n3'].map((n) => `${owner}-${n}`)) {
      expect((await graphql('mutation ($id: ID!, $owner: ID!) { putNote(id: $id, owner: $owner, text: "hi") { id stars } }', { id, owner })).data.putNote).toEqual({ id, stars: 0 });
    }
    const again = await graphql('mutation ($id: ID!, $owner: ID!) { putNote(id: $id, owner: $owner, text: "other") { id } }', { id: `${owner}-n1`, owner });
    expect(again.errors![0].errorType).toBe('DynamoDB:ConditionalCheckFailedException');

    const updated = await graphql('mutation ($id: ID!) { updateNote(id: $id, text: "edited", addStars: 2) { text stars } }', { id: `${owner}-n1` });
    expect(updated.data.updateNote).toEqual({ text: 'edited', stars: 2 });

    const page1 = await graphql('query ($owner: ID!) { notesByOwner(owner: $owner, limit: 2) { items { id } nextToken } }', { owner });
    expect(page1.data.notesByOwner.items).toHaveLength(2);
    const page2 = await graphql('query ($owner: ID!, $next: String) { notesByOwner(owner: $owner, limit: 2, nextToken: $next) { items { id } nextToken } }', {
      owner,
      next: page1.data.notesByOwner.nextToken,
    });
    expect([...page1.data.notesByOwner.items, ...page2.data.notesByOwner.items].map((n: { id: string }) => n.id).sort()).toEqual(
      ['n1', 'n2', 'n3'].map((n) => `${owner}-${n}`),
    );

    const deleted = await graphql('mutation ($id: ID!) { deleteNote(id: $id) { id text } }', { id: `${owner}-n2` });
    expect(deleted.data.deleteNote).toEqual({ id: `${owner}-n2`, text: 'hi' });
    expect((await graphql('query ($id: ID!) { note(id: $id) { id } }', { id: `${owner}-n2` })).data.note).toBeNull();
  });
});
