import { createServer } from 'node:net';
import { LOOPBACK } from './httpServer';

/** A loopback port free right now, for child processes that cannot be told "port 0". */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
