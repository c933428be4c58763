// The real processes a chaos scenario breaks: a private Kafka broker or PostgreSQL server (never the
// shared ones other suites use), and the personnel and competency subgraphs as the launcher runs them.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceEntryPoint, startConsumerAtTopicEnd, startSubgraphProcess, type SubgraphProcess, type TestDatabase } from '@kinerja/kit/testing';
import { findFreePort, silentProgress, startEmbeddedPostgres, startKafkaBroker, type KafkaBroker, type PostgresServer } from '@kinerja/local-infra';
import { topics } from '@kinerja/proto';
import pg from 'pg';

export type Env = Record<string, string | undefined>;

/** A broker of the scenario's own that can be stopped and started again with its data. */
export interface PrivateKafka {
  brokers: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it (if running) and deletes its data. */
  remove(): Promise<void>;
}

export async function privateKafka(): Promise<PrivateKafka> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-chaos-kafka-'));
  const options = { port: await findFreePort(), controllerPort: await findFreePort(), dataDir, progress: silentProgress };
  let broker: KafkaBroker | undefined = await startKafkaBroker(options);
  return {
    brokers: `localhost:${options.port}`,
    async stop() {
      await broker?.stop();
      broker = undefined;
    },
    async start() {
      broker ??= await startKafkaBroker(options);
    },
    async remove() {
      await broker?.stop();
      broker = undefined;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An embedded PostgreSQL server of the scenario's own that can be restarted with its data. */
export interface PrivatePostgres {
  serverUrl: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

export async function privatePostgres(): Promise<PrivatePostgres> {
  const folder = await mkdtemp(join(tmpdir(), 'kinerja-chaos-pg-'));
  const options = { port: await findFreePort(), dataDir: join(folder, 'data'), logDir: join(folder, 'logs'), progress: silentProgress };
  let server: PostgresServer | undefined = await startEmbeddedPostgres(options);
  const serverUrl = server.databaseUrl;
  const handle: PrivatePostgres = {
    serverUrl,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server ??= await startEmbeddedPostgres(options);
    },
    async restart() {
      await handle.stop();
      await handle.start();
    },
    async remove() {
      await handle.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  return handle;
}

export function startPersonnel(env: Env, database?: TestDatabase): Promise<SubgraphProcess> {
  return startSubgraphProcess({ name: 'personnel', main: serviceEntryPoint('personnel'), env, ...(database ? { database } : {}) });
}

/** Competency reading personnel.employee.v1 with a consumer group of the scenario's own. */
export async function startCompetency(env: Env, groupId: string, database?: TestDatabase): Promise<SubgraphProcess> {
  return startSubgraphProcess({
    name: 'competency',
    main: serviceEntryPoint('competency'),
    env,
    extraEnv: { COMPETENCY_EMPLOYEE_GROUP: groupId },
    ...(database ? { database } : {}),
  });
}

/** A consumer group positioned at the end of personnel.employee.v1 (creating the topic on a fresh broker). */
export async function freshEmployeeGroup(env: Env): Promise<string> {
  const groupId = `chaos-competency-${randomUUID().slice(0, 8)}`;
  await startConsumerAtTopicEnd(groupId, topics.personnelEmployee, env);
  return groupId;
}

/** One query on a database, with its own short-lived connection. */
export async function sqlOne<T extends Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<T>(text, values);
    return result.rows[0] as T;
  } finally {
    await client.end();
  }
}
