import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/lock.ts';
import { isAlive, spawnManaged } from '../../src/process.ts';
import { isRecordedProcessRunning, readRecords, removeRecord, writeRecord } from '../../src/state.ts';
import type { StartedServerRecord } from '../../src/state.ts';

/** Alive and not a zombie waiting for a reaper (a container's pid 1 may never reap it). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('started-server records and process supervision', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'infra-state-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('stops a whole process group (a script and the program it started) and logs to the file', async () => {
    const logFile = join(folder, 'child.log');
    const managed = spawnManaged({ name: 'sleeper', command: 'sh', args: ['-c', 'sleep 300 & echo "grandchild $!"; wait'], logFile });
    let grandchild: number | undefined;
    while (grandchild === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const match = /grandchild (\d+)/.exec(await readFile(logFile, 'utf8'));
      if (match) grandchild = Number(match[1]);
    }
    expect(isRunning(grandchild)).toBe(true);
    await managed.stop();
    await managed.exited;
    expect(isAlive(managed.pid)).toBe(false);
    await expect.poll(() => isRunning(grandchild)).toBe(false);
  });

  it('recognises a recorded pid only while it runs the recorded program', async () => {
    const child = spawn('sleep', ['300']);
    const record: StartedServerRecord = {
      component: 'kafka',
      pid: child.pid ?? 0,
      commandMatch: 'sleep',
      address: 'localhost:9092',
      logFile: '/dev/null',
      startedAt: new Date().toISOString(),
    };
    writeRecord(folder, record);
    expect(readRecords(folder)).toEqual([record]);
    expect(isRecordedProcessRunning(record)).toBe(true);
    expect(isRecordedProcessRunning({ ...record, commandMatch: 'kafka.Kafka' })).toBe(false);
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    expect(isRecordedProcessRunning(record)).toBe(false);
    removeRecord(folder, record);
    expect(readRecords(folder)).toEqual([]);
  });

  it('keeps the records of a private set on other ports apart from the default set', () => {
    const base = { component: 'kafka' as const, pid: 1, commandMatch: 'kafka.Kafka', logFile: '/dev/null', startedAt: new Date().toISOString() };
    const shared = { ...base, address: 'localhost:9092' };
    const privateSet = { ...base, pid: 2, address: 'localhost:29092' };
    writeRecord(folder, shared);
    writeRecord(folder, privateSet);
    expect(readRecords(folder).map((record) => record.address).sort()).toEqual(['localhost:29092', 'localhost:9092']);
    removeRecord(folder, privateSet);
    expect(readRecords(folder)).toEqual([shared]);
    removeRecord(folder, shared);
  });

  it('ignores malformed record files', async () => {
    await writeFile(join(folder, 'kafka.json'), '{"component":"kafka","pid":-1}');
    await writeFile(join(folder, 'keycloak.json'), 'not json');
    expect(readRecords(folder)).toEqual([]);
  });

  it('serialises concurrent holders of a file lock and takes over a lock left by a dead process', async () => {
    const lock = join(folder, 'ensure.lock');
    const order: string[] = [];
    const hold = (name: string) =>
      withFileLock(lock, async () => {
        order.push(`${name}:in`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push(`${name}:out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(order).toEqual(['a:in', 'a:out', 'b:in', 'b:out']);

    const dead = spawn('true');
    await new Promise((resolve) => dead.once('exit', resolve));
    await writeFile(lock, String(dead.pid));
    await expect(withFileLock(lock, async () => 'taken over', 10_000)).resolves.toBe('taken over');
  });
});
