import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { SetupError } from './errors.ts';
import { localPaths } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { spawnManaged } from './process.ts';
import type { ManagedProcess } from './process.ts';
import type { Progress } from './progress.ts';
import { createProgress, timed } from './progress.ts';
import { postgresAnswers, waitUntilReady } from './readiness.ts';

const execFileAsync = promisify(execFile);

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

function binariesIn(nativeDir: string): PostgresBinaries {
  return { postgres: join(nativeDir, 'bin', 'postgres'), initdb: join(nativeDir, 'bin', 'initdb') };
}

/**
 * The folder holding bin/, lib/ and share/ of the PostgreSQL build for this machine, from the binaries
 * package that `embedded-postgres` brings in as an optional dependency. Only the binaries are used: the
 * launcher runs initdb and the server itself, so it can choose where they run from and as whom.
 */
export async function packagedNativeDir(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const { postgres } = (await import(name)) as PostgresBinaries;
    return dirname(dirname(postgres));
  } catch {
    throw new SetupError(`embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL to a running PostgreSQL`);
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; the launcher then runs it as the system user `postgres`. */
async function postgresUserIds(): Promise<RunAs | undefined> {
  if (userInfo().uid !== 0) return undefined;
  try {
    const uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new SetupError('running as root, but there is no system user "postgres" to run the embedded PostgreSQL as: create one (useradd postgres) or set DATABASE_URL');
  }
}

/**
 * Whether `user` can reach (search every folder above, and execute or search) each path. Asked of the
 * kernel as that user rather than worked out from mode bits, so ACLs and group membership count.
 */
function reachableBy(user: RunAs, paths: readonly string[]): boolean {
  const result = spawnSync('sh', ['-c', 'for path; do test -x "$path" || exit 1; done', 'sh', ...paths], {
    uid: user.uid,
    gid: user.gid,
    cwd: '/',
    stdio: 'ignore',
  });
  return result.status === 0;
}

/**
 * Where PostgreSQL's binaries and clusters go when the user running it (`postgres`, when we are root)
 * cannot enter the checkout, e.g. a clone under /root or in a mode-700 folder.
 */
export const POSTGRES_READABLE_DIR = '/var/lib/kinerja-asn';

/** `postgres (PostgreSQL) 18.4` → `postgres-18.4-linux-x64`: one copy per server version and machine type. */
function binariesCopyName(versionLine: string): string {
  const version = /(\d+(?:\.\d+)*)\s*$/.exec(versionLine.trim())?.[1];
  if (version === undefined) throw new SetupError(`cannot read the PostgreSQL version from "${versionLine.trim()}"`);
  return `postgres-${version}-${platform()}-${arch()}`;
}

/**
 * The binaries as `user` can run them: the packaged ones when that user can reach them, else a copy in
 * `readableDir` (made once per version, shared by every checkout; staged and renamed so a second launcher
 * never sees half a copy).
 */
async function binariesFor(user: RunAs | undefined, nativeDir: string, readableDir: string, progress: Progress): Promise<PostgresBinaries> {
  const packaged = binariesIn(nativeDir);
  if (!user || reachableBy(user, [packaged.postgres, packaged.initdb])) return packaged;
  // `postgres --version` answers before its refusal to run as root.
  const versionLine = (await execFileAsync(packaged.postgres, ['--version'])).stdout;
  const target = join(readableDir, binariesCopyName(versionLine));
  const copied = binariesIn(target);
  if (!existsSync(join(target, '.complete'))) {
    progress.info('postgres', `user postgres cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
    await makeReadableFolder(readableDir);
    const staging = `${target}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    // Readable (and where executable, runnable) by everyone, whatever umask node_modules was installed with.
    await execFileAsync('chmod', ['-R', 'a+rX', staging]);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    await writeFile(join(target, '.complete'), `${new Date().toISOString()} from ${nativeDir}\n`);
  }
  if (!reachableBy(user, [copied.postgres, copied.initdb])) {
    throw new SetupError(`user postgres cannot run the PostgreSQL binaries in ${target} either; make that folder readable for it or set DATABASE_URL`);
  }
  return copied;
}

async function makeReadableFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await chmod(path, 0o755);
}

/**
 * The cluster folder PostgreSQL runs on: the one asked for, unless the user running PostgreSQL cannot
 * reach its parent, then a folder under `readableDir` named after the one asked for (so the same
 * checkout and port find it again), with a note of which checkout it belongs to.
 */
async function clusterDirFor(user: RunAs | undefined, requested: string, readableDir: string): Promise<string> {
  if (!user || existsSync(join(requested, 'PG_VERSION'))) return requested;
  await mkdir(dirname(requested), { recursive: true });
  if (reachableBy(user, [dirname(dirname(requested))])) return requested;
  const id = createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 16);
  const home = join(readableDir, 'clusters', id);
  await makeReadableFolder(readableDir);
  await makeReadableFolder(join(readableDir, 'clusters'));
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'checkout.txt'), `cluster for ${resolve(requested)} (user postgres cannot reach that folder)\n`);
  return join(home, 'data');
}

