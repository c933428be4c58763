// Helpers for integration tests against the real parts: a fresh PostgreSQL database per suite on
// DATABASE_URL's server, real Keycloak tokens for the demo users (docs/conventions.md), and a subgraph
// started in-process on that database (`startTestSubgraph`) or as a child process the way the launcher
// runs it (`startSubgraphProcess`; each service's own starter is in its test/support/process.ts,
// exported as `@kinerja/<service>/testing`).
// `startTestIssuer` is for unit tests only: a local RS256 key served from a local JWKS endpoint.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { findFreePort, spawnTiedToParent } from '@kinerja/local-infra';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { Kafka, logLevel as kafkaLogLevel } from 'kafkajs';
import { loadServiceConfig, type ServiceConfig } from './config.ts';
import { createOrm, dropDatabase, ensureDatabase, type CreateOrmOptions, type Orm } from './db.ts';
import { createLogger, type Logger, type RunningSubgraph } from './server.ts';
import { ensureTopics, whileTopicsSettle } from './events/topics.ts';

const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix: string, env: Record<string, string | undefined> = process.env): Promise<TestDatabase> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 30);
  const name = `test_${safePrefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(env['DATABASE_URL'] ?? defaultServerUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  return { url: databaseUrl, name, drop: () => dropDatabase(databaseUrl) };
}

export function keycloakRealmUrl(env: Record<string, string | undefined> = process.env): string {
  const base = (env['KEYCLOAK_URL'] ?? 'http://localhost:8180').replace(/\/+$/, '');
  return `${base}/realms/${env['KEYCLOAK_REALM'] ?? 'asn'}`;
}

/** True when the realm answers, so suites needing Keycloak can skip with a reason instead of hanging. */
export async function keycloakAvailable(env: Record<string, string | undefined> = process.env): Promise<boolean> {
  try {
    const response = await fetch(`${keycloakRealmUrl(env)}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** An access token for a demo user through client `kinerja-cli` (direct access grant; dev and tests only). */
