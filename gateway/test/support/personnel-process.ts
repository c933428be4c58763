// Runs the real personnel subgraph (services/personnel/src/main.ts) as a child process on a free port,
// with its own fresh database, the way the launcher runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';

export interface PersonnelProcess {
  url: string;
  database: TestDatabase;
  output: () => string;
  stop(): Promise<void>;
}

const personnelMain = fileURLToPath(new URL('../../../services/personnel/src/main.ts', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`personnel exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`personnel did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

export async function startPersonnel(
  env: Record<string, string | undefined> = process.env,
): Promise<PersonnelProcess> {
  const database = await createTestDatabase('gateway_personnel', env);
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [personnelMain], {
    env: {
      ...env,
      PORT: String(port),
      DATABASE_URL: database.url,
      LOG_LEVEL: env['PERSONNEL_LOG_LEVEL'] ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killTimer);
    }
    await database.drop();
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, database, output, stop };
}
