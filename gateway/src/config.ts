// Gateway configuration, read once and validated with zod (names in docs/conventions.md). The kit's
// loadServiceConfig requires DATABASE_URL and Kafka, which the gateway does not have, so it has its own shape.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export interface GatewayConfig {
  port: number;
  logLevel: string;
  authIssuer: string;
  authAudience: string;
  jwksUrl: string;
  supergraphPath: string;
  workers: number;
  corsOrigins: string[];
  /** The whole environment, for SUBGRAPH_<NAME>_URL overrides. */
  env: Record<string, string | undefined>;
}

const defaultSupergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

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
    env,
  };
}
