import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, usageErrorLine, UsageError } from '@kinerja/cli';
import { describeError } from './errors.ts';
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

export const infraCommandLine = {
  name: 'infra',
  helpCommand: 'npm run infra -- --help',
  usage: `usage: npm run infra -- <command>
  up        start PostgreSQL, Kafka and Keycloak in the background (reusing what already answers)
  down      stop what \`up\` started from this checkout
  status    show what answers where
  run -- <command…>
            start what is missing, run the command with DATABASE_URL, KAFKA_BROKERS, KEYCLOAK_URL and
            KEYCLOAK_REALM set, then stop what was started (exit code is the command's)
  -h, --help
            this text

Environment: DATABASE_URL, KAFKA_BROKERS, KEYCLOAK_URL (use these servers, start nothing for them),
KINERJA_POSTGRES_PORT, KINERJA_KAFKA_PORT, KINERJA_KAFKA_CONTROLLER_PORT, KINERJA_KEYCLOAK_PORT,
KINERJA_LOCAL_DIR (a private set beside the default one), KINERJA_CACHE_DIR (downloads).`,
  options: {},
  positionals: true,
} as const;

const subcommands = ['up', 'down', 'status', 'run'] as const;
type Subcommand = (typeof subcommands)[number];

/**
 * The subcommand and, for \`run\`, the command to run: everything after \`--\` (or after \`run\` when there is
 * no \`--\`) belongs to that command and is not read as infra's options.
 */
export function infraArguments(argv: readonly string[]): { subcommand: Subcommand; command: string[] } | { help: true } {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const runIndex = own.indexOf('run');
  // Without `--`, the command starts at the first argument after `run` that is not an option (`run --help`).
  let commandStart = own.length;
  if (separator === -1 && runIndex !== -1) {
    commandStart = runIndex + 1;
    while (commandStart < own.length && own[commandStart]?.startsWith('-')) commandStart += 1;
  }
  const ownOptions = own.slice(0, commandStart);
  const outcome = parseCommandLine(infraCommandLine, ownOptions);
  if (outcome.kind === 'help') return { help: true };
  const [subcommand, ...extra] = outcome.positionals;
  if (subcommand === undefined) throw new UsageError('a command is needed: up, down, status or run');
  if (!(subcommands as readonly string[]).includes(subcommand)) throw new UsageError(`unknown command '${subcommand}' (up, down, status or run)`);
  if (subcommand !== 'run') {
    const stray = separator === -1 ? extra : [...extra, '--', ...argv.slice(separator + 1)];
    if (stray.length > 0) throw new UsageError(`${subcommand} takes no arguments, got '${stray.join(' ')}'`);
    return { subcommand: subcommand as Subcommand, command: [] };
  }
  const command = separator === -1 ? argv.slice(commandStart) : [...extra, ...argv.slice(separator + 1)];
  if (command.length === 0) throw new UsageError('run needs a command: npm run infra -- run -- <command…>');
  return { subcommand, command };
}

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
  const [program = '', ...args] = command;
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
  let parsed: ReturnType<typeof infraArguments>;
  try {
    parsed = infraArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${usageErrorLine(infraCommandLine, error.message)}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${infraCommandLine.usage}\n`);
    return 0;
  }
  switch (parsed.subcommand) {
    case 'up':
      return up();
    case 'down':
      return down();
    case 'status':
      return status();
    case 'run':
      return runWithInfra(parsed.command);
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
