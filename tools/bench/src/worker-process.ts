// The benches that measure one process's memory (--tpp-run, --siasn-import) run their work in a child
// process: its resident set is the work's alone. The worker prints one JSON object on stdout; its stderr
// lines go to the bench's log.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs `worker` (a URL of a .ts file) with `env` added and resolves with the JSON it printed. Node options
 * for the worker alone come from BENCH_WORKER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`,
 * which NODE_OPTIONS refuses), so a profile shows the measured work and not the bench around it.
 */
export function runJsonWorker<T>(worker: URL, env: Record<string, string>, log: (line: string) => void, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env['BENCH_WORKER_NODE_ARGS']?.split(' ').filter(Boolean) ?? []), fileURLToPath(worker)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-20_000);
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  worker: ${line.trim()}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`${what} printed no result: ${out.slice(-500)}`));
      }
    });
  });
}
