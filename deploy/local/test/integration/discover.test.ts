import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { findLauncherPostgres, postgresCandidates } from '../../src/discover.ts';
import { findFreePort } from '../../src/ports.ts';
import { embeddedDatabaseUrl } from '../../src/postgres.ts';
import { writeRecord } from '../../src/state.ts';

// How bench and seed find the launcher's PostgreSQL when given no URL. Each case has its own
// KINERJA_LOCAL_DIR (run records) and a port where nothing answers, so only what the case sets up counts.
describe('finding the PostgreSQL server the launcher runs', () => {
  let local: string;
  let silentPort: number;

  beforeEach(async () => {
    local = await mkdtemp(join(tmpdir(), 'kinerja-discover-'));
    silentPort = await findFreePort();
  });
  afterEach(async () => {
    await rm(local, { recursive: true, force: true });
  });

  const env = () => ({ KINERJA_LOCAL_DIR: local, KINERJA_POSTGRES_PORT: String(silentPort) });
  const recordServer = (address: string, pid: number, commandMatch: string) =>
    writeRecord(join(local, 'run'), { component: 'postgres', pid, commandMatch, address, logFile: join(local, 'postgres.log'), startedAt: new Date().toISOString() });

  it('takes DATABASE_URL as given, without trying anything else', async () => {
    const url = 'postgres://someone@db.example.go.id:5432/postgres';
    expect(await findLauncherPostgres({ ...env(), DATABASE_URL: url })).toEqual({ url, source: 'DATABASE_URL' });
  });

  it('finds the server this checkout started from its run record', async () => {
    // The record of a running server (this test process stands in for the postmaster).
    const running = inject('kinerjaInfra').databaseUrl;
    recordServer(running, process.pid, 'node');
    expect(await findLauncherPostgres(env())).toEqual({ url: running, source: `started by the launcher (pid ${process.pid})` });
  });

  it('ignores the record of a server that is no longer running, and tries the embedded port last', () => {
    const exited = spawnSync('true').pid;
    recordServer('postgres://postgres:postgres@127.0.0.1:1/postgres', exited, 'postgres');
    expect(postgresCandidates(env())).toEqual([{ url: embeddedDatabaseUrl(silentPort), source: `the embedded server on 127.0.0.1:${silentPort}` }]);
  });

  it('answers undefined when nothing answers', async () => {
    expect(await findLauncherPostgres(env())).toBeUndefined();
  });

  // Meaningful only when the run uses the launcher's embedded server (npm test without DATABASE_URL);
  // with another server it is reported as skipped.
  const shared = new URL(inject('kinerjaInfra').databaseUrl);
  const sharedIsEmbedded = inject('kinerjaInfra').databaseUrl === embeddedDatabaseUrl(Number(shared.port));
  it.skipIf(!sharedIsEmbedded)('finds the embedded server on its port when no record names it (another checkout started it)', async () => {
    expect(await findLauncherPostgres({ KINERJA_LOCAL_DIR: local, KINERJA_POSTGRES_PORT: shared.port })).toEqual({
      url: embeddedDatabaseUrl(Number(shared.port)),
      source: `the embedded server on 127.0.0.1:${shared.port}`,
    });
  });
});
