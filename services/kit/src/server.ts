// The subgraph server every service starts: express 5 + Apollo Server 5 + a federation subgraph schema,
// with authentication before GraphQL, a forked EntityManager per request, request-id logs, metrics,
// health/readiness probes, error masking and graceful shutdown.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import express from 'express';
import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import type { Kafka, Admin } from 'kafkajs';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createTokenVerifier, type TokenVerifier, type Viewer } from './auth.ts';
import type { ServiceConfig } from './config.ts';
import type { EntityManager, Orm } from './db.ts';
import { clientVisibleCodes, errorCode } from './errors.ts';
import { createLoaderRegistry, type LoaderRegistry } from './loaders.ts';

export type { Logger };

/** The service's pino logger: JSON lines tagged with the service name. */
export function createLogger(config: Pick<ServiceConfig, 'serviceName' | 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: config.serviceName } });
}

export interface RequestContext {
  viewer: Viewer;
  em: EntityManager;
  log: Logger;
  requestId: string;
  loaders: LoaderRegistry;
}

export interface StartSubgraphOptions<Extra extends object> {
  config: Pick<ServiceConfig, 'serviceName' | 'port' | 'authIssuer' | 'authAudience' | 'jwksUrl' | 'logLevel'>;
  /** The text of the service's schema.graphql. */
  typeDefs: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any>;
  orm: Orm;
  kafka?: Kafka;
  context?: (base: RequestContext) => Extra | Promise<Extra>;
  logger?: Logger;
  /** Replaces the JWKS verifier built from `config` (unit tests with a local key). */
  verifyToken?: TokenVerifier;
  /** Install SIGTERM/SIGINT handlers that call stop() (default true; tests pass false). */
  handleSignals?: boolean;
  /** Runs after the HTTP server has drained (stop relays, close the ORM). */
  onStop?: () => Promise<void>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  app: express.Express;
  logger: Logger;
  stop(): Promise<void>;
}

export const internalErrorMessage = 'Terjadi kesalahan pada server; sebutkan requestId ini saat melapor';

/** Hides anything that is not a deliberate client error: no stack, SQL or driver message leaves. */
export function maskError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && clientVisibleCodes.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: internalErrorMessage,
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function readinessTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startSubgraph<Extra extends object = Record<never, never>>(
  options: StartSubgraphOptions<Extra>,
): Promise<RunningSubgraph> {
  const { config, orm, kafka } = options;
  const logger = options.logger ?? createLogger(config);
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({ issuer: config.authIssuer, jwksUrl: config.jwksUrl, audience: config.authAudience });

  const registry = new Registry();
  registry.setDefaultLabels({ service: config.serviceName });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by name and outcome',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors sent to clients by code',
    labelNames: ['code'],
    registers: [registry],
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Never log headers: they carry the bearer token.
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    }),
  );
  app.use((req, res, next) => {
    const stopTimer = httpDuration.startTimer({ method: req.method });
    res.on('finish', () => stopTimer({ route: req.route?.path ?? req.path, status: String(res.statusCode) }));
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: config.serviceName });
  });

  let kafkaAdmin: Admin | undefined;
  app.get('/readyz', async (req, res) => {
    const checks: Record<string, string> = {};
    const database = await orm.checkConnection();
    checks['database'] = database.ok ? 'ok' : `down: ${database.reason ?? 'unreachable'}`;
    if (kafka) {
      try {
        kafkaAdmin ??= kafka.admin({ retry: { retries: 0 } });
        await readinessTimeout(
          kafkaAdmin.connect().then(() => kafkaAdmin?.describeCluster()),
          3000,
          'Kafka',
        );
        checks['kafka'] = 'ok';
      } catch (error) {
        checks['kafka'] = `down: ${(error as Error).message}`;
        const stale = kafkaAdmin;
        kafkaAdmin = undefined;
        await stale?.disconnect().catch(() => undefined);
      }
    }
    const ready = Object.values(checks).every((value) => value === 'ok');
    if (!ready) req.log.warn({ checks }, 'not ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });

  const errorLogging: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = errorCode(error) ?? errorCode(unwrapResolverError(error));
            if (code && clientVisibleCodes.has(code)) continue;
            contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error in GraphQL request');
          }
        },
        async willSendResponse({ response, contextValue, operationName, errors }) {
          graphqlOperations.inc({ operation: operationName ?? 'anonymous', outcome: errors?.length ? 'error' : 'ok' });
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = String(error.extensions?.['code'] ?? 'UNKNOWN');
            graphqlErrors.inc({ code });
            if (code === 'INTERNAL_SERVER_ERROR' && error.extensions) {
              (error.extensions as Record<string, unknown>)['requestId'] = contextValue.requestId;
            }
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<RequestContext>({
    schema: buildSubgraphSchema([{ typeDefs: parse(options.typeDefs), resolvers: options.resolvers }]),
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      errorLogging,
    ],
  });
  await apollo.start();

  // Authentication runs before GraphQL so an unauthenticated caller gets a plain HTTP 401 and no plan,
  // no parsing, no database work.
  app.use('/graphql', async (req, res, next) => {
    try {
      res.locals['viewer'] = await verifyToken(req.headers.authorization);
      next();
    } catch (error) {
      if (error instanceof GraphQLError) {
        res
          .status(401)
          .setHeader('www-authenticate', 'Bearer realm="asn"')
          .json({ errors: [{ message: error.message, extensions: error.extensions }] });
        return;
      }
      next(error);
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const base: RequestContext = {
          viewer: res.locals['viewer'] as Viewer,
          em: orm.em.fork() as EntityManager,
          log: req.log,
          requestId: String(req.id),
          loaders: createLoaderRegistry(),
        };
        const extra = options.context ? await options.context(base) : ({} as Extra);
        return { ...base, ...extra };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, `${config.serviceName} subgraph listening`);

  let stopping: Promise<void> | undefined;
  const signalHandler = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('SIGTERM', signalHandler);
      process.off('SIGINT', signalHandler);
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await kafkaAdmin?.disconnect().catch(() => undefined);
      await options.onStop?.();
      logger.info('stopped');
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) {
    process.once('SIGTERM', signalHandler);
    process.once('SIGINT', signalHandler);
  }

  return { url, port, app, logger, stop };
}
