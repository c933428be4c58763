// A subgraph endpoint that accepts connections and reads requests but, while `answering` is false, never
// responds: what the gateway sees of a hung service. Switched to answering, it returns `value` for every
// root field. It counts the requests it received, so a test can tell a call that reached it from one
// the gateway refused on its own. (The integration test freezes a real subgraph process with SIGSTOP.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const stallingSubgraphSdl = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

type Query {
  stalled: String
}

type Mutation {
  stall: String
}
`;

export interface StallingSubgraph {
  url: string;
  answering: boolean;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startStallingSubgraph(value = 'jawaban'): Promise<StallingSubgraph> {
  const state = { answering: false, requests: 0 };
  const held = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests += 1;
    req.resume();
    if (!state.answering) {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { stalled: value, stall: value } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get answering() {
      return state.answering;
    },
    set answering(value: boolean) {
      state.answering = value;
    },
    get requests() {
      return state.requests;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
