import { createConnection, createServer } from 'node:net';
import { SetupError } from './errors.ts';

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/**
 * Fails with one clear line when a port the launcher wants is taken by a program that is not the
 * server we would reuse (the caller has already checked that it does not answer like one).
 */
export async function assertPortFree(port: number, purpose: string, hint: string): Promise<void> {
  if (await isPortOpen(port)) {
    throw new SetupError(`port ${port} is already in use by another program, so ${purpose} cannot start there; ${hint}`);
  }
}

/** "localhost:9092" → { host: 'localhost', port: 9092 }. */
export function parseHostPort(address: string): { host: string; port: number } {
  const match = /^(.+):(\d+)$/.exec(address.trim());
  if (!match || match[1] === undefined || match[2] === undefined) {
    throw new SetupError(`"${address}" is not a host:port address`);
  }
  return { host: match[1], port: Number(match[2]) };
}

/**
 * A port nothing listens on right now, chosen by the kernel. Tests that start private servers use it
 * instead of fixed numbers, so a run never collides with a leftover or a parallel suite.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('the kernel gave no free port');
  return address.port;
}
