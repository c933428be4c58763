// `npm start`: PostgreSQL, Kafka and Keycloak, then every service, the gateway and the web app that
// exist so far, each with its port and environment from docs/conventions.md. Ctrl-C stops them all.
import { readCommandLine } from '@kinerja/cli';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planApps, readAppWorkspaces } from './apps.ts';
import type { AppPlan } from './apps.ts';
import { formatDemoUsers, readDemoUsers } from './demo-users.ts';
import { describeError, SetupError } from './errors.ts';
import { ensureInfra } from './infra.ts';
import type { Infra } from './infra.ts';
import { localPaths } from './paths.ts';
import { ensureDatabase } from './postgres.ts';
import { assertPortFree } from './ports.ts';
import { spawnManaged } from './process.ts';
import type { ManagedProcess } from './process.ts';
import type { Progress } from './progress.ts';
import { createProgress, timed } from './progress.ts';
import { waitUntilReady } from './readiness.ts';
import { onShutdownSignal } from './signals.ts';
import { hideKafkajsTimeoutWarning } from './warnings.ts';

/** npm of the Node that runs us (Node 24 through the root devDependency), not whatever npm is on PATH. */
function npmCommand(args: string[]): { command: string; args: string[] } {
  const npmCli = process.env['npm_execpath'];
  return npmCli && npmCli.endsWith('.js') ? { command: process.execPath, args: [npmCli, ...args] } : { command: 'npm', args };
}

async function httpAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Runs a one-off npm script to completion with its output in a log file. */
async function runScript(name: string, args: string[], env: Record<string, string>, logFile: string): Promise<void> {
  const { repoRoot } = localPaths();
  const managed = spawnManaged({ name, ...npmCommand(args), cwd: repoRoot, env: { ...process.env, ...env }, logFile });
  const exit = await managed.exited;
  if (exit.code !== 0) throw new SetupError(`${name} failed (exit ${exit.code ?? exit.signal}); see ${logFile}`);
}

/** Set on Ctrl-C, so children exiting because we stopped them are not reported as crashes. */
let shuttingDown = false;

interface RunningApp {
  plan: AppPlan;
  process: ManagedProcess;
}

async function startApp(plan: AppPlan, progress: Progress): Promise<RunningApp | undefined> {
  const { repoRoot, logs } = localPaths();
  const logFile = join(logs, `${plan.name}.log`);
  const env = { ...process.env, ...plan.env };
  try {
    await assertPortFree(plan.port, plan.name, `stop that program to let npm start run ${plan.name}`);
    if (plan.prepareScript) {
      progress.info(plan.name, `npm run ${plan.prepareScript}`);
      await runScript(`${plan.name}-${plan.prepareScript}`, ['run', plan.prepareScript, '-w', plan.workspace.packageName], plan.env, join(logs, `${plan.name}-${plan.prepareScript}.log`));
    }
    const { value: child, took } = await timed(async () => {
      const managed = spawnManaged({
        name: plan.name,
        ...npmCommand(['run', plan.script, '-w', plan.workspace.packageName]),
        cwd: repoRoot,
        env,
        logFile,
        stopTimeoutMs: 10_000,
      });
      try {
        await waitUntilReady(() => httpAnswers(plan.healthUrl), { what: plan.name, timeoutMs: 120_000, exited: managed.exited, logFile });
      } catch (error) {
        await managed.stop();
        throw error;
      }
      return managed;
    });
    progress.info(plan.name, `ready on ${plan.url} in ${took}`);
    void child.exited.then((exit) => shuttingDown || progress.warn(plan.name, `exited (${exit.code ?? exit.signal}); see ${logFile}`));
    return { plan, process: child };
  } catch (error) {
    progress.warn(plan.name, `not started: ${describeError(error)}`);
    return undefined;
  }
}

