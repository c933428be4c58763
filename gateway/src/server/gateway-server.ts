// Wires the gateway: express 5 in front (request ids, health, metrics, CORS, token check) and Apollo
// Server 5 with ApolloGateway behind it, loading the supergraph composed at build time.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { createTokenVerifier, type TokenVerifier } from '@kinerja/kit/auth';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { requireBearerToken, type AuthenticatedLocals } from '../auth/bearer.ts';
import type { GatewayConfig } from '../config.ts';
import { maskError } from '../errors/masking.ts';
import { queryLimitOptions, type QueryLimits } from '../limits/armor.ts';
import { createLogger, requestLogging } from '../observability/logger.ts';
import { createGatewayMetrics, type GatewayMetrics } from '../observability/metrics.ts';
import { observabilityPlugin } from '../observability/plugin.ts';
import {
  AuthForwardingDataSource,
  createSubgraphAgents,
  createSubgraphFetcher,
} from '../subgraphs/data-source.ts';
import { checkSubgraphs } from '../subgraphs/readiness.ts';
import { resolveRoutingUrl } from '../supergraph/routing.ts';
import type { GatewayContext } from './context.ts';

export interface GatewayOptions {
  /** Supergraph SDL; read from config.supergraphPath when absent. */
  supergraphSdl?: string;
  verifyToken?: TokenVerifier;
  logger?: Logger;
  limits?: QueryLimits;
  /** Browser origins allowed to call the gateway (the web app). */
  corsOrigins?: string[];
}

export interface RunningGateway {
  url: string;
  port: number;
  metrics: GatewayMetrics;
  /** Subgraph name -> routing URL actually used (after SUBGRAPH_<NAME>_URL overrides). */
  subgraphs: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `gateway: cannot read the supergraph at ${path} (${(error as Error).message}); run \`npm run build -w @kinerja/gateway\``,
      { cause: error },
    );
  }
}

export async function startGateway(
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createGatewayMetrics();
  const agents = createSubgraphAgents();
  const subgraphs = new Map<string, string>();
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({
      issuer: config.authIssuer,
      jwksUrl: config.jwksUrl,
      audience: config.authAudience,
    });

  // Query plans are cached by ApolloGateway itself (an in-memory LRU keyed by operation), and Apollo
  // Server caches parsed and validated documents, so a repeated operation is neither re-planned nor re-validated.
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(config.supergraphPath),
    logger,
    buildService({ name, url }) {
      const routingUrl = resolveRoutingUrl(name, url, config.env);
      subgraphs.set(name, routingUrl);
      return new AuthForwardingDataSource({
        url: routingUrl,
        fetcher: createSubgraphFetcher(name, agents, metrics),
      });
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  const limits = queryLimitOptions(options.limits);

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    // Every request reaching Apollo has passed the token check, so introspection is for authenticated users only.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: maskError,
    plugins: [
      ...limits.plugins,
      observabilityPlugin(metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  let ready = true;

  app.use(requestLogging(logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await checkSubgraphs(subgraphs);
    const ok = ready && checks.every((check) => check.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not_ready', subgraphs: checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    '/graphql',
    cors({
      origin: options.corsOrigins ?? ['http://localhost:5173'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    }),
    requireBearerToken(verifyToken, logger),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const locals = res.locals as AuthenticatedLocals;
        return {
          requestId: String(req.id),
          authorization: locals.authorization,
          viewer: locals.viewer,
          log: req.log,
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url, subgraphs: Object.fromEntries(subgraphs) }, 'gateway listening');

  return {
    url,
    port,
    metrics,
    subgraphs,
    async stop() {
      ready = false;
      // Stops accepting connections, lets in-flight operations finish, then stops the gateway.
      await apollo.stop();
      agents.destroy();
    },
  };
}