/**
 * initdb with a superuser `postgres` whose password is `postgres` (scram), UTF-8 with the built-in
 * C.UTF-8 locale (the same collation on every machine, no dependency on the system's locales), messages
 * in English. The password file sits beside the cluster, readable only by the user running initdb.
 */
async function initialiseCluster(binaries: PostgresBinaries, dataDir: string, user: RunAs | undefined, logFile: string): Promise<void> {
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (user) await chown(parent, user.uid, user.gid);
  const passwordFile = join(parent, `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  try {
    const { stdout, stderr } = await execFileAsync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ],
      { cwd: parent, env: { ...process.env, LC_ALL: 'C' }, ...(user ?? {}) },
    );
    await appendFile(logFile, `${stdout}${stderr}`);
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    await appendFile(logFile, `${failure.stdout ?? ''}${failure.stderr ?? failure.message}\n`);
    const reason = (failure.stderr ?? '').trim().split('\n').at(-1) || failure.message.split('\n')[0];
    throw new SetupError(`embedded PostgreSQL initdb failed in ${dataDir}: ${reason}; see ${logFile}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
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
  /**
   * The cluster folder. Run as root, PostgreSQL runs as the user `postgres`; when that user cannot reach
   * this folder's parent the cluster lives under `readableDir` instead (see clusterDirFor).
   */
  dataDir?: string;
  /** The PostgreSQL build (bin/, lib/, share/); the `@embedded-postgres/<platform>-<arch>` package by default. */
  nativeDir?: string;
  /** Where binaries and clusters go that the user `postgres` could not reach; POSTGRES_READABLE_DIR by default. */
  readableDir?: string;
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
  const owner = await postgresUserIds();
  const readableDir = options.readableDir ?? POSTGRES_READABLE_DIR;
  const binaries = await binariesFor(owner, options.nativeDir ?? (await packagedNativeDir()), readableDir, progress);
  const clusterDir = await clusterDirFor(owner, dataDir, readableDir);
  await mkdir(logDir, { recursive: true });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    progress.info('postgres', `initialising a cluster in ${clusterDir}`);
    await initialiseCluster(binaries, clusterDir, owner, logFile);
  }

  progress.info('postgres', `starting embedded PostgreSQL on 127.0.0.1:${port}, log ${logFile}`);
  const databaseUrl = embeddedDatabaseUrl(port);
  const { value: child, took } = await timed(async () => {
    const managed = spawnManaged({
      name: 'postgres',
      command: binaries.postgres,
      args: ['-D', clusterDir, '-p', String(port), ...postgresServerSettings()],
      logFile,
      // A folder the server's user can enter: the checkout may be closed to it.
      cwd: dirname(clusterDir),
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
