// A data source as the executor sees it: a request object in, a result or an error out.
// Errors never throw: they become ctx.error, as in AppSync.

export type DataSourceError = { message: string; type: string };

export type DataSourceResult = { result: unknown; error?: DataSourceError };

/**
 * Which resolver step is calling, and for whom: a Lambda data source batches one field's
 * calls by it; a DynamoDB conditionalCheckFailedHandler Lambda is sent the rest.
 */
export type DataSourceCall = {
  field: string;
  maxBatchSize?: number;
  arguments?: unknown;
  identity?: unknown;
  resolver?: { parentType?: string; field?: string; outputType?: string };
};

export interface DataSource {
  readonly name: string;
  readonly type: string;
  invoke(request: unknown, call?: DataSourceCall): Promise<DataSourceResult>;
}
