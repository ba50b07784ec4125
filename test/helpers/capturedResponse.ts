// What a handler writes to a ServerResponse (status, headers, body), without a server. Used by
// the query-protocol tests of SQS, SNS and SES; it belongs in test/helpers.
import type { ServerResponse } from 'node:http';

export type CapturedResponse = { status?: number; headers?: Record<string, unknown>; body?: string };

export async function captured(write: (res: ServerResponse) => void | Promise<void>): Promise<CapturedResponse> {
  const out: CapturedResponse = {};
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      out.status = status;
      out.headers = headers;
    },
    end(body: string) {
      out.body = body;
    },
  };
  await write(res as unknown as ServerResponse);
  return out;
}
