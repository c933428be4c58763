// The bench's command line and environment turned into BenchOptions. The PostgreSQL server comes from
// --database-url, else DATABASE_URL, else the launcher of this checkout (its run record, or the
// embedded server on 54329 / KINERJA_POSTGRES_PORT), so `npm start` then `npm run bench` needs no URL.
import { resolve } from 'node:path';
import type { CommandLineSpec, ParsedCommandLine } from '@kinerja/cli';
import { integerOption, listOption } from '@kinerja/cli';
import { findLauncherPostgres, postgresCandidates } from '@kinerja/local-infra';
import { loadRegions } from '@kinerja/seed/regions';
import { INGEST_SCENARIO } from './attendance-ingest.ts';
import type { BenchOptions } from './bench.ts';
import { scenarios } from './scenarios.ts';
import { STATEMENT_TABLE_SCENARIO } from './statement-table.ts';

// The 38 province codes of the seed's region table (11 Aceh … 96 Papua Barat Daya).
const provinceCodes = loadRegions()
  .filter((region) => region.level === 'PROVINCE')
  .map((region) => region.code);
const scenarioNames = [...scenarios().map((scenario) => scenario.name), INGEST_SCENARIO, STATEMENT_TABLE_SCENARIO];
const defaultOut = resolve(import.meta.dirname, '../../../bench/results');
const defaultSupergraph = resolve(import.meta.dirname, '../../../gateway/supergraph.graphql');

export const benchCommandLine = {
  name: 'bench',
  helpCommand: 'npm run bench -- --help',
  usage: `usage: npm run bench -- [options]
Load benchmark of the running system (start it first with npm start): each scenario through the gateway
and straight at the subgraphs, SQL statements per operation, and a report in JSON and Markdown.

  --duration <seconds>     load per target, default 10
  --connections <n>        concurrent connections, default 10
  --scenarios <a,b,…>      only these, of ${scenarioNames.join(', ')}
  --repetitions <n>        operations per SQL count, default 5
  --out <folder>           where the report files go, default bench/results
  --no-hive                do not start Hive Gateway beside ours (by default every scenario runs against
                           both on the same supergraph, alternating, and the report gives the ratios)
  --rounds <n>             alternating rounds per gateway when comparing with Hive, default 2
  --supergraph <file>      the supergraph Hive Gateway serves, default gateway/supergraph.graphql (the
                           file our gateway serves; npm start composes it)
  --employees <n>          --tpp-run: employees of the instansi, default 100000;
                           ${INGEST_SCENARIO}: synthetic employees, default 5000
  --devices <n>            ${INGEST_SCENARIO}: fingerprint devices pushing at once, default 4
  --lines-per-post <n>     ${INGEST_SCENARIO}: ATTLOG lines per push, default 500
  --cpu-profile            ${INGEST_SCENARIO}: profile the attendance process (V8) and summarise it
  --database-url <url>     the PostgreSQL server (each subgraph's database is kinerja_<name> on it);
                           default DATABASE_URL, else the one the launcher (npm start) runs
  --tpp-run                instead of the load scenarios: the monthly TPP run (computeTpp) on a database
                           of its own on that server (no running system needed, Keycloak for the
                           summary read): employees/s, peak RSS and the national Region.tppSummary cost
  --employees <n>          employees of the --tpp-run instansi, default 100000; of the --siasn-import
                           dataset, default 100000
  --batch-size <n>         employees per --tpp-run batch (one transaction), default 1000
  --keep-database          leave the --tpp-run or --siasn-import database in place (its URL is logged)
  --siasn-import           instead of the load scenarios: the SIASN import (issue 15) of the seed's dataset
                           of --employees as one XLSX export per instansi, uploaded as the admin page does
                           into a fresh personnel database on that server, then again (all unchanged):
                           rows/s, peak RSS and load average (no running system needed)
  --provinces <32,…>       --siasn-import: only these provinces of the dataset, default 32 (all: --provinces all)
  -h, --help               this text

Environment: GATEWAY_URL (default http://localhost:4000/graphql), SUBGRAPH_PERSONNEL_URL,
SUBGRAPH_COMPETENCY_URL, SUBGRAPH_PERFORMANCE_URL, SUBGRAPH_ATTENDANCE_URL,
SUBGRAPH_REMUNERATION_URL (default ports 4001–4005), KEYCLOAK_URL (default http://localhost:8180),
KEYCLOAK_REALM (default asn), KINERJA_DEMO_PASSWORD (default kinerja-demo), DATABASE_URL, KAFKA_BROKERS.
${INGEST_SCENARIO} runs this checkout's attendance subgraph as a child process on a fresh database of
the PostgreSQL server (needs Kafka and Keycloak, not the gateway); it alone needs no npm start.
${STATEMENT_TABLE_SCENARIO} asks every _entities type and paged list of each subgraph's schema for 10 and
100 rows straight at the subgraph and counts its SQL statements; start the system with GATEWAY_MAX_COST
raised (e.g. 100000000), else the subgraphs refuse the wider of those requests as too costly.`,
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    scenarios: { type: 'string' },
    repetitions: { type: 'string', default: '5' },
    out: { type: 'string', default: defaultOut },
    'database-url': { type: 'string' },
    'no-hive': { type: 'boolean' },
    rounds: { type: 'string', default: '2' },
    supergraph: { type: 'string', default: defaultSupergraph },
    'tpp-run': { type: 'boolean' },
    // No default: --tpp-run and the ingest scenario each have their own.
    employees: { type: 'string' },
    'batch-size': { type: 'string', default: '1000' },
    'keep-database': { type: 'boolean' },
    'siasn-import': { type: 'boolean' },
    provinces: { type: 'string', default: '32' },
    devices: { type: 'string', default: '4' },
    'lines-per-post': { type: 'string', default: '500' },
    'cpu-profile': { type: 'boolean' },
  },
} as const satisfies CommandLineSpec<Record<string, { type: 'string' | 'boolean'; default?: string }>>;

