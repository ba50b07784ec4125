// Lambda data sources, as "AWS AppSync JavaScript resolver function reference for Lambda"
// describes them: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
import { describe, expect, it } from 'vitest';
import { endpoints, graphql } from './helpers';

describe('Lambda data source: Invoke', () => {
  it('passes the request payload as the event and returns what the function returns', async () => {
    const result = await graphql('query { echo(message: "hi") { message event } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.echo.message).toBe('hi');
    // The event is the payload the request handler built, not the whole request object.
    expect(JSON.parse(result.data.echo.event)).toEqual({ field: 'echo', arguments: { message: 'hi' }, identity: null });
  });

  it('runs the bundle with the environment the template gives the function, pointed at local services', async () => {
    const result = await graphql('query { echo(message: "env") { environment } }');
    const env = JSON.parse(result.data.echo.environment);
    expect(env.GREETING).toBe('hello from the template');
    expect(env.TABLE_NAME).toMatch(/^AppSyncConformance-Notes/);
    expect(env.AWS_REGION).toBe('us-east-1');
    expect(env.AWS_LAMBDA_FUNCTION_NAME).toMatch(/^AppSyncConformance-Handler/);
    expect(env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('hands a function error to the response handler as ctx.error of type Lambda:Unhandled', async () => {
    const result = await graphql('query { fail(message: "boom") }');
    expect(result.data).toEqual({ fail: null });
    expect(result.errors![0]).toMatchObject({ errorType: 'Lambda:Unhandled', message: 'boom', path: ['fail'] });
  });

  it('ends an invocation that runs past the function timeout', async () => {
    const started = Date.now();
    const result = await graphql('query { slow }');
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(result.errors![0]).toMatchObject({ errorType: 'Lambda:Unhandled', message: 'Task timed out after 2.00 seconds' });
  });
});

describe('Lambda data source: BatchInvoke', () => {
  it('sends one array of payloads per batch, at most maxBatchSize long, and maps results back in order', async () => {
    const result = await graphql('query { books(count: 7) { id author { id name batchSize } } }');
    expect(result.errors).toBeUndefined();
    const books = result.data.books as { id: string; author: { id: string; name: string; batchSize: number } }[];
    expect(books.map((b) => b.author.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(books.map((b) => b.author.name)).toEqual(books.map((b) => `Author ${b.author.id}`));
    // maxBatchSize is 3 on this resolver: 7 items go as batches of 3, 3 and 1.
    expect(books.map((b) => b.author.batchSize)).toEqual([3, 3, 3, 3, 3, 3, 1]);
  });
});

describe('direct Lambda resolvers (no code)', () => {
  it('send the function the whole context and return its result', async () => {
    const result = await graphql('query ($m: String!) { direct(message: $m) }', { m: 'hello' });
    const event = JSON.parse(result.data.direct);
    expect(event.arguments).toEqual({ message: 'hello' });
    expect(event.identity).toBeNull();
    expect(event.source).toEqual({});
    expect(event.info).toMatchObject({ fieldName: 'direct', parentTypeName: 'Query', variables: { m: 'hello' } });
    expect(event.request.headers['x-api-key']).toBe(endpoints().apiKey);
    expect(event.stash).toEqual({});
  });

  it('batch with maxBatchSize and fail only the items the function marks with errorMessage', async () => {
    const result = await graphql('{ books(count: 5) { id directAuthor { id name batchSize } } }');
    const authors = result.data.books.map((b: { directAuthor: unknown }) => b.directAuthor);
    expect(authors[0]).toEqual({ id: 'a0', name: 'Direct a0', batchSize: 5 });
    expect(authors[3]).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'Forbidden', message: 'author a3 is private', path: ['books', 3, 'directAuthor'] })]);
  });
});
