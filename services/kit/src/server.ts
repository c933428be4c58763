// The subgraph server every service starts: express 5 + Apollo Server 5 + a federation subgraph schema,
// with authentication before GraphQL, a forked EntityManager per request, request-id logs, metrics,
// health/readiness probes, error masking and graceful shutdown. /metrics and the detailed /readyz are on
// the internal ops port (ops.ts); the public port's /readyz says only ready or not.
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
import { GraphQLError, GraphQLScalarType, Kind, parse, valueFromASTUntyped, type GraphQLFormattedError } from 'graphql';
import type { Kafka, Admin } from 'kafkajs';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { auditedResolvers } from './audit.ts';
import { anonymousViewer, CLIENT_IP_HEADER, isAnonymousOperation } from './anonymous.ts';
import { createTokenVerifier, type TokenVerifier, type Viewer } from './auth.ts';
import type { ServiceConfig } from './config.ts';
import type { EntityManager, Orm } from './db.ts';
import { clientVisibleCodes, databaseUnavailableMessage, errorCode, isDatabaseUnavailable } from './errors.ts';
import { limitRefusal, queryLimitOptions, queryLimitsFromEnv } from './limits/armor.ts';
import { listSizesFromSubgraph } from './limits/list-sizes.ts';
import { createLoaderRegistry, type LoaderRegistry } from './loaders.ts';
import {
  createOperationLabeler,
  defaultOpsPort,
  publicReadiness,
  routeLabel,
  startOpsServer,
  type Readiness,
  type RunningOpsServer,
} from './ops.ts';

export type { Logger };

/** The service's pino logger: JSON lines tagged with the service name. */
export function createLogger(config: Pick<ServiceConfig, 'serviceName' | 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: config.serviceName } });
}

export interface RequestContext {
  /** `anonymousViewer` for an allow-listed anonymous operation (StartSubgraphOptions.anonymousRootFields). */
  viewer: Viewer;
  /** The caller's address: the gateway's CLIENT_IP_HEADER, else the socket's (a direct call). */
  clientIp: string;
  em: EntityManager;
  log: Logger;
  requestId: string;
  loaders: LoaderRegistry;
}

export interface StartSubgraphOptions<Extra extends object> {
  config: Pick<ServiceConfig, 'serviceName' | 'port' | 'authIssuer' | 'authAudience' | 'jwksUrl' | 'logLevel'> &
    Partial<Pick<ServiceConfig, 'opsPort' | 'metricsOperations' | 'metricsMaxOperations'>>;
  /** The text of the service's schema.graphql. */
  typeDefs: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any>;
  orm: Orm;
  kafka?: Kafka;
  context?: (base: RequestContext) => Extra | Promise<Extra>;
  logger?: Logger;
  /**
   * Root fields an operation may consist of to run WITHOUT a token (anonymous.ts); the gateway keeps the
   * same list. Empty (the default): every request needs a token.
   */
  anonymousRootFields?: readonly string[];
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
  /** Base URL of the internal ops port: /metrics, the detailed /readyz, /healthz. */
  opsUrl: string;
  app: express.Express;
  logger: Logger;
  stop(): Promise<void>;
}

export const internalErrorMessage = 'Terjadi kesalahan pada server; sebutkan requestId ini saat melapor';

/**
 * Federation's `_Any` as `_entities` receives it, checked: @apollo/subgraph reads `__typename` of every
 * representation and throws a TypeError (an internal error) on a string or null, which the fuzz suite
 * found. A representation that is not an object naming its type is the caller's mistake: refused as bad
 * input before any resolver runs.
 */
const entityRepresentation = new GraphQLScalarType({
  name: '_Any',
  parseValue(value: unknown) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { __typename?: unknown }).__typename !== 'string') {
      throw new GraphQLError('Representasi entitas harus berupa objek dengan __typename', { extensions: { code: 'BAD_USER_INPUT', reason: 'invalid_representation' } });
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.OBJECT || !ast.fields.some((field) => field.name.value === '__typename' && field.value.kind === Kind.STRING)) {
      throw new GraphQLError('Representasi entitas harus berupa objek dengan __typename', { extensions: { code: 'BAD_USER_INPUT', reason: 'invalid_representation' } });
    }
    return valueFromASTUntyped(ast);
  },
});

