// Service configuration is read once from the environment (names in docs/conventions.md) and validated
// with zod, so a bad deployment stops at start with one line naming the variable instead of failing later.
import { z } from 'zod';
import { kafkaSecurityShape, loadKafkaSecurity, type KafkaSecurity } from './events/kafka-security.ts';
import { opsShape, resolveOpsPort } from './ops.ts';

export const defaultServicePorts: Readonly<Record<string, number>> = {
  gateway: 4000,
  personnel: 4001,
  competency: 4002,
  performance: 4003,
  attendance: 4004,
  remuneration: 4005,
};

export interface ServiceConfig {
  serviceName: string;
  port: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  /** TLS and SASL/SCRAM of the Kafka connection (KAFKA_SSL*, KAFKA_SASL_*); pass it to createKafka. */
  kafkaSecurity: KafkaSecurity;
  keycloakUrl: string;
  keycloakRealm: string;
  authIssuer: string;
  authAudience: string;
  jwksUrl: string;
  logLevel: string;
  /** Internal port of /metrics and the detailed /readyz (OPS_PORT, default PORT + 1000). */
  opsPort: number;
  /** METRICS_OPERATIONS: operation names that get their own metric label; empty = the first METRICS_MAX_OPERATIONS. */
  metricsOperations: string[];
  metricsMaxOperations: number;
}

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

const baseShape = {
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DATABASE_URL: postgresUrl,
  KAFKA_BROKERS: z
    .string()
    .default('localhost:9092')
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter((broker) => broker !== ''),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1)),
  KEYCLOAK_URL: z.string().url().default('http://localhost:8180'),
  KEYCLOAK_REALM: z.string().min(1).default('asn'),
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().min(1).default('kinerja-api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...kafkaSecurityShape,
  ...opsShape,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describeIssues(serviceName: string, error: z.ZodError): string {
  const details = error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`).join('; ');
  return `${serviceName}: invalid configuration: ${details}`;
}

/**
 * Reads the service's configuration. `extraShape` adds service-specific variables (zod schemas keyed by
 * variable name); their parsed values are returned under `extra`.
 */
export function loadServiceConfig<Extra extends z.ZodRawShape = Record<never, never>>(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
  extraShape?: Extra,
): ServiceConfig & { extra: z.infer<z.ZodObject<Extra>> } {
  const base = z.object(baseShape).safeParse(env);
  if (!base.success) throw new ConfigError(describeIssues(serviceName, base.error));
  const extra = z.object(extraShape ?? ({} as Extra)).safeParse(env);
  if (!extra.success) throw new ConfigError(describeIssues(serviceName, extra.error));

  const values = base.data;
  const keycloakUrl = values.KEYCLOAK_URL.replace(/\/+$/, '');
  const realmUrl = `${keycloakUrl}/realms/${values.KEYCLOAK_REALM}`;
  const port = values.PORT ?? defaultServicePorts[serviceName];
  if (port === undefined) throw new ConfigError(`${serviceName}: invalid configuration: PORT: required (no default port for this service)`);
  let kafkaSecurity: KafkaSecurity;
  try {
    kafkaSecurity = loadKafkaSecurity(env);
  } catch (error) {
    throw new ConfigError(`${serviceName}: invalid configuration: ${(error as Error).message}`, { cause: error });
  }
  let opsPort: number;
  try {
    opsPort = resolveOpsPort(port, values.OPS_PORT);
  } catch (error) {
    throw new ConfigError(`${serviceName}: invalid configuration: ${(error as Error).message}`);
  }
  return {
    serviceName,
    port,
    databaseUrl: values.DATABASE_URL,
    kafkaBrokers: values.KAFKA_BROKERS,
    kafkaSecurity,
    keycloakUrl,
    keycloakRealm: values.KEYCLOAK_REALM,
    authIssuer: values.AUTH_ISSUER ?? realmUrl,
    authAudience: values.AUTH_AUDIENCE,
    jwksUrl: `${realmUrl}/protocol/openid-connect/certs`,
    logLevel: values.LOG_LEVEL,
    opsPort,
    metricsOperations: values.METRICS_OPERATIONS,
    metricsMaxOperations: values.METRICS_MAX_OPERATIONS,
    extra: extra.data,
  };
}
