// NONE data source: no I/O; the request's `payload` becomes ctx.result.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html
import type { DataSource, DataSourceResult } from './dataSource';

export class NoneDataSource implements DataSource {
  readonly type = 'NONE';
  constructor(readonly name: string) {}

  async invoke(request: unknown): Promise<DataSourceResult> {
    const payload = request && typeof request === 'object' ? (request as { payload?: unknown }).payload : undefined;
    return { result: payload ?? null };
  }
}