/** Hides anything that is not a deliberate client error: no stack, SQL or driver message leaves. */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const refusal = limitRefusal(formatted);
  if (refusal) return refusal;
  const code = formatted.extensions?.['code'];
  if (code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(error)) {
    return {
      message: databaseUnavailableMessage,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'database_unavailable' },
    };
  }
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
  const operationLabel = createOperationLabeler({
    known: config.metricsOperations ?? [],
    maxDistinct: config.metricsMaxOperations ?? 100,
  });
  const graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors sent to clients by code',
    labelNames: ['code'],
    registers: [registry],
  });

  const servedRoutes: ReadonlySet<string> = new Set(['/graphql', '/healthz', '/readyz']);
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
    // Only the paths served here become labels; a scanner's random URLs all count as "other". The path
    // is read now: by `finish`, a router mounted on `/graphql` has left `req.url` without its prefix.
    const route = routeLabel(req.path, servedRoutes);
    res.on('finish', () => stopTimer({ route, status: String(res.statusCode) }));
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: config.serviceName });
  });

  let kafkaAdmin: Admin | undefined;
  const checkReadiness = async (): Promise<Readiness> => {
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
    if (!ready) logger.warn({ checks }, 'not ready');
    return { ready, checks };
  };
  // Public: ready or not, for load balancers; what failed (hosts, database errors) only on the ops port.
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness();
    res.status(readiness.ready ? 200 : 503).json(publicReadiness(readiness));
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
          graphqlOperations.inc({ operation: operationLabel(operationName), outcome: errors?.length ? 'error' : 'ok' });
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

  // The gateway's depth, alias, directive, token and cost limits, priced with this subgraph's own
  // @listSize/@pageLimit/@cost, so calling the subgraph directly buys nothing the gateway refuses.
  const limits = queryLimitOptions(queryLimitsFromEnv(), listSizesFromSubgraph(options.typeDefs));
  const apollo = new ApolloServer<RequestContext>({
    // Every Mutation field runs in an audit scope (audit.ts): its writes get audit entries.
    schema: buildSubgraphSchema([{ typeDefs: parse(options.typeDefs), resolvers: auditedResolvers({ ...options.resolvers, _Any: entityRepresentation } as typeof options.resolvers) }]),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...(limits.plugins as ApolloServerPlugin<RequestContext>[]),
      errorLogging,
    ],
  });
  await apollo.start();

  // Authentication runs before GraphQL so an unauthenticated caller gets a plain HTTP 401 and no plan,
  // no parsing, no database work.
  const anonymousRootFields = new Set(options.anonymousRootFields ?? []);
  // Without a token, only an allow-listed anonymous operation goes on (its small body parsed first).
  const anonymousBody = express.json({ limit: '8kb' });
  app.use('/graphql', (req, res, next) => (anonymousRootFields.size > 0 && !req.headers.authorization && req.method === 'POST' ? anonymousBody(req, res, next) : next()));
  app.use('/graphql', async (req, res, next) => {
    try {
      if (anonymousRootFields.size > 0 && !req.headers.authorization && isAnonymousOperation(req.body, anonymousRootFields)) {
        res.locals['viewer'] = anonymousViewer;
        next();
        return;
      }
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
          clientIp: String(req.headers[CLIENT_IP_HEADER] ?? req.socket.remoteAddress ?? ''),
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
  let ops: RunningOpsServer;
  try {
    ops = await startOpsServer({ port: config.opsPort ?? defaultOpsPort(config.port), registry, checkReadiness, logger });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  logger.info({ url, opsUrl: ops.url }, `${config.serviceName} subgraph listening`);

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
      await ops.close();
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

  return { url, port, opsUrl: ops.url, app, logger, stop };
}
