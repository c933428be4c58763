import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  exited: Promise<ExitStatus>;
  stop(): Promise<void>;
}

export interface SpawnManagedOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Leave the child running after this launcher exits (`infra up`). */
  background?: boolean;
  /** PostgreSQL wants SIGINT (fast shutdown) on its postmaster only; JVMs take SIGTERM on the group. */
  stopSignal?: NodeJS.Signals;
  signalGroup?: boolean;
  stopTimeoutMs?: number;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a running process (Linux /proc), to tell our pid from a recycled one. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

function signal(pid: number, name: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, name);
  } catch {
    // Already gone.
  }
}

async function waitForExit(pid: number, exited: Promise<unknown> | undefined, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let done = false;
  void exited?.then(() => {
    done = true;
  });
  while (performance.now() < deadline) {
    if (done || (!exited && !isAlive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return done || (!exited && !isAlive(pid));
}

export interface StopOptions {
  signal?: NodeJS.Signals;
  group?: boolean;
  timeoutMs?: number;
  /** For children of this process: settles on their exit event (a reaped pid may be reused). */
  exited?: Promise<unknown>;
}

/** Asks a process (group) to stop, then kills it when it has not exited within the timeout. */
export async function stopProcess(pid: number, options: StopOptions = {}): Promise<void> {
  const group = options.group ?? true;
  signal(pid, options.signal ?? 'SIGTERM', group);
  if (await waitForExit(pid, options.exited, options.timeoutMs ?? 20_000)) return;
  signal(pid, 'SIGKILL', group);
  await waitForExit(pid, options.exited, 5000);
}

/**
 * Starts a server in its own process group with stdout and stderr appended to a log file, so that
 * stopping it also stops the JVM a shell script started, and Ctrl-C reaches it only through us.
 */
export function spawnManaged(options: SpawnManagedOptions): ManagedProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const logFd = openSync(options.logFile, 'a');
  try {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', logFd, logFd],
      detached: true,
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    if (child.pid === undefined) {
      throw new Error(`could not start ${options.name} (${options.command})`);
    }
    const exited = new Promise<ExitStatus>((resolve) => {
      child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
      child.once('error', () => resolve({ code: null, signal: null }));
    });
    if (options.background) child.unref();
    const pid = child.pid;
    return {
      name: options.name,
      pid,
      logFile: options.logFile,
      exited,
      stop: () =>
        stopProcess(pid, {
          signal: options.stopSignal ?? 'SIGTERM',
          group: options.signalGroup ?? true,
          timeoutMs: options.stopTimeoutMs ?? 20_000,
          exited,
        }),
    };
  } finally {
    closeSync(logFd);
  }
}