async function seedOnFirstStart(infra: Infra, progress: Progress): Promise<void> {
  const { repoRoot, local, logs } = localPaths();
  const marker = join(local, 'seeded');
  if (existsSync(marker)) return;
  const rootScripts = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts;
  if (!rootScripts?.['seed'] || !existsSync(join(repoRoot, 'tools/seed/src/cli.ts'))) {
    progress.info('seed', 'no seed tool yet; skipping demo data');
    return;
  }
  const logFile = join(logs, 'seed.log');
  progress.info('seed', `loading demo data (5000 employees, seed 1), log ${logFile}`);
  try {
    const { took } = await timed(() =>
      runScript('seed', ['run', 'seed', '--', '--employees', '5000', '--seed', '1', '--if-empty'], { DATABASE_URL: infra.databaseUrl }, logFile),
    );
    await writeFile(marker, `${new Date().toISOString()}\n`);
    progress.info('seed', `demo data loaded in ${took}`);
  } catch (error) {
    progress.warn('seed', describeError(error));
  }
}

async function startApps(infra: Infra, running: RunningApp[], isStopping: () => boolean, progress: Progress): Promise<void> {
  const paths = localPaths();
  const plans = planApps(await readAppWorkspaces(paths.repoRoot), infra, 'info', process.env);
  const subgraphs = plans.filter((plan) => plan.kind === 'subgraph');
  for (const plan of subgraphs) {
    if (plan.database) await ensureDatabase(infra.databaseUrl, plan.database);
  }
  if (subgraphs.length > 0) {
    progress.info('services', `starting ${subgraphs.map((plan) => `${plan.name} :${plan.port}`).join(', ')}`);
  }
  for (const app of await Promise.all(subgraphs.map((plan) => startApp(plan, progress)))) if (app) running.push(app);
  if (subgraphs.length > 0) await seedOnFirstStart(infra, progress);
  for (const plan of plans.filter((candidate) => candidate.kind !== 'subgraph')) {
    if (isStopping()) return;
    const app = await startApp(plan, progress);
    if (app) running.push(app);
  }
}

async function main(): Promise<void> {
  const progress = createProgress();
  const paths = localPaths();
  const infra = await ensureInfra({ progress });
  const running: RunningApp[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    shuttingDown = true;
    process.stderr.write('\n');
    for (const app of [...running].reverse()) {
      progress.info(app.plan.name, 'stopping');
      await app.process.stop();
    }
    await infra.stop();
  };
  onShutdownSignal(stopAll, 0);

  try {
    await startApps(infra, running, () => stopping, progress);
  } catch (error) {
    await stopAll();
    throw error;
  }

  const demoUsers = await readDemoUsers(paths.realmFile);
  const lines = [
    '',
    'Kinerja ASN is running (Ctrl-C stops everything):',
    ...running.map((app) => `  ${app.plan.name.padEnd(13)} ${app.plan.url}`),
    `  ${'keycloak'.padEnd(13)} ${infra.keycloakUrl}/admin/ (admin / admin, development only), realm ${infra.keycloakRealm}`,
    `  ${'kafka'.padEnd(13)} ${infra.kafkaBrokers.join(',')}`,
    `  ${'postgres'.padEnd(13)} ${infra.databaseUrl.replace(/:[^:@/]+@/, ':***@')} (databases kinerja_<service>)`,
    `  ${'logs'.padEnd(13)} ${paths.logs}`,
    '',
    formatDemoUsers(demoUsers, 'kinerja-demo'),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  // Stay alive until Ctrl-C; the signal handler stops the children and exits.
  await new Promise<never>(() => {
    setInterval(() => {}, 1 << 30);
  });
}

readCommandLine({
  name: 'start',
  helpCommand: 'npm start -- --help',
  usage: `usage: npm start
Starts PostgreSQL, Kafka and Keycloak (reusing what already answers on their ports, or DATABASE_URL,
KAFKA_BROKERS and KEYCLOAK_URL), creates each service's database, loads demo data on the first start,
then runs every service, the gateway and the web app, prints their URLs and the demo users, and stops
what it started on Ctrl-C. Logs go to .local/logs/. Takes no options besides -h, --help.`,
  options: {},
});
hideKafkajsTimeoutWarning();
main().catch((error: unknown) => {
  process.stderr.write(`start: ${describeError(error)}\n`);
  process.exit(1);
});
