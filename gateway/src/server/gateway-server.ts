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
import { publicReadiness, startOpsServer, type Readiness } from '@kinerja/kit/ops';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { anonymousRootFields } from '../auth/anonymous-operations.ts';
import { parseAnonymousCandidate, requireBearerToken, type AuthenticatedLocals } from '../auth/bearer.ts';
import { redirectBrowsersTo } from './workbench-redirect.ts';
import type { GatewayConfig } from '../config.ts';
import { maskError } from '../errors/masking.ts';
import { queryLimitOptions, type QueryLimits } from '@kinerja/kit/limits/armor';
import { listSizesFromSupergraph } from '@kinerja/kit/limits/list-sizes';
import { createLogger, requestLogging } from '../observability/logger.ts';
import { createGatewayMetrics, type GatewayMetrics } from '../observability/metrics.ts';
import { observabilityPlugin } from '../observability/plugin.ts';
import { AuthForwardingDataSource, createSubgraphAgents } from '../subgraphs/data-source.ts';
import { checkSubgraphs } from '../subgraphs/readiness.ts';
import { createResilientSubgraph, type ResilientSubgraph } from '../subgraphs/resilience.ts';
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
  /** Where GET /graphql from a browser goes instead of a landing page (config.workbenchUrl by default). */
  workbenchUrl?: string;
  /** Root fields that may run without a token (anonymous-operations.ts by default). */
  anonymousRootFields?: ReadonlySet<string>;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Base URL of the internal ops port: /metrics, the detailed /readyz, /healthz. */
  opsUrl: string;
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
  const metrics = createGatewayMetrics({ known: config.metricsOperations, maxDistinct: config.metricsMaxOperations });
  const agents = createSubgraphAgents();
  const subgraphs = new Map<string, string>();
  const resilient = new Map<string, ResilientSubgraph>();
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({
      issuer: config.authIssuer,
      jwksUrl: config.jwksUrl,
      audience: config.authAudience,
    });

  // Query plans are cached by ApolloGateway itself (an in-memory LRU keyed by operation), and Apollo
  // Server caches parsed and validated documents, so a repeated operation is neither re-planned nor re-validated.
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(config.supergraphPath);
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService({ name, url }) {
      const routingUrl = resolveRoutingUrl(name, url, config.env);
      subgraphs.set(name, routingUrl);
      const subgraph = createResilientSubgraph({
        subgraph: name,
        agents,
        metrics,
        settings: config.subgraphs,
        env: config.env,
        logger,
      });
      resilient.set(name, subgraph);
      return new AuthForwardingDataSource({ url: routingUrl, fetcher: subgraph.fetcher });
    },
  });

  const anonymousFields = options.anonymousRootFields ?? anonymousRootFields;
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  const limits = queryLimitOptions(options.limits, listSizesFromSupergraph(supergraphSdl));

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
  const checkReadiness = async (): Promise<Readiness> => {
    const checks = await checkSubgraphs(subgraphs);
    return { ready: ready && checks.every((check) => check.ok), checks: { subgraphs: checks } };
  };
  // Public: ready or not; which subgraph failed, and its URL, only on the ops port.
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness();
    res.status(readiness.ready ? 200 : 503).json(publicReadiness(readiness));
  });
  // Apollo's landing page is off (it loads Sandbox from the internet); a person who opens the endpoint in
  // a browser gets the web app's offline workbench instead. Programs (Accept: */* or JSON) are not redirected.
  app.get('/graphql', redirectBrowsersTo(options.workbenchUrl ?? config.workbenchUrl));
  app.use(
    '/graphql',
    cors({
      origin: options.corsOrigins ?? ['http://localhost:5173'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    }),
    parseAnonymousCandidate(anonymousFields),
    requireBearerToken(verifyToken, logger, anonymousFields),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const locals = res.locals as AuthenticatedLocals;
        return {
          requestId: String(req.id),
          authorization: locals.authorization,
          viewer: locals.viewer,
          clientIp: req.ip ?? req.socket.remoteAddress ?? '',
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
  const ops = await startOpsServer({ port: config.opsPort, registry: metrics.registry, checkReadiness, logger }).catch(
    async (error: unknown) => {
      await apollo.stop();
      throw error;
    },
  );
  logger.info({ url, opsUrl: ops.url, subgraphs: Object.fromEntries(subgraphs) }, 'gateway listening');

  return {
    url,
    port,
    opsUrl: ops.url,
    metrics,
    subgraphs,
    async stop() {
      ready = false;
      // Stops accepting connections, lets in-flight operations finish, then stops the gateway.
      await apollo.stop();
      await ops.close();
      for (const { breaker } of resilient.values()) breaker.shutdown();
      agents.destroy();
    },
  };
}
