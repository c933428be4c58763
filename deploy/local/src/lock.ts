import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { isAlive } from './process.ts';

/**
 * A lock file so that launchers started at the same time (several vitest runs under turbo) do not race
 * to start the same servers: the second one waits, then finds them answering and reuses them.
 */
export async function withFileLock<T>(file: string, task: () => Promise<T>, timeoutMs = 600_000): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = performance.now() + timeoutMs;
  while (!tryCreate(file)) {
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(file, 'utf8'));
    } catch {
      // Released between our open and read.
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) rmSync(file, { force: true });
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await task();
  } finally {
    rmSync(file, { force: true });
  }
}

/** Creates the lock file holding our pid; false when another process holds it. */
function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return true;
}
