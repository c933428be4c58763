// Each scenario prints one line of counts (issue 14: "Each scenario prints its counts"), to the test
// output and to .local/logs/chaos.log, so a CI log shows what was measured, not only that it passed.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const logFile = resolve(import.meta.dirname, '../../../.local/logs/chaos.log');

export function printCounts(scenario: string, counts: Record<string, number | string | boolean>): string {
  const line = `chaos ${scenario}: ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(', ')}`;
  console.log(line);
  mkdirSync(dirname(logFile), { recursive: true });
  appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  return line;
}

/** Polls until `check` is true or the deadline passes; returns whether it became true. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 500): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
