// The PUT against a throwaway HTTP server answering with the status each test needs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPermanent } from '../../../../functions/lib/errors';
import { UploadRefusedError } from '../../../../functions/requestIngestion/errors';
import { UploadFailedError, uploadCsv } from '../../../../functions/requestIngestion/uploadCsv';

let server: Server;
let base: string;
const received: { method?: string; headers: Record<string, unknown>; body: Buffer }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = Number(new URL(req.url!, 'http://x').searchParams.get('status') ?? 200);
      res.end(res.statusCode === 200 ? '' : '<Error><Code>Nope</Code></Error>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/imports/evt/job.csv`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('uploadCsv', () => {
  it('PUTs the bytes with the signed headers', async () => {
    const bytes = new TextEncoder().encode('email\nbob@example.com\n');
    await uploadCsv(`${base}?status=200`, { 'content-type': 'text/csv' }, bytes);
    const last = received.at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', headers: { 'content-type': 'text/csv' } });
    expect(new Uint8Array(last.body)).toEqual(bytes);
  });

  it('takes a 4xx as the bucket’s refusal (permanent)', async () => {
    await expect(uploadCsv(`${base}?status=403`, {}, new Uint8Array())).rejects.toThrow(UploadRefusedError);
  });

  it.each([500, 503, 429, 408])('retries HTTP %i', async (status) => {
    const failed = uploadCsv(`${base}?status=${status}`, {}, new Uint8Array());
    await expect(failed).rejects.toThrow(UploadFailedError);
    await expect(failed).rejects.toSatisfy((e) => !isPermanent(e));
  });
});
