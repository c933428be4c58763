// A TCP proxy that can be cut: the services reach Keycloak only through it, so "Keycloak stopped" is a
// real refused connection for them, while the shared Keycloak other suites use keeps running.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { findFreePort } from '@kinerja/local-infra';

export interface TcpProxy {
  /** http://127.0.0.1:<port>, for a target reached over HTTP. */
  url: string;
  /** Closes every connection and stops listening: connections are refused from now on. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await findFreePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const created = createServer((client) => {
        const upstream = createConnection(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => {
        server = created;
        resolve();
      });
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
    async restore() {
      if (!server) await listen();
    },
  };
}
