import { join } from 'node:path';
import { SetupError } from './errors.ts';
import { KAFKA_CONTROLLER_PORT, KAFKA_PORT, startKafkaBroker } from './kafka.ts';
import { KEYCLOAK_PORT, KEYCLOAK_REALM, startKeycloak } from './keycloak.ts';
import { withFileLock } from './lock.ts';
import { localPaths } from './paths.ts';
import { EMBEDDED_POSTGRES_PORT, embeddedDatabaseUrl, startEmbeddedPostgres } from './postgres.ts';
import type { ManagedProcess } from './process.ts';
import type { Progress } from './progress.ts';
import { createProgress } from './progress.ts';
import { kafkaAnswers, keycloakAnswers, postgresAnswers, waitUntilReady } from './readiness.ts';
import { removeRecord, writeRecord } from './state.ts';

export type Component = 'postgres' | 'kafka' | 'keycloak';
export const COMPONENTS: readonly Component[] = ['postgres', 'kafka', 'keycloak'];

/** Where a server came from: named by an env var, already answering on its default port, or started now. */
export type ServerSource = 'env' | 'running' | 'started';

export interface EnsureInfraOptions {
  env?: NodeJS.ProcessEnv;
  progress?: Progress;
  /** Leave started servers running after this process exits (`infra up`). */
  background?: boolean;
  /** Which servers are needed; all three by default. */
  components?: readonly Component[];
}

export interface Infra {
  /** Server URL (database `postgres`); services get their own `kinerja_<service>` database on it. */
  databaseUrl: string;
  kafkaBrokers: string[];
  keycloakUrl: string;
  keycloakRealm: string;
  sources: Partial<Record<Component, ServerSource>>;
  /** The variables to hand to child processes (DATABASE_URL, KAFKA_BROKERS, KEYCLOAK_URL, KEYCLOAK_REALM). */
  env: Record<string, string>;
  /** Stops only what this call started; servers it reused keep running. */
  stop(): Promise<void>;
}

interface Resolved<T> {
  value: T;
  source: ServerSource;
  process?: ManagedProcess;
}

const envWaitMs = 15_000;

/**
 * Default ports (docs/conventions.md), overridable with KINERJA_POSTGRES_PORT, KINERJA_KAFKA_PORT,
 * KINERJA_KAFKA_CONTROLLER_PORT and KINERJA_KEYCLOAK_PORT to run a second, private set beside the shared one.
 */
export function infraPorts(env: NodeJS.ProcessEnv = process.env): { postgres: number; kafka: number; kafkaController: number; keycloak: number } {
  const port = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) throw new SetupError(`${name}=${value} is not a TCP port`);
    return parsed;
  };
  return {
    postgres: port('KINERJA_POSTGRES_PORT', EMBEDDED_POSTGRES_PORT),
    kafka: port('KINERJA_KAFKA_PORT', KAFKA_PORT),
    kafkaController: port('KINERJA_KAFKA_CONTROLLER_PORT', KAFKA_CONTROLLER_PORT),
    keycloak: port('KINERJA_KEYCLOAK_PORT', KEYCLOAK_PORT),
  };
}

async function resolvePostgres(env: NodeJS.ProcessEnv, options: EnsureInfraOptions, progress: Progress): Promise<Resolved<string>> {
  const fromEnv = env['DATABASE_URL'];
  if (fromEnv) {
    await waitUntilReady(() => postgresAnswers(fromEnv), { what: `PostgreSQL at DATABASE_URL (${new URL(fromEnv).host})`, timeoutMs: envWaitMs });
    progress.info('postgres', `using DATABASE_URL (${new URL(fromEnv).host})`);
    return { value: fromEnv, source: 'env' };
  }
  const port = infraPorts(env).postgres;
  const defaultUrl = embeddedDatabaseUrl(port);
  if (await postgresAnswers(defaultUrl)) {
    progress.info('postgres', `reusing the embedded PostgreSQL already running on 127.0.0.1:${port}`);
    return { value: defaultUrl, source: 'running' };
  }
  const server = await startEmbeddedPostgres({
    port,
    // One cluster folder per port: two postmasters can never share a data folder.
    dataDir: join(localPaths(env).local, port === EMBEDDED_POSTGRES_PORT ? 'postgres' : `postgres-${port}`, 'data'),
    logDir: localPaths(env).logs,
    progress,
    background: options.background ?? false,
  });
  return { value: server.databaseUrl, source: 'started', process: server.process };
}

async function resolveKafka(env: NodeJS.ProcessEnv, options: EnsureInfraOptions, progress: Progress): Promise<Resolved<string[]>> {
  const fromEnv = env['KAFKA_BROKERS'];
  if (fromEnv) {
    const brokers = fromEnv.split(',').map((broker) => broker.trim()).filter((broker) => broker !== '');
    await waitUntilReady(() => kafkaAnswers(brokers), { what: `Kafka at KAFKA_BROKERS (${fromEnv})`, timeoutMs: envWaitMs });
    progress.info('kafka', `using KAFKA_BROKERS (${brokers.join(',')})`);
    return { value: brokers, source: 'env' };
  }
  const ports = infraPorts(env);
  const brokers = [`localhost:${ports.kafka}`];
  if (await kafkaAnswers(brokers)) {
    progress.info('kafka', `reusing the broker already running on localhost:${ports.kafka}`);
    return { value: brokers, source: 'running' };
  }
  const broker = await startKafkaBroker({
    port: ports.kafka,
    controllerPort: ports.kafkaController,
    dataDir: join(localPaths(env).local, ports.kafka === KAFKA_PORT ? 'kafka' : `kafka-${ports.kafka}`),
    logDir: localPaths(env).logs,
    background: options.background ?? false,
    progress,
  });
  return { value: broker.brokers, source: 'started', process: broker.process };
}

