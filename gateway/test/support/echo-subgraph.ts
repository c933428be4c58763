// A tiny federated subgraph for gateway tests while no real one is wired in: it verifies the token
// itself (as every subgraph must), echoes what the gateway forwarded, and can fail on purpose.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { anonymousViewer, CLIENT_IP_HEADER, isAnonymousOperation } from '@kinerja/kit/anonymous';
import { createTokenVerifier, type Viewer } from '@kinerja/kit/auth';
import { forbidden } from '@kinerja/kit/errors';
import express from 'express';
import { parse } from 'graphql';

export const echoSubgraphSdl = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

type Query {
  whoami: Whoami!
  "Allowed without a token (the gateway test passes anonymousRootFields: publicEcho)."
  publicEcho: PublicEcho!
  node: Node
  failsWithSql: String
  failsForbidden: String
}

type Whoami {
  username: String!
  regionCode: String
  roles: [String!]!
  forwardedRequestId: String
}

type PublicEcho {
  username: String!
  clientIp: String
}

type Node @key(fields: "id") {
  id: ID!
  name: String!
  child: Node
}
`;

interface EchoContext {
  viewer: Viewer;
  requestId: string | undefined;
  clientIp: string | undefined;
}

/** The echo subgraph's own copy of the anonymous allow-list, as a real subgraph keeps one. */
export const echoAnonymousFields: ReadonlySet<string> = new Set(['publicEcho']);

const resolvers = {
  Query: {
    whoami: (_: unknown, __: unknown, context: EchoContext) => ({
      username: context.viewer.username,
      regionCode: context.viewer.regionCode,
      roles: [...context.viewer.roles],
      forwardedRequestId: context.requestId ?? null,
    }),
    publicEcho: (_: unknown, __: unknown, context: EchoContext) => ({ username: context.viewer.username, clientIp: context.clientIp ?? null }),
    node: () => ({ id: '1', name: 'akar' }),
    failsWithSql: () => {
      throw new Error('relation "employee" does not exist: SELECT * FROM employee WHERE nip = $1');
    },
    failsForbidden: () => {
      throw forbidden('Wilayah 36 di luar cakupan Anda', 'region_out_of_scope');
    },
  },
  Node: {
    child: (parent: { id: string }) => ({ id: `${parent.id}.1`, name: 'anak' }),
  },
};

export interface EchoSubgraph {
  url: string;
  healthy: boolean;
  /** TCP connections accepted so far (keep-alive means few). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startEchoSubgraph(auth: {
  issuer: string;
  jwksUrl: string;
  audience: string;
}): Promise<EchoSubgraph> {
  const verify = createTokenVerifier(auth);
  const apollo = new ApolloServer<EchoContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(echoSubgraphSdl),
      resolvers: resolvers as unknown as GraphQLResolverMap<unknown>,
    }),
  });
  await apollo.start();
  const state = { healthy: true };
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.status(state.healthy ? 200 : 503).json({ status: state.healthy ? 'ok' : 'down' });
  });
  app.use(
    '/graphql',
    express.json(),
    async (req, res, next) => {
      try {
        res.locals['viewer'] = !req.headers.authorization && isAnonymousOperation(req.body, echoAnonymousFields) ? anonymousViewer : await verify(req.headers.authorization);
        next();
      } catch (error) {
        const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
        res.status(401).json({ errors: [{ message, extensions }] });
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        viewer: res.locals['viewer'] as Viewer,
        requestId: req.headers['x-request-id'] as string | undefined,
        clientIp: req.headers[CLIENT_IP_HEADER] as string | undefined,
      }),
    }),
  );
  const server: Server = createServer(app);
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get connections() {
      return connections;
    },
    get healthy() {
      return state.healthy;
    },
    set healthy(value: boolean) {
      state.healthy = value;
    },
    async close() {
      await apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
