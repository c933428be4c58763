import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine } from '@kinerja/cli';
import { findFreePort } from '@kinerja/local-infra';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchArguments, benchCommandLine, benchOptions } from '../src/settings.ts';

function command(args: string[]) {
  const outcome = parseCommandLine(benchCommandLine, args);
  if (outcome.kind !== 'run') throw new Error('expected options, got --help');
  return benchArguments(outcome);
}

// `npm start` then `npm run bench` with no URL: the bench must find the launcher's PostgreSQL itself
// (the report said "PostgreSQL: unknown" and "SQL counted with `unavailable`" when it guessed 5432).
describe('the bench database', () => {
  let local: string;
  const log: string[] = [];
  beforeEach(async () => {
    local = await mkdtemp(join(tmpdir(), 'kinerja-bench-settings-'));
    log.length = 0;
  });
  afterEach(async () => {
    await rm(local, { recursive: true, force: true });
  });

  // The launcher's embedded server, whose URL the globalSetup hands to the tests in DATABASE_URL, as
  // `npm test` runs it; with another server this case is reported as skipped.
  const running = new URL(process.env['DATABASE_URL'] ?? 'postgres://unset/');
  const embedded = running.href === `postgres://postgres:postgres@127.0.0.1:${running.port}/postgres`;
  it.skipIf(!embedded)('is the server the launcher runs when neither --database-url nor DATABASE_URL is given', async () => {
    const env = { KINERJA_LOCAL_DIR: local, KINERJA_POSTGRES_PORT: running.port };
    const options = await benchOptions(command([]), env, (line) => log.push(line));
    expect(options.databaseServerUrl).toBe(`postgres://postgres:postgres@127.0.0.1:${running.port}/postgres`);
    expect(log).toEqual([`PostgreSQL: postgres://postgres:***@127.0.0.1:${running.port}/postgres (the embedded server on 127.0.0.1:${running.port})`]);
    // And it answers the queries the report's dataset section runs.
    const client = new pg.Client({ connectionString: options.databaseServerUrl });
    await client.connect();
    try {
      expect((await client.query('show server_version')).rows[0].server_version).toMatch(/^\d+\.\d+/);
    } finally {
      await client.end();
    }
  });

  it('is --database-url when given, before DATABASE_URL', async () => {
    const options = await benchOptions(command(['--database-url', 'postgres://bench@db.example:5432/postgres']), { DATABASE_URL: 'postgres://other@x/postgres' }, (line) => log.push(line));
    expect(options.databaseServerUrl).toBe('postgres://bench@db.example:5432/postgres');
    expect(log).toEqual(['PostgreSQL: postgres://bench@db.example:5432/postgres (--database-url)']);
  });

  it('is reported as missing, with what was tried, when nothing answers', async () => {
    const silentPort = await findFreePort();
    await benchOptions(command([]), { KINERJA_LOCAL_DIR: local, KINERJA_POSTGRES_PORT: String(silentPort) }, (line) => log.push(line));
    expect(log).toEqual([
      `no PostgreSQL answers (tried the embedded server on 127.0.0.1:${silentPort}): the report will have no PostgreSQL version, dataset size or SQL counts; pass --database-url`,
    ]);
  });

  it('reads the command line into the run settings', () => {
    expect(command(['--duration', '3', '--connections', '4', '--repetitions', '2', '--scenarios', 'employee-list, training-needs'])).toMatchObject({
      durationSeconds: 3,
      connections: 4,
      sqlProbeRepetitions: 2,
      only: ['employee-list', 'training-needs'],
    });
  });

  it('reads the attendance ingest settings, with defaults, and refuses a device count of 0', () => {
    expect(command(['--scenarios', 'attendance-ingest'])).toMatchObject({ only: ['attendance-ingest'], ingest: { employees: 5000, devices: 4, linesPerPost: 500, cpuProfile: false } });
    expect(command(['--employees', '200', '--devices', '2', '--lines-per-post', '50', '--cpu-profile']).ingest).toEqual({ employees: 200, devices: 2, linesPerPost: 50, cpuProfile: true });
    expect(() => command(['--devices', '0'])).toThrow('--devices must be a whole number ≥ 1');
  });
});
