import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeError, SetupError } from './errors.ts';
import { ensureInfra, infraPorts } from './infra.ts';
import { KEYCLOAK_REALM } from './keycloak.ts';
import { localPaths } from './paths.ts';
import { embeddedDatabaseUrl } from './postgres.ts';
import { stopProcess } from './process.ts';
import { createProgress } from './progress.ts';
import { kafkaAnswers, keycloakAnswers, postgresAnswers } from './readiness.ts';
import { onShutdownSignal } from './signals.ts';
import { isRecordedProcessRunning, readRecords, removeRecord } from './state.ts';
import { hideKafkajsTimeoutWarning } from './warnings.ts';

const usage = `usage: npm run infra -- <command>
  up        start PostgreSQL, Kafka and Keycloak in the background (reusing what already answers)
  down      stop what \`up\` started
  status    show what answers where
  run -- <command…>
            start what is missing, run the command with DATABASE_URL, KAFKA_BROKERS, KEYCLOAK_URL and
            KEYCLOAK_REALM set, then stop what was started (exit code is the command's)`;

async function up(): Promise<number> {
  const progress = createProgress();
  const infra = await ensureInfra({ background: true, progress });
  process.stdout.write(
    [
      `DATABASE_URL=${infra.databaseUrl}`,
      `KAFKA_BROKERS=${infra.kafkaBrokers.join(',')}`,
      `KEYCLOAK_URL=${infra.keycloakUrl}`,
      `KEYCLOAK_REALM=${infra.keycloakRealm}`,
      `Keycloak admin console: ${infra.keycloakUrl}/admin/ (admin / admin, development only)`,
      `logs: ${localPaths().logs}; stop with: npm run infra -- down`,
      '',
    ].join('\n'),
  );
  return 0;
}

async function down(): Promise<number> {
  const progress = createProgress();
  const { run } = localPaths();
  // Records live in KINERJA_LOCAL_DIR/run, so a private set (other ports and folder) is stopped separately.
  const records = readRecords(run);
  if (records.length === 0) progress.info('infra', 'nothing was started by `infra up`');
  await Promise.all(
    records.map(async (record) => {
      if (isRecordedProcessRunning(record)) {
        progress.info(record.component, `stopping pid ${record.pid}`);
        await stopProcess(record.pid, {
          signal: record.component === 'postgres' ? 'SIGINT' : 'SIGTERM',
          group: record.component !== 'postgres',
          timeoutMs: 30_000,
        });
        progress.info(record.component, 'stopped');
      } else {
        progress.info(record.component, `pid ${record.pid} is no longer running`);
      }
      removeRecord(run, record);
    }),
  );
  return 0;
}

async function status(): Promise<number> {
  const env = process.env;
  const records = readRecords(localPaths(env).run);
  const ports = infraPorts(env);
  // The record of the server on the port asked about (a private set on other ports has its own).
  const owner = (component: 'postgres' | 'kafka' | 'keycloak') => {
    const record = records.find((candidate) => candidate.component === component && candidate.address.includes(`:${ports[component]}`));
    return record && isRecordedProcessRunning(record) ? ` (started by the launcher, pid ${record.pid}, log ${record.logFile})` : '';
  };
  const databaseUrl = env['DATABASE_URL'] ?? embeddedDatabaseUrl(ports.postgres);
  const brokers = (env['KAFKA_BROKERS'] ?? `localhost:${ports.kafka}`).split(',');
  const keycloakUrl = env['KEYCLOAK_URL'] ?? `http://localhost:${ports.keycloak}`;
  const realm = env['KEYCLOAK_REALM'] ?? KEYCLOAK_REALM;
  const [postgresUp, kafkaUp, keycloakUp] = await Promise.all([
    postgresAnswers(databaseUrl),
    kafkaAnswers(brokers),
    keycloakAnswers(keycloakUrl, realm),
  ]);
  const line = (name: string, upNow: boolean, where: string, extra: string) =>
    `${name.padEnd(9)} ${upNow ? 'up  ' : 'down'}  ${where}${upNow ? extra : ''}`;
  process.stdout.write(
    [
      line('postgres', postgresUp, env['DATABASE_URL'] ? `DATABASE_URL ${new URL(databaseUrl).host}` : `127.0.0.1:${ports.postgres} (embedded)`, owner('postgres')),
      line('kafka', kafkaUp, brokers.join(','), owner('kafka')),
      line('keycloak', keycloakUp, `${keycloakUrl} realm ${realm}`, owner('keycloak')),
      '',
    ].join('\n'),
  );
  return postgresUp && kafkaUp && keycloakUp ? 0 : 1;
}

async function runWithInfra(command: string[]): Promise<number> {
  const [program, ...args] = command;
  if (program === undefined) throw new SetupError('infra run: no command given (usage: infra run -- <command…>)');
  const progress = createProgress();
  const infra = await ensureInfra({ progress });
  let child: ReturnType<typeof spawn> | undefined;
  const removeHandlers = onShutdownSignal(async (signal) => {
    child?.kill(signal);
    await infra.stop();
  });
  try {
    progress.info('infra', `running: ${command.join(' ')}`);
    const started = spawn(program, args, { stdio: 'inherit', env: { ...process.env, ...infra.env } });
    child = started;
    return await new Promise<number>((resolve) => {
      started.on('error', (error) => {
        process.stderr.write(`infra run: could not start ${program}: ${error.message}\n`);
        resolve(127);
      });
      started.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
  } finally {
    removeHandlers();
    await infra.stop();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up':
      return up();
    case 'down':
      return down();
    case 'status':
      return status();
    case 'run':
      return runWithInfra(rest[0] === '--' ? rest.slice(1) : rest);
    default:
      process.stderr.write(`${usage}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  hideKafkajsTimeoutWarning();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`infra: ${describeError(error)}\n`);
      process.exit(1);
    },
  );
}
