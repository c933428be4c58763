// Gateway configuration, read once and validated with zod (names in docs/conventions.md). The kit's
// loadServiceConfig requires DATABASE_URL and Kafka, which the gateway does not have, so it has its own shape.
import { fileURLToPath } from 'node:url';
import { opsShape, resolveOpsPort } from '@kinerja/kit/ops';
import { z } from 'zod';
import type { SubgraphResilienceSettings } from './subgraphs/resilience.ts';

export interface GatewayConfig {
  port: number;
  logLevel: string;
  authIssuer: string;
  authAudience: string;
  jwksUrl: string;
  supergraphPath: string;
  workers: number;
  corsOrigins: string[];
  /** Where a browser opening GET /graphql is sent: the web app's GraphQL workbench. */
  workbenchUrl: string;
  /** Internal port of /metrics and the detailed /readyz (OPS_PORT, default PORT + 1000). */
  opsPort: number;
  /** METRICS_OPERATIONS / METRICS_MAX_OPERATIONS: which operation names become metric labels. */
  metricsOperations: string[];
  metricsMaxOperations: number;
  /** Deadlines and circuit breakers of subgraph fetches (src/subgraphs/resilience.ts). */
  subgraphs: SubgraphResilienceSettings;
  /** The whole environment, for SUBGRAPH_<NAME>_URL and SUBGRAPH_<NAME>_TIMEOUT_MS overrides. */
  env: Record<string, string | undefined>;
}

const defaultSupergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

const milliseconds = z.coerce.number().int().min(1).max(600_000);

const shape = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEYCLOAK_URL: z.string().url().default('http://localhost:8180'),
  KEYCLOAK_REALM: z.string().min(1).default('asn'),
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().min(1).default('kinerja-api'),
  SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:5173')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    ),
  WORKBENCH_URL: z.string().url().default('http://localhost:5173/workbench'),
  ...opsShape,
  GATEWAY_SUBGRAPH_TIMEOUT_MS: milliseconds.default(5000),
  GATEWAY_SUBGRAPH_WRITE_TIMEOUT_MS: milliseconds.default(30_000),
  GATEWAY_BREAKER_RESET_MS: milliseconds.default(10_000),
  GATEWAY_BREAKER_VOLUME: z.coerce.number().int().min(1).max(10_000).default(10),
  GATEWAY_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
});

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = shape.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`gateway: invalid configuration: ${details}`);
  }
  const values = parsed.data;
  let opsPort: number;
  try {
    opsPort = resolveOpsPort(values.PORT, values.OPS_PORT);
  } catch (error) {
    throw new Error(`gateway: invalid configuration: ${(error as Error).message}`, { cause: error });
  }
  const realmUrl = `${values.KEYCLOAK_URL.replace(/\/+$/, '')}/realms/${values.KEYCLOAK_REALM}`;
  return {
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    authIssuer: values.AUTH_ISSUER ?? realmUrl,
    authAudience: values.AUTH_AUDIENCE,
    jwksUrl: `${realmUrl}/protocol/openid-connect/certs`,
    supergraphPath: values.SUPERGRAPH_PATH,
    workers: values.GATEWAY_WORKERS,
    corsOrigins: values.CORS_ORIGINS,
    workbenchUrl: values.WORKBENCH_URL,
    opsPort,
    metricsOperations: values.METRICS_OPERATIONS,
    metricsMaxOperations: values.METRICS_MAX_OPERATIONS,
    subgraphs: {
      readTimeoutMs: values.GATEWAY_SUBGRAPH_TIMEOUT_MS,
      writeTimeoutMs: values.GATEWAY_SUBGRAPH_WRITE_TIMEOUT_MS,
      breakerResetMs: values.GATEWAY_BREAKER_RESET_MS,
      breakerVolumeThreshold: values.GATEWAY_BREAKER_VOLUME,
      breakerErrorPercent: values.GATEWAY_BREAKER_ERROR_PERCENT,
    },
    env,
  };
}
