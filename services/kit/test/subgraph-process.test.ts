// startSubgraphProcess against the real PostgreSQL with a stand-in entry point: the process gets a fresh
// database of its own and a free port, and `stop` ends the process and drops the database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceEntryPoint, startSubgraphProcess, type SubgraphProcess } from '../src/testing.ts';

const standIn = fileURLToPath(new URL('./fixtures/health-server.ts', import.meta.url));
const owner = fileURLToPath(new URL('./fixtures/subgraph-owner.ts', import.meta.url));

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startSubgraphProcess', () => {
  let running: SubgraphProcess;

  beforeAll(async () => {
    running = await startSubgraphProcess({ name: 'stand_in', main: standIn });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('runs the entry point on its own fresh database and a free port, and stops it and drops the database', async () => {
    const answer = (await (await fetch(running.url)).json()) as { database: string; pid: number };
    expect(answer.database).toBe(running.database.name);
    expect(await databaseExists(running.database.name)).toBe(true);
    expect(running.output()).toMatch(/listening on \d+/);

    await running.stop();
    expect(isAlive(answer.pid)).toBe(false);
    expect(await databaseExists(running.database.name)).toBe(false);
  });

  it('fails with the output of an entry point that exits at start, leaving no database behind', async () => {
    const admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    const count = async () => Number((await admin.query("select count(*) as n from pg_database where datname like 'test_process_failing_%'")).rows[0].n);
    try {
      const existing = await count();
      await expect(startSubgraphProcess({ name: 'failing', main: standIn, extraEnv: { FAIL_AT_START: 'no configuration' } })).rejects.toThrow(
        /failing exited with 3:\nrefusing to start: no configuration/,
      );
      expect(await count()).toBe(existing);
    } finally {
      await admin.end();
    }
  });

  it('does not outlive a test process killed with SIGKILL', async () => {
    const ownerProcess = spawn(process.execPath, [owner], { stdio: ['ignore', 'pipe', 'inherit'] });
    const started = await new Promise<{ pid: number; database: string }>((resolve, reject) => {
      let printed = '';
      ownerProcess.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes('\n')) resolve(JSON.parse(printed) as { pid: number; database: string });
      });
      ownerProcess.once('exit', (code) => reject(new Error(`the owner exited with ${code}`)));
    });
    const admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    try {
      expect(isAlive(started.pid)).toBe(true);
      ownerProcess.kill('SIGKILL');
      await expect.poll(() => isAlive(started.pid), { timeout: 15_000, interval: 100 }).toBe(false);
    } finally {
      // Nobody was left to drop it.
      await admin.query(`drop database if exists "${started.database}" with (force)`);
      await admin.end();
    }
  });

  it('names the services\' entry points', () => {
    expect(serviceEntryPoint('personnel')).toMatch(/\/services\/personnel\/src\/main\.ts$/);
  });
});