export async function passwordToken(username: string, password = 'kinerja-demo', env: Record<string, string | undefined> = process.env): Promise<string> {
  const response = await fetch(`${keycloakRealmUrl(env)}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'kinerja-cli', username, password, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(`Keycloak refused a token for ${username}: ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`);
  }
  return body.access_token;
}

export interface GraphQLResult {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs one GraphQL operation to `url`, with a bearer token when given; the HTTP status comes back with the body. */
export async function postGraphQL(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, 'status'>) };
}

/** `passwordToken` remembered per user, so a suite asks Keycloak once for each demo user. */
export function demoUserTokens(): (username: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (username) => {
    let token = tokens.get(username);
    if (!token) {
      token = passwordToken(username);
      tokens.set(username, token);
    }
    return token;
  };
}

export interface TestSubgraph {
  db: TestDatabase;
  orm: Orm;
  server: RunningSubgraph;
  /** Every SQL statement the ORM sent since the last reset. */
  statements: string[];
  token(username: string): Promise<string>;
  gql(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The SQL statements `request` costs, from a test subgraph's statement log: the least of `attempts` runs.
 * The service's own background work (Kafka consumers, the outbox relay, scheduled jobs) writes to the same
 * log and can only add to a count, so the least run is the request's own. Outbox and processed-event
 * bookkeeping are left out. Tests of "does not grow with the page size" compare the larger page with
 * `toBeLessThanOrEqual`: a stray statement in the smaller page's runs must not read as the larger page
 * costing less (CI once saw 2 for 10 regions and 1 for 100).
 */
export async function leastStatementCount(
  subgraph: Pick<TestSubgraph, 'statements'>,
  request: () => Promise<unknown>,
  attempts = 3,
): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < attempts; attempt++) {
    subgraph.statements.length = 0;
    await request();
    least = Math.min(least, subgraph.statements.filter((sql) => !/outbox_event|processed_event/.test(sql)).length);
  }
  return least;
}

export interface TestSubgraphStart<Extra extends object> {
  server: RunningSubgraph;
  /** Whatever else the suite needs from the start (a topic, a producer), spread into the result. */
  extra: Extra;
  /** Stops what the start set up beside the server; runs after the server stopped, before the ORM closes. */
  stopExtra?: () => Promise<void>;
}

export interface StartTestSubgraphOptions<Extra extends object> {
  serviceName: string;
  /** Names the suite's database. */
  prefix: string;
  entities: CreateOrmOptions['entities'];
  migrations: CreateOrmOptions['migrations'];
  /** Starts the service's subgraph (handleSignals: false) with the suite's configuration, ORM and silent logger. */
  start(deps: { config: ServiceConfig; orm: Orm; logger: Logger }): Promise<TestSubgraphStart<Extra>>;
}

/**
 * A subgraph in-process on a fresh database of its own (migrated by createOrm), on a kernel-chosen port,
 * verifying tokens against the real Keycloak realm; `stop` drops the database.
 */
export async function startTestSubgraph<Extra extends object = Record<never, never>>(
  options: StartTestSubgraphOptions<Extra>,
): Promise<TestSubgraph & Extra> {
  const db = await createTestDatabase(options.prefix);
  const logger = createLogger({ serviceName: options.serviceName, logLevel: 'silent' });
  const statements: string[] = [];
  const orm = await createOrm({
    databaseUrl: db.url,
    entities: options.entities,
    migrations: options.migrations,
    logger,
    onQuery: (sql) => statements.push(sql),
  });
  const config = loadServiceConfig(options.serviceName, { ...process.env, DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent' });
  const { server, extra, stopExtra } = await options.start({ config, orm, logger });
  return {
    ...extra,
    db,
    orm,
    server,
    statements,
    token: demoUserTokens(),
    gql: (token, query, variables) => postGraphQL(server.url, token, query, variables),
    sql: <T>(query: string, params?: unknown[]) => orm.em.fork().execute(query, params ?? []) as Promise<T[]>,
    stop: async () => {
      await server.stop();
      await stopExtra?.();
      await orm.close(true);
      await db.drop();
    },
  };
}

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** Signs an RS256 token with this issuer's key; override any claim or the lifetime. */
  sign(claims?: JWTPayload, options?: { expiresIn?: string | number; issuer?: string; audience?: string | string[] }): Promise<string>;
  stop(): Promise<void>;
}

/** A local identity provider for unit tests: one RS256 key pair, its JWKS on 127.0.0.1. */
export async function startTestIssuer(audience = 'kinerja-api'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/protocol/openid-connect/certs')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;
  return {
    issuer: base,
    jwksUrl: `${base}/protocol/openid-connect/certs`,
    audience,
    sign: async (claims = {}, options = {}) =>
      new SignJWT({ realm_access: { roles: ['pegawai'] }, region_code: 'ID', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(typeof claims.sub === 'string' ? claims.sub : randomUUID())
        .setIssuer(options.issuer ?? base)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SubgraphProcess {
  /** The GraphQL endpoint, http://127.0.0.1:<port>/graphql. */
  url: string;
  database: TestDatabase;
  /** The last 20 000 characters the process wrote, for failure messages. */
  output: () => string;
  /**
   * SIGSTOP to its process group: the subgraph freezes with its sockets open, so connections are
   * accepted by the kernel and never answered (a hung service, not a dead one).
   */
  pause(): void;
  /** SIGCONT: a paused process runs again. */
  resume(): void;
  /** SIGTERM, SIGKILL of its process group after 10 s, then drops the database (resumes it first if paused). */
  stop(): Promise<void>;
  /**
   * SIGKILL of its process group at once, as a crash or an OOM kill would end it: no shutdown hook runs.
   * The database stays, so a new process can be started on it (`database` option) to see what survived.
   */
  kill(): Promise<void>;
}

export interface SubgraphProcessOptions {
  /** For messages and the database name. */
  name: string;
  /** Absolute path of the TypeScript entry point (`serviceEntryPoint('personnel')`). */
  main: string;
  env?: Record<string, string | undefined>;
  /** Extra variables for the child on top of `env`. */
  extraEnv?: Record<string, string>;
  logLevel?: string;
  /** Run on this existing database (kept when the process stops) instead of a fresh one. */
  database?: TestDatabase;
}

/** services/<service>/src/main.ts, the entry point the launcher runs. */
export function serviceEntryPoint(service: string): string {
  return fileURLToPath(new URL(`../../${service}/src/main.ts`, import.meta.url));
}

async function waitForHealth(name: string, url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

function killProcessGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * A real subgraph entry point as a child process on a kernel-chosen port with a fresh database of its own,
 * the way the launcher runs it, ready once /healthz answers. It is started through the launcher's parent
 * watchdog, so it stops too when the test process is killed (a vitest timeout, Ctrl-C, SIGKILL).
 */
export async function startSubgraphProcess({ name, main, env = process.env, extraEnv = {}, logLevel = 'warn', database: given }: SubgraphProcessOptions): Promise<SubgraphProcess> {
  const database = given ?? (await createTestDatabase(`process_${name}`, env));
  const port = await findFreePort();
  let log = '';
  const child = spawnTiedToParent(process.execPath, [main], {
    // OPS_PORT 0: PORT + 1000 may belong to another process on a shared machine.
    env: { ...env, OPS_PORT: '0', ...extraEnv, PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: logLevel },
    stdout: 'pipe',
    stderr: 'pipe',
    graceMs: 10_000,
  });
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;
  let paused = false;
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    // The watchdog leads the group, so the subgraph and its watchdog stop and continue together.
    process.kill(-child.pid, signal);
  };
  const pause = () => {
    signalGroup('SIGSTOP');
    paused = true;
  };
  const resume = () => {
    signalGroup('SIGCONT');
    paused = false;
  };
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      // A stopped process keeps SIGTERM pending until it continues.
      if (paused) resume();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // The watchdog passes SIGTERM on to the subgraph; SIGKILL cannot be passed on, so it goes to the group.
        const killTimer = setTimeout(() => killProcessGroup(child), 10_000);
        await exited;
        clearTimeout(killTimer);
      }
      if (!given) await database.drop();
    })();
    return stopped;
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killProcessGroup(child);
    await exited;
  };
  try {
    await waitForHealth(name, `http://127.0.0.1:${port}/healthz`, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, database, output, pause, resume, stop, kill };
}

function testKafka(env: Record<string, string | undefined>): Kafka {
  const brokers = (env['KAFKA_BROKERS'] ?? 'localhost:9092').split(',');
  return new Kafka({ clientId: 'kit-test-admin', brokers, logLevel: kafkaLogLevel.NOTHING });
}

export interface TestConsumerGroup {
  groupId: string;
  /** Deletes the group (best effort: a group the broker still lists, e.g. mid-rebalance, expires on its own). */
  delete(): Promise<void>;
}

/**
 * A consumer group of its own for a subgraph under test, positioned at the current end of `topic` on
 * the real broker, so the process reads only what is published from now on, not what earlier runs left
 * on the shared broker. Creates the topic and its .dlq first on a fresh broker (CI's), the way the
 * services' consumers do. Each service's test/support process starter uses it (e.g. competency's).
 */
export async function startConsumerAtTopicEnd(
  groupId: string,
  topic: string,
  env: Record<string, string | undefined> = process.env,
): Promise<TestConsumerGroup> {
  const kafka = testKafka(env);
  await ensureTopics(kafka, [topic]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    // The topic may have been created a moment ago by another test file: wait until its leader serves it.
    const ends = await whileTopicsSettle(() => admin.fetchTopicOffsets(topic));
    await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
  } finally {
    await admin.disconnect();
  }
  return {
    groupId,
    async delete() {
      const cleanup = testKafka(env).admin();
      await cleanup.connect();
      try {
        await cleanup.deleteGroups([groupId]).catch(() => undefined);
      } finally {
        await cleanup.disconnect();
      }
    },
  };
}
