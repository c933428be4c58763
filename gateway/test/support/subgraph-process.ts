// Runs a real subgraph entry point as a child process on a free port with its own fresh database, the way
// the launcher runs it, and stops it (SIGTERM, then SIGKILL) and drops the database afterwards. It is
// started through the launcher's parent watchdog, so it stops too when the test process is killed.
import { findFreePort, spawnTiedToParent } from '@kinerja/local-infra';
import type { ChildProcess } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';

export interface SubgraphProcess {
  url: string;
  database: TestDatabase;
  /** The last 20 000 characters the process wrote, for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

export interface SubgraphProcessOptions {
  /** For messages and the database name. */
  name: string;
  /** Absolute path of the TypeScript entry point. */
  main: string;
  env?: Record<string, string | undefined>;
  /** Extra variables for the child on top of `env`. */
  extraEnv?: Record<string, string>;
  logLevel?: string;
}


async function waitForHealth(
  name: string,
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
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

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export async function startSubgraphProcess({
  name,
  main,
  env = process.env,
  extraEnv = {},
  logLevel = 'warn',
}: SubgraphProcessOptions): Promise<SubgraphProcess> {
  const database = await createTestDatabase(`gateway_${name}`, env);
  const port = await findFreePort();
  let log = '';
  const child = spawnTiedToParent(process.execPath, [main], {
    env: { ...env, ...extraEnv, PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: logLevel },
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
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // The watchdog passes SIGTERM on; SIGKILL cannot be passed on, so it goes to the whole group.
        const killTimer = setTimeout(() => killGroup(child), 10_000);
        await exited;
        clearTimeout(killTimer);
      }
      await database.drop();
    })();
    return stopped;
  };
  try {
    await waitForHealth(name, `http://127.0.0.1:${port}/healthz`, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, database, output, stop };
}
