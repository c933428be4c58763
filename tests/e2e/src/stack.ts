/**
 * Vitest global setup of the browser suite: the whole app stack started through the launcher exactly as
 * `npm start` does (deploy/local/src/start.ts, demo data on first start, PostgreSQL/Kafka/Keycloak
 * reused when they answer), on the default ports when they are all free and on free ports otherwise
 * (KINERJA_<NAME>_PORT), so a developer's own `npm start` or any other program on 4000–4005/5173 does
 * not fail the run. Everything started here is stopped afterwards and Keycloak's web client restored.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  appPortVariable,
  createProgress,
  ensureInfra,
  findFreePort,
  isPortOpen,
  localPaths,
  planApps,
  readAppWorkspaces,
  spawnTiedToParent,
  startKafkaBroker,
} from '@kinerja/local-infra';
import { keycloakAdmin } from './keycloak-admin.ts';

export interface ProvidedStack {
  webUrl: string;
  gatewayUrl: string;
  keycloakUrl: string;
  keycloakRealm: string;
  /** False when the default ports were busy and the stack runs on free ones. */
  defaultPorts: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kinerjaStack: ProvidedStack;
  }
}

const readyLine = 'Kinerja ASN is running';
const startTimeoutMs = 240_000;

/** Default ports when every one is free, else a free port for every app. */
async function choosePorts(names: string[], defaults: Map<string, number>): Promise<Record<string, string>> {
  const busy = await Promise.all(names.map((name) => isPortOpen(defaults.get(name) ?? 0)));
  if (!busy.some(Boolean)) return {};
  const env: Record<string, string> = {};
  for (const name of names) env[appPortVariable(name)] = String(await findFreePort());
  return env;
}

function waitForLauncher(launcher: ChildProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the launcher was not ready after ${startTimeoutMs / 1000}s; see ${logFile}`)),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const notStarted = /(\S+): not started: (.*)/.exec(output);
      if (notStarted) {
        clearTimeout(timer);
        reject(new Error(`the launcher could not start ${notStarted[1]}: ${notStarted[2]} (see ${logFile})`));
      } else if (output.includes(readyLine)) {
        clearTimeout(timer);
        resolve();
      }
    };
    launcher.stdout?.on('data', onData);
    launcher.stderr?.on('data', onData);
    launcher.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the launcher exited (${code}) before the stack was ready; see ${logFile}`));
    });
  });
}

async function stopLauncher(launcher: ChildProcess): Promise<void> {
  if (launcher.exitCode !== null || launcher.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => launcher.once('exit', () => resolve()));
  launcher.kill('SIGINT');
  const gaveUp = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 45_000)),
  ]);
  if (gaveUp && launcher.pid !== undefined) {
    try {
      process.kill(-launcher.pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const paths = localPaths();
  const infra = await ensureInfra({ progress: createProgress() });
  const plans = planApps(await readAppWorkspaces(paths.repoRoot), infra);
  const defaults = new Map(plans.map((plan) => [plan.name, plan.port]));
  const portEnv = await choosePorts(
    plans.map((plan) => plan.name),
    defaults,
  );
  // A Kafka broker of the stack's own: under `npm test` the other workspaces' suites publish employees
  // with the demo NIPs on the shared broker's personnel.employee.v1, and the stack's services would apply
  // them to their read models (a second record for the demo pegawai, without an office or an SKP).
  const kafkaDir = await mkdtemp(join(tmpdir(), 'kinerja-e2e-kafka-'));
  const kafka = await startKafkaBroker({ port: await findFreePort(), controllerPort: await findFreePort(), dataDir: kafkaDir, progress: createProgress() });
  const env = { ...process.env, ...infra.env, KAFKA_BROKERS: kafka.brokers.join(','), ...portEnv };
  const chosen = new Map(
    planApps(await readAppWorkspaces(paths.repoRoot), infra, 'info', env).map((plan) => [plan.name, plan]),
  );
  const web = chosen.get('web');
  const gateway = chosen.get('gateway');
  if (!web || !gateway) throw new Error('the browser suite needs the gateway and web workspaces');
  const webOrigin = new URL(web.url).origin;

  const restoreClient = await keycloakAdmin(infra.keycloakUrl, infra.keycloakRealm).prepareWebClient(
    webOrigin,
  );
  await mkdir(paths.logs, { recursive: true });
  const logFile = join(paths.logs, 'e2e-launcher.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n--- ${new Date().toISOString()} browser suite: ${JSON.stringify(portEnv)}\n`);
  const launcher = spawnTiedToParent(process.execPath, [join(paths.repoRoot, 'deploy/local/src/start.ts')], {
    cwd: paths.repoRoot,
    env,
    stdout: 'pipe',
    stderr: 'pipe',
    stopSignal: 'SIGINT',
    signalGroup: false,
    graceMs: 40_000,
  });
  launcher.stdout?.pipe(log, { end: false });
  launcher.stderr?.pipe(log, { end: false });

  const teardown = async () => {
    await stopLauncher(launcher);
    // The watchdog's lifeline and our pipes would keep this process (vitest) alive.
    launcher.stdin?.destroy();
    launcher.stdout?.destroy();
    launcher.stderr?.destroy();
    log.end();
    await restoreClient();
    await kafka.stop();
    await rm(kafkaDir, { recursive: true, force: true });
    await infra.stop();
  };
  try {
    await waitForLauncher(launcher, logFile);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('kinerjaStack', {
    webUrl: `${webOrigin}/`,
    gatewayUrl: gateway.url,
    keycloakUrl: infra.keycloakUrl,
    keycloakRealm: infra.keycloakRealm,
    defaultPorts: Object.keys(portEnv).length === 0,
  });
  return teardown;
}