async function resolveKeycloak(env: NodeJS.ProcessEnv, options: EnsureInfraOptions, progress: Progress): Promise<Resolved<string>> {
  const realm = env['KEYCLOAK_REALM'] ?? KEYCLOAK_REALM;
  const fromEnv = env['KEYCLOAK_URL'];
  if (fromEnv) {
    await waitUntilReady(() => keycloakAnswers(fromEnv, realm), { what: `Keycloak realm ${realm} at KEYCLOAK_URL (${fromEnv})`, timeoutMs: envWaitMs });
    progress.info('keycloak', `using KEYCLOAK_URL (${fromEnv})`);
    return { value: fromEnv.replace(/\/+$/, ''), source: 'env' };
  }
  const port = infraPorts(env).keycloak;
  const url = `http://localhost:${port}`;
  if (await keycloakAnswers(url, KEYCLOAK_REALM)) {
    progress.info('keycloak', `reusing Keycloak already serving realm ${KEYCLOAK_REALM} on ${url}`);
    return { value: url, source: 'running' };
  }
  const server = await startKeycloak({ port, logDir: localPaths(env).logs, background: options.background ?? false, progress });
  return { value: server.url, source: 'started', process: server.process };
}

const commandMatches: Record<Component, string> = { postgres: 'postgres', kafka: 'kafka.Kafka', keycloak: 'keycloak' };

/**
 * Makes PostgreSQL, Kafka and Keycloak available: reuses servers named by DATABASE_URL, KAFKA_BROKERS
 * and KEYCLOAK_URL or already answering on the default ports, and starts the missing ones (in parallel).
 */
export async function ensureInfra(options: EnsureInfraOptions = {}): Promise<Infra> {
  const env = options.env ?? process.env;
  const progress = options.progress ?? createProgress();
  const wanted = new Set(options.components ?? COMPONENTS);
  const paths = localPaths(env);

  const results = await withFileLock(join(paths.run, 'ensure.lock'), () =>
    Promise.allSettled([
      wanted.has('postgres') ? resolvePostgres(env, options, progress) : undefined,
      wanted.has('kafka') ? resolveKafka(env, options, progress) : undefined,
      wanted.has('keycloak') ? resolveKeycloak(env, options, progress) : undefined,
    ]),
  );
  const addresses: Record<Component, string> = { postgres: '', kafka: '', keycloak: '' };
  const started: { component: Component; process: ManagedProcess }[] = [];
  results.forEach((result, index) => {
    const component = COMPONENTS[index] as Component;
    if (result.status === 'fulfilled' && result.value?.process) started.push({ component, process: result.value.process });
  });
  const stop = async () => {
    await Promise.all(
      started.map(async ({ component, process }) => {
        progress.info(component, `stopping (pid ${process.pid})`);
        await process.stop();
        removeRecord(paths.run, { component, address: addresses[component] });
      }),
    );
  };
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason instanceof Error ? failure.reason : new SetupError(String(failure.reason));
  }
  const [postgres, kafka, keycloak] = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined)) as [
    Resolved<string> | undefined,
    Resolved<string[]> | undefined,
    Resolved<string> | undefined,
  ];
  addresses.postgres = postgres?.value ?? '';
  addresses.kafka = kafka?.value.join(',') ?? '';
  addresses.keycloak = keycloak?.value ?? '';
  for (const { component, process } of started) {
    writeRecord(paths.run, {
      component,
      pid: process.pid,
      commandMatch: commandMatches[component],
      address: addresses[component],
      logFile: process.logFile,
      startedAt: new Date().toISOString(),
    });
  }

  const keycloakRealm = env['KEYCLOAK_REALM'] ?? KEYCLOAK_REALM;
  const childEnv: Record<string, string> = { KEYCLOAK_REALM: keycloakRealm };
  if (postgres) childEnv['DATABASE_URL'] = postgres.value;
  if (kafka) childEnv['KAFKA_BROKERS'] = addresses.kafka;
  if (keycloak) childEnv['KEYCLOAK_URL'] = keycloak.value;
  const sources: Partial<Record<Component, ServerSource>> = {};
  if (postgres) sources.postgres = postgres.source;
  if (kafka) sources.kafka = kafka.source;
  if (keycloak) sources.keycloak = keycloak.source;
  return {
    databaseUrl: postgres?.value ?? '',
    kafkaBrokers: kafka?.value ?? [],
    keycloakUrl: keycloak?.value ?? '',
    keycloakRealm,
    sources,
    env: childEnv,
    stop,
  };
}
