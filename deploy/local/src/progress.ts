export interface Progress {
  info(component: string, message: string): void;
  warn(component: string, message: string): void;
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)}ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)}s`;
  const minutes = Math.floor(milliseconds / 60_000);
  const seconds = Math.round((milliseconds % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

/** Progress lines on stderr, prefixed with the time since the launcher started. */
export function createProgress(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Progress {
  const startedAt = performance.now();
  const stamp = () => formatDuration(performance.now() - startedAt).padStart(6);
  return {
    info: (component, message) => write(`[infra ${stamp()}] ${component}: ${message}`),
    warn: (component, message) => write(`[infra ${stamp()}] ${component}: WARNING ${message}`),
  };
}

export const silentProgress: Progress = { info: () => {}, warn: () => {} };

/** Runs `task` and returns its result with the time it took, for "ready in 3.2s" lines. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; took: string }> {
  const startedAt = performance.now();
  const value = await task();
  return { value, took: formatDuration(performance.now() - startedAt) };
}
