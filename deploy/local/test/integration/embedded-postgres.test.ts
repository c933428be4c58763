import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/ports.ts';
import { startEmbeddedPostgres } from '../../src/postgres.ts';
import type { PostgresServer } from '../../src/postgres.ts';
import { silentProgress } from '../../src/progress.ts';

// A private embedded server on a kernel-chosen port with its own cluster folder: the shared one on
// 54329 keeps running and picks the settings up at its next start.
describe('embedded PostgreSQL started by the launcher', () => {
  let folder: string;
  let server: PostgresServer;
  let client: pg.Client;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kinerja-embedded-pg-'));
    server = await startEmbeddedPostgres({
      port: await findFreePort(),
      dataDir: join(folder, 'data'),
      logDir: join(folder, 'logs'),
      progress: silentProgress,
    });
    client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('preloads pg_stat_statements tracking every statement', async () => {
    const { rows } = await client.query<{ libraries: string; track: string }>(
      "select current_setting('shared_preload_libraries') as libraries, current_setting('pg_stat_statements.track') as track",
    );
    expect(rows[0]).toEqual({ libraries: 'pg_stat_statements', track: 'all' });
  });

  it('creates the extension and counts each call of a statement exactly', async () => {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select pg_stat_statements_reset()');
    for (let call = 0; call < 3; call += 1) await client.query('select $1::int + 1 as counted_by_pg_stat_statements', [call]);
    const { rows } = await client.query<{ calls: string }>(
      "select calls from pg_stat_statements where query like '%counted_by_pg_stat_statements%' and query not like '%pg_stat_statements where%'",
    );
    expect(rows.map((row) => Number(row.calls))).toEqual([3]);
  });
});
