// The conformance stack's Lambda: behaves by the `field` its event names (or, for a
// BatchInvoke, receives an array and answers one result per element, in order).
type Event = {
  field?: string;
  arguments?: Record<string, unknown>;
  authorId?: string;
  /** Direct Lambda resolvers send the whole context. */
  info?: { fieldName: string; parentTypeName: string };
  source?: { authorId?: string };
};

export async function handler(event: Event | Event[]) {
  if (Array.isArray(event)) {
    // Direct batch (Book.directAuthor): one context per book; author a3 fails alone.
    if (event[0]?.info) {
      return event.map((ctx) =>
        ctx.source?.authorId === 'a3'
          ? { data: null, errorMessage: 'author a3 is private', errorType: 'Forbidden' }
          : { data: { id: ctx.source?.authorId, name: `Direct ${ctx.source?.authorId}`, batchSize: event.length } },
      );
    }
    return event.map((item) => ({ id: item.authorId, name: `Author ${item.authorId}`, batchSize: event.length }));
  }
  if (event.info?.fieldName === 'direct') return JSON.stringify(event);
  switch (event.field) {
    case 'echo':
      console.log(`echo ${String(event.arguments?.message)}`);
      return {
        message: event.arguments?.message,
        event,
        environment: {
          TABLE_NAME: process.env.TABLE_NAME,
          AWS_REGION: process.env.AWS_REGION,
          AWS_LAMBDA_FUNCTION_NAME: process.env.AWS_LAMBDA_FUNCTION_NAME,
          AWS_ENDPOINT_URL_DYNAMODB: process.env.AWS_ENDPOINT_URL_DYNAMODB,
          GREETING: process.env.GREETING,
        },
      };
    case 'fail':
      throw new Error(String(event.arguments?.message));
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return 'too late';
    default:
      throw new Error(`Unknown field ${String(event.field)}`);
  }
}
