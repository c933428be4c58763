import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isAlive, processCommandLine } from './process.ts';

/** What the launcher started, kept under .local/run so `infra down` can stop it from another process. */
export const StartedServerRecord = z.object({
  component: z.enum(['postgres', 'kafka', 'keycloak']),
  pid: z.number().int().positive(),
  /** A fragment of the command line, to tell our process from a recycled pid. */
  commandMatch: z.string().min(1),
  address: z.string(),
  logFile: z.string(),
  startedAt: z.string(),
});
export type StartedServerRecord = z.infer<typeof StartedServerRecord>;

/**
 * One file per component and address: a private set on other ports (KINERJA_*_PORT) started from the same
 * checkout must neither overwrite nor, when it stops, remove the record of the default set.
 */
export function recordFile(runDir: string, record: Pick<StartedServerRecord, 'component' | 'address'>): string {
  return join(runDir, `${record.component}@${record.address.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
}

export function writeRecord(runDir: string, record: StartedServerRecord): void {
  mkdirSync(runDir, { recursive: true });
  writeFileSync(recordFile(runDir, record), `${JSON.stringify(record, null, 2)}\n`);
}

export function removeRecord(runDir: string, record: Pick<StartedServerRecord, 'component' | 'address'>): void {
  rmSync(recordFile(runDir, record), { force: true });
}

export function readRecords(runDir: string): StartedServerRecord[] {
  let names: string[];
  try {
    names = readdirSync(runDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const records: StartedServerRecord[] = [];
  for (const name of names) {
    try {
      const parsed = StartedServerRecord.safeParse(JSON.parse(readFileSync(join(runDir, name), 'utf8')));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // An unreadable record is treated as absent.
    }
  }
  return records;
}

/** The recorded process is still alive and still the program we started. */
export function isRecordedProcessRunning(record: StartedServerRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const commandLine = processCommandLine(record.pid);
  return commandLine === undefined || commandLine.includes(record.commandMatch);
}
