// Starts Hive Gateway (@graphql-hive/gateway, the gateway our users would otherwise switch to) on the
// supergraph our gateway serves, so every scenario can be run against both in one bench run (issue 13).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findFreePort, spawnTiedToParent } from '@kinerja/local-infra';

export interface HiveGateway {
  url: string;
  version: string;
  stop(): Promise<void>;
}

const configPath = resolve(import.meta.dirname, '../hive/gateway.config.ts');

/**
 * The supergraph with each subgraph's routing URL replaced: the composed file names the default ports,
 * while a bench may run subgraphs elsewhere (the launcher on free ports, the live test on port 0).
 */
export function pointSupergraphAt(supergraphSdl: string, urls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (whole, name: string) => {
    const url = urls[name];
    return url === undefined ? whole : `@join__graph(name: "${name}", url: "${url}")`;
  });
}

function hiveBin(): { bin: string; version: string } {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@graphql-hive/gateway/package.json');
  const pkg = require(packageJson) as { version: string; bin: Record<string, string> };
  return { bin: join(dirname(packageJson), pkg.bin['hive-gateway'] as string), version: pkg.version };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway stopped (exit ${child.exitCode}): ${output().slice(-500)}`);
    try {
      const answer = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Hive Gateway not ready after ${timeoutMs / 1000} s: ${output().slice(-500)}`);
}

export async function startHiveGateway(options: { supergraphSdl: string; timeoutMs?: number }): Promise<HiveGateway> {
  const { bin, version } = hiveBin();
  const folder = mkdtempSync(join(tmpdir(), 'kinerja-hive-'));
  const supergraphFile = join(folder, 'supergraph.graphql');
  writeFileSync(supergraphFile, options.supergraphSdl);
  const port = await findFreePort();
  let output = '';
  const child = spawnTiedToParent(process.execPath, [bin, 'supergraph', supergraphFile, '--config-path', configPath, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: folder,
    env: { ...process.env, NODE_ENV: 'production' },
    stdout: 'pipe',
    stderr: 'pipe',
    graceMs: 5000,
  });
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/healthcheck`, child, () => output, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, version, stop };
}
