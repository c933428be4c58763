import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  /**
   * Leave the child running after this launcher exits (`infra up`). Otherwise the child is tied to this
   * process: it is stopped when this process dies, even by SIGKILL (see spawnTiedToParent).
   */
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
  /** Kill the whole process group when the stop signal was not enough, even if it went to the pid only. */
  killGroup?: boolean;
}

/** Asks a process (group) to stop, then kills it when it has not exited within the timeout. */
export async function stopProcess(pid: number, options: StopOptions = {}): Promise<void> {
  const group = options.group ?? true;
  signal(pid, options.signal ?? 'SIGTERM', group);
  if (await waitForExit(pid, options.exited, options.timeoutMs ?? 20_000)) return;
  signal(pid, 'SIGKILL', options.killGroup ?? group);
  await waitForExit(pid, options.exited, 5000);
}

const watchdogScript = fileURLToPath(new URL('./parent-watchdog.ts', import.meta.url));

/** Where a tied server's stdout or stderr goes: a pipe to us, nowhere, our own, or an open file descriptor. */
export type ServerOutput = 'pipe' | 'ignore' | 'inherit' | number;

export interface TiedSpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** stdout and stderr of the server (stdin is the watchdog's lifeline and never reaches the server). */
  stdout?: ServerOutput;
  stderr?: ServerOutput;
  uid?: number;
  gid?: number;
  /** What the server gets when this process dies; SIGTERM by default. */
  stopSignal?: NodeJS.Signals;
  /** Send that signal to the whole process group rather than the server only. */
  signalGroup?: boolean;
  /** After this long the group is killed (SIGKILL). */
  graceMs?: number;
}

/**
 * Starts `command` through a small watchdog process (parent-watchdog.ts) that leads a new process group
 * and stops the server when this process dies, whatever kills it: it holds a pipe from us on its stdin
 * and reads end-of-file when the kernel closes our end. Signals sent to the returned child (the watchdog)
 * are passed on to the server, and it exits the way the server did, so callers treat it as the server.
 * Stopping the group (`process.kill(-child.pid, …)`) reaches both.
 */
export function spawnTiedToParent(command: string, args: string[], options: TiedSpawnOptions = {}): ChildProcess {
  const config = {
    command,
    args,
    stopSignal: options.stopSignal ?? 'SIGTERM',
    signalGroup: options.signalGroup ?? true,
    graceMs: options.graceMs ?? 20_000,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  };
  return spawn(process.execPath, [watchdogScript, JSON.stringify(config)], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', options.stdout ?? 'inherit', options.stderr ?? 'inherit'],
    detached: true,
  });
}

/**
 * Starts a server in its own process group with stdout and stderr appended to a log file, so that
 * stopping it also stops the JVM a shell script started, and Ctrl-C reaches it only through us.
 * Unless it is a background server, it is started through the watchdog of spawnTiedToParent.
 */
export function spawnManaged(options: SpawnManagedOptions): ManagedProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const logFd = openSync(options.logFile, 'a');
  try {
    const stopSignal = options.stopSignal ?? 'SIGTERM';
    const signalGroup = options.signalGroup ?? true;
    const stopTimeoutMs = options.stopTimeoutMs ?? 20_000;
    const child = options.background
      ? spawn(options.command, options.args, {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdio: ['ignore', logFd, logFd],
          detached: true,
          ...(options.uid === undefined ? {} : { uid: options.uid }),
          ...(options.gid === undefined ? {} : { gid: options.gid }),
        })
      : spawnTiedToParent(options.command, options.args, {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdout: logFd,
          stderr: logFd,
          stopSignal,
          signalGroup,
          graceMs: stopTimeoutMs,
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
          signal: stopSignal,
          group: signalGroup,
          timeoutMs: stopTimeoutMs,
          exited,
          // The watchdog may be gone already while the server is still running in its group.
          killGroup: true,
        }),
    };
  } finally {
    closeSync(logFd);
  }
}