type BenchArguments = ParsedCommandLine<(typeof benchCommandLine)['options']>;

/** What the command line asks for, checked (throws UsageError); the database is found afterwards. */
export function benchArguments({ values }: BenchArguments) {
  return {
    durationSeconds: integerOption('duration', values.duration, { min: 1 }),
    connections: integerOption('connections', values.connections, { min: 1 }),
    sqlProbeRepetitions: integerOption('repetitions', values.repetitions, { min: 1 }),
    only: values.scenarios === undefined ? undefined : listOption('scenarios', values.scenarios, scenarioNames),
    out: values.out,
    databaseUrl: values['database-url'],
    hive: values['no-hive'] !== true,
    comparisonRounds: integerOption('rounds', values.rounds, { min: 1 }),
    supergraph: values.supergraph,
    tppRun: values['tpp-run'] === true,
    employees: values.employees === undefined ? 100_000 : integerOption('employees', values.employees, { min: 1 }),
    batchSize: integerOption('batch-size', values['batch-size'], { min: 1, max: 10_000 }),
    keepDatabase: values['keep-database'] === true,
    siasnImport: values['siasn-import'] === true,
    provinces: values.provinces === 'all' ? [] : listOption('provinces', values.provinces, provinceCodes),
    ingest: {
      employees: values.employees === undefined ? 5000 : integerOption('employees', values.employees, { min: 10 }),
      devices: integerOption('devices', values.devices, { min: 1 }),
      linesPerPost: integerOption('lines-per-post', values['lines-per-post'], { min: 1 }),
      cpuProfile: values['cpu-profile'] === true,
    },
  };
}

export type BenchCommand = ReturnType<typeof benchArguments>;

/** The PostgreSQL server to read dataset facts and SQL counts from, and how it was found. */
export async function benchDatabase(databaseUrl: string | undefined, env: NodeJS.ProcessEnv): Promise<{ url: string; source: string } | undefined> {
  if (databaseUrl !== undefined) return { url: databaseUrl, source: '--database-url' };
  return findLauncherPostgres(env);
}

/** Where the demo users log in (Keycloak realm) and their password, from the environment. */
export function demoLogin(env: NodeJS.ProcessEnv): { keycloakUrl: string; realm: string; password: string } {
  return {
    keycloakUrl: env['KEYCLOAK_URL'] ?? 'http://localhost:8180',
    realm: env['KEYCLOAK_REALM'] ?? 'asn',
    password: env['KINERJA_DEMO_PASSWORD'] ?? 'kinerja-demo',
  };
}

export async function benchOptions(command: BenchCommand, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BenchOptions> {
  const database = await benchDatabase(command.databaseUrl, env);
  if (database) {
    log(`PostgreSQL: ${database.url.replace(/:[^:@/]+@/, ':***@')} (${database.source})`);
  } else {
    const tried = postgresCandidates(env).map((candidate) => candidate.source).join(', ');
    log(`no PostgreSQL answers (tried ${tried}): the report will have no PostgreSQL version, dataset size or SQL counts; pass --database-url`);
  }
  return {
    gatewayUrl: env['GATEWAY_URL'] ?? 'http://localhost:4000/graphql',
    subgraphUrls: {
      personnel: env['SUBGRAPH_PERSONNEL_URL'] ?? 'http://localhost:4001/graphql',
      competency: env['SUBGRAPH_COMPETENCY_URL'] ?? 'http://localhost:4002/graphql',
      performance: env['SUBGRAPH_PERFORMANCE_URL'] ?? 'http://localhost:4003/graphql',
      attendance: env['SUBGRAPH_ATTENDANCE_URL'] ?? 'http://localhost:4004/graphql',
      remuneration: env['SUBGRAPH_REMUNERATION_URL'] ?? 'http://localhost:4005/graphql',
    },
    ...demoLogin(env),
    // The national predikat distribution probe reads the performance subgraph and its database directly.
    performance: { subgraphUrl: env['SUBGRAPH_PERFORMANCE_URL'] ?? 'http://localhost:4003/graphql' },
    // Nothing answers there: the dataset queries fail and report unknown, as the log line said.
    databaseServerUrl: database?.url ?? postgresCandidates(env).at(-1)?.url ?? '',
    connections: command.connections,
    durationSeconds: command.durationSeconds,
    sqlProbeRepetitions: command.sqlProbeRepetitions,
    only: command.only,
    comparisonRounds: command.comparisonRounds,
    ingest: {
      ...command.ingest,
      env: { ...env, DATABASE_URL: database?.url ?? env['DATABASE_URL'] },
    },
    log,
  };
}
