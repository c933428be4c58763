// Servers started by tests (private brokers, subgraph processes) must not outlive a test process that is
// killed (a vitest timeout, Ctrl-C, SIGKILL of the worker), while `infra up` servers must. An owner
// process starts a server the way the launcher does, the test SIGKILLs the owner, and polls the server.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/process.ts';

const ownerScript = fileURLToPath(new URL('../fixtures/server-owner.ts', import.meta.url));

// Prints its pid to the log, then runs until killed.
const sleeper = { command: 'sh', args: ['-c', 'echo "server $$"; exec sleep 300'] };
// Ignores SIGTERM, so only the watchdog's SIGKILL after the grace period stops it.
const stubborn = {
  command: process.execPath,
  args: ['-e', "process.on('SIGTERM', () => {}); console.log('server ' + process.pid); setInterval(() => {}, 60000);"],
};

interface Owned {
  owner: ReturnType<typeof spawn>;
  serverPid: number;
}

describe('servers tied to the process that started them', () => {
  let folder: string;
  const leftovers: number[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'infra-parent-death-'));
  });
  afterEach(async () => {
    for (const pid of leftovers.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await rm(folder, { recursive: true, force: true });
  });

  async function startOwned(how: 'managed' | 'background' | 'tied', server: { command: string; args: string[] }): Promise<Owned> {
    const logFile = join(folder, `${how}.log`);
    const owner = spawn(process.execPath, [ownerScript, JSON.stringify({ how, ...server, logFile, stopTimeoutMs: 1000 })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let serverPid: number | undefined;
    while (serverPid === undefined) {
      if (owner.exitCode !== null) throw new Error(`the owner exited with ${owner.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const match = /server (\d+)/.exec(await readFile(logFile, 'utf8').catch(() => ''));
      if (match) serverPid = Number(match[1]);
    }
    leftovers.push(serverPid);
    return { owner, serverPid };
  }

  async function killOwner(owner: ReturnType<typeof spawn>): Promise<void> {
    const exited = new Promise((resolve) => owner.once('exit', resolve));
    owner.kill('SIGKILL');
    await exited;
  }

  it('stops a managed server when its owner is killed with SIGKILL', async () => {
    const { owner, serverPid } = await startOwned('managed', sleeper);
    expect(isAlive(serverPid)).toBe(true);
    await killOwner(owner);
    await expect.poll(() => isAlive(serverPid), { timeout: 15_000, interval: 100 }).toBe(false);
  });

  it('kills a server that ignores the stop signal once the grace period is over', async () => {
    const { owner, serverPid } = await startOwned('tied', stubborn);
    await killOwner(owner);
    await expect.poll(() => isAlive(serverPid), { timeout: 15_000, interval: 100 }).toBe(false);
  });

  it('leaves a background server (`infra up`) running after its owner is killed', async () => {
    const { owner, serverPid } = await startOwned('background', sleeper);
    await killOwner(owner);
    // Give a watchdog, were there one, the time it needs to act on the closed pipe.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(isAlive(serverPid)).toBe(true);
  });
});
