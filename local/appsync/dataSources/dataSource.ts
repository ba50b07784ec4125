// A data source as the executor sees it: a request object in, a result or an error out.
// Errors never throw: they become ctx.error, as in AppSync.

export type DataSourceError = { message: string; type: string };

export type DataSourceResult = { result: unknown; error?: DataSourceError };

export interface DataSource {
  readonly name: string;
  readonly type: string;
  invoke(request: unknown): Promise<DataSourceResult>;
}
