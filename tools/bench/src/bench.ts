// Runs the scenarios against the running system and builds the report.
import pg from 'pg';
import { INGEST_SCENARIO, runAttendanceIngest } from './attendance-ingest.ts';
import { postGraphql, passwordToken } from './graphql-client.ts';
import { mergeLoads, runLoad, runLoadRaw, type RawLoad } from './load-run.ts';
import { machineInfo } from './machine.ts';
import { overheadRatio, sizeLabel, versusHive, type BenchReport, type DatasetInfo, type LoadRun, type NPlusOneProbe, type PredikatDistributionProbe, type ScenarioResult } from './report.ts';
import { dashboardPeriods, scenarios as allScenarios, type Scenario, type SubgraphName } from './scenarios.ts';
import { SqlCounter, countPerOperation } from './sql-counts.ts';
import { probePredikatDistribution } from './predikat-probe.ts';
import { STATEMENT_TABLE_SCENARIO, runStatementTable, type StatementTable } from './statement-table.ts';

export interface BenchOptions {
  gatewayUrl: string;
  /** The subgraphs of this run; a scenario needing one that is absent is reported as not measured. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  keycloakUrl: string;
  realm: string;
  password: string;
  /** PostgreSQL server URL; each subgraph's database is kinerja_<name> on it. */
  databaseServerUrl: string;
  /** Full database URLs per subgraph, overriding databaseServerUrl (tests run subgraphs on fresh databases). */
  subgraphDatabaseUrls?: Partial<Record<SubgraphName, string>>;
  connections: number;
  durationSeconds: number;
  sqlProbeRepetitions: number;
  only?: readonly string[];
  nPlusOnePageSizes?: readonly number[];
  /** Hive Gateway on the same supergraph (hive-gateway.ts): every scenario is run against both, alternating. */
  hive?: { url: string; version: string } | null;
  /** Load runs per gateway per scenario when comparing with Hive (each durationSeconds long), default 2. */
  comparisonRounds?: number;
  /** The attendance ingest scenario's settings; without them it is not run. */
  ingest?: { employees: number; devices: number; linesPerPost: number; cpuProfile: boolean; env: Record<string, string | undefined> };
  /** The performance subgraph for the national predikat distribution probe (skipped when absent). */
  performance?: { subgraphUrl: string; databaseUrl?: string };
  log: (line: string) => void;
}

/** True when `name` is asked for (no --scenarios: all of them). */
export function selects(only: readonly string[] | undefined, name: string): boolean {
  return !only?.length || only.includes(name);
}

export function subgraphDatabaseUrl(serverUrl: string, subgraph: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/kinerja_${subgraph}`;
  return url.toString();
}

function databaseUrlOf(options: BenchOptions, subgraph: SubgraphName): string {
  return options.subgraphDatabaseUrls?.[subgraph] ?? subgraphDatabaseUrl(options.databaseServerUrl, subgraph);
}

async function datasetInfo(options: BenchOptions, subgraphs: readonly SubgraphName[]): Promise<{ dataset: DatasetInfo; postgres: string | null }> {
  const dataset: DatasetInfo = { employees: null, assessments: null, databases: [] };
  let postgres: string | null = null;
  for (const subgraph of subgraphs) {
    const url = databaseUrlOf(options, subgraph);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      postgres ??= (await client.query('show server_version')).rows[0].server_version as string;
      const size = await client.query('select pg_database_size(current_database()) as bytes');
      dataset.databases.push({ name: new URL(url).pathname.slice(1), sizeMiB: Math.round((Number(size.rows[0].bytes) / 1024 ** 2) * 10) / 10 });
      if (subgraph === 'personnel') dataset.employees = Number((await client.query('select count(*) as n from employee')).rows[0].n);
      if (subgraph === 'competency') dataset.assessments = Number((await client.query("select count(*) as n from assessment where status = 'FINALISED'")).rows[0].n);
    } catch {
      // A database that is not there yet is reported as unknown.
    } finally {
      await client.end().catch(() => {});
    }
  }
  return { dataset, postgres };
}

/** Fails fast with a readable message when the system is not running. */
export async function gatewayAnswers(gatewayUrl: string, token: string, attempts = 3): Promise<boolean> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const answer = await postGraphql(gatewayUrl, token, '{ __typename }');
      if (answer.status === 200 && !answer.errors?.length) return true;
    } catch {
      // not up (yet)
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

async function runScenario(scenario: Scenario, options: BenchOptions, counters: SqlCounter[]): Promise<ScenarioResult> {
  const token = await passwordToken(options.keycloakUrl, options.realm, scenario.user, options.password);
  const warm = await postGraphql(options.gatewayUrl, token, scenario.query, scenario.variables);
  if (warm.errors?.length) options.log(`  ${scenario.name}: the gateway answered with errors: ${JSON.stringify(warm.errors).slice(0, 300)}`);

  // Direct steps: run once in order to get each step's variables from the previous answers.
  const previous: unknown[] = [];
  const steps: { target: string; url: string; query: string; variables?: Record<string, unknown> }[] = [];
  for (const step of scenario.direct) {
    const url = options.subgraphUrls[step.subgraph];
    // runBench leaves out a scenario whose subgraphs are not all part of the run.
    if (url === undefined) throw new Error(`subgraph ${step.subgraph} is not part of this run`);
    const variables = step.variables?.(previous);
    const answer = await postGraphql(url, token, step.query, variables);
    if (answer.errors?.length) options.log(`  ${scenario.name}: ${step.subgraph} answered with errors: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    previous.push(answer.data);
    steps.push({ target: step.subgraph, url, query: step.query, variables });
  }

  options.log(`  ${scenario.name}: counting SQL statements (${options.sqlProbeRepetitions} operations)`);
  const counts = await countPerOperation(
    counters,
    async () => void (await postGraphql(options.gatewayUrl, token, scenario.query, scenario.variables)),
    options.sqlProbeRepetitions,
  );

  const load = { token, query: scenario.query, variables: scenario.variables, connections: options.connections, durationSeconds: options.durationSeconds };
  let gateway: LoadRun;
  let hive: LoadRun | null = null;
  if (options.hive) {
    const hiveWarm = await postGraphql(options.hive.url, token, scenario.query, scenario.variables);
    if (hiveWarm.errors?.length) options.log(`  ${scenario.name}: Hive Gateway answered with errors: ${JSON.stringify(hiveWarm.errors).slice(0, 300)}`);
    // Alternating rounds, so a slow spell of the machine (other processes, GC, disk) falls on both.
    const ours: RawLoad[] = [];
    const theirs: RawLoad[] = [];
    for (let round = 1; round <= (options.comparisonRounds ?? 2); round++) {
      options.log(`  ${scenario.name}: round ${round}, our gateway then Hive Gateway, ${options.durationSeconds} s × ${options.connections} connections each`);
      ours.push(await runLoadRaw({ ...load, target: 'gateway', url: options.gatewayUrl }));
      theirs.push(await runLoadRaw({ ...load, target: 'hive-gateway', url: options.hive.url }));
    }
    gateway = mergeLoads(ours);
    hive = mergeLoads(theirs);
  } else {
    options.log(`  ${scenario.name}: gateway, ${options.durationSeconds} s × ${options.connections} connections`);
    gateway = await runLoad({ ...load, target: 'gateway', url: options.gatewayUrl });
  }
  const direct: LoadRun[] = [];
  for (const step of steps) {
    options.log(`  ${scenario.name}: ${step.target} directly`);
    direct.push(await runLoad({ ...step, token, connections: options.connections, durationSeconds: options.durationSeconds }));
  }
  return {
    name: scenario.name,
    title: scenario.title,
    user: scenario.user,
    gateway,
    hive,
    versusHive: hive ? versusHive(gateway, hive) : null,
    direct,
    gatewayOverheadRatio: overheadRatio(gateway, direct),
    sql: counts.map((c) => ({ subgraph: c.subgraph, perOperation: c.statements, method: c.method })),
    tableScans: counts.map((c) => ({ subgraph: c.subgraph, perOperation: c.scans })),
  };
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const subgraphs = Object.keys(options.subgraphUrls) as SubgraphName[];
  const { dataset, postgres } = await datasetInfo(options, subgraphs);
  const counters: SqlCounter[] = [];
  for (const subgraph of subgraphs) {
    try {
      counters.push(await SqlCounter.open(subgraph, databaseUrlOf(options, subgraph)));
    } catch (error) {
      options.log(`SQL counts for ${subgraph} unavailable: ${(error as Error).message}`);
    }
  }
  try {
    const selected = allScenarios().filter((s) => selects(options.only, s.name));
    const results: ScenarioResult[] = [];
    const failures: BenchReport['failures'] = [];
    for (const scenario of selected) {
      options.log(`scenario ${scenario.name}`);
      // A run against some of the subgraphs (the harness's own live test) cannot measure a scenario that
      // needs the others: it is listed as not measured, with the reason, rather than failing every fetch.
      const absent = [...new Set(scenario.direct.map((step) => step.subgraph))].filter((name) => !options.subgraphUrls[name]);
      if (absent.length) {
        const message = `needs subgraph ${absent.join(', ')}, not part of this run`;
        options.log(`  ${scenario.name} not measured: ${message}`);
        failures.push({ scenario: scenario.name, message });
        continue;
      }
      try {
        results.push(await runScenario(scenario, options, counters));
      } catch (error) {
        const message = error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error);
        options.log(`  ${scenario.name} not measured: ${message}`);
        failures.push({ scenario: scenario.name, message });
      }
    }

    let nPlusOne: NPlusOneProbe | null = null;
    const pageSizes = options.nPlusOnePageSizes ?? [10, 100];
    if (pageSizes.length > 1 && counters.length && selects(options.only, 'employee-list')) {
      options.log(`N+1 probe: employee-list at page sizes ${pageSizes.join(', ')}`);
      try {
        const bySize: Awaited<ReturnType<typeof countPerOperation>>[] = [];
        for (const pageSize of pageSizes) {
          const scenario = allScenarios({ employeePageSize: pageSize }).find((s) => s.name === 'employee-list') as Scenario;
          const token = await passwordToken(options.keycloakUrl, options.realm, scenario.user, options.password);
          bySize.push(await countPerOperation(counters, async () => void (await postGraphql(options.gatewayUrl, token, scenario.query)), options.sqlProbeRepetitions));
        }
        nPlusOne = {
          scenario: 'employee-list',
          pageSizes: [...pageSizes],
          bySubgraph: counters.map((c, i) => ({ subgraph: c.subgraph, perOperation: bySize.map((counts) => counts[i]?.statements ?? null) })),
        };
      } catch (error) {
        failures.push({ scenario: 'n-plus-one-probe', message: error instanceof Error ? error.message : String(error) });
      }
    }

    let ingest: BenchReport['ingest'] = null;
    if (options.ingest && selects(options.only, INGEST_SCENARIO)) {
      options.log(`scenario ${INGEST_SCENARIO}`);
      try {
        ingest = await runAttendanceIngest({
          ...options.ingest,
          keycloakUrl: options.keycloakUrl,
          realm: options.realm,
          password: options.password,
          connections: options.connections,
          durationSeconds: options.durationSeconds,
          log: options.log,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.log(`  ${INGEST_SCENARIO} not measured: ${message}`);
        failures.push({ scenario: INGEST_SCENARIO, message });
      }
    }

    let predikatDistribution: PredikatDistributionProbe | null = null;
    if (options.performance) {
      options.log('probe: national predikat distribution (performance)');
      try {
        const token = await passwordToken(options.keycloakUrl, options.realm, 'nasional.pimpinan', options.password);
        predikatDistribution = await probePredikatDistribution({
          subgraphUrl: options.performance.subgraphUrl,
          databaseUrl: options.performance.databaseUrl ?? subgraphDatabaseUrl(options.databaseServerUrl, 'performance'),
          token,
          year: Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4)),
          repetitions: options.sqlProbeRepetitions,
        });
      } catch (error) {
        failures.push({ scenario: 'predikat-distribution-probe', message: error instanceof Error ? error.message : String(error) });
      }
    }

    let statementTable: StatementTable | null = null;
    if (selects(options.only, STATEMENT_TABLE_SCENARIO) && options.subgraphUrls.personnel) {
      options.log(`scenario ${STATEMENT_TABLE_SCENARIO}: every list and _entities path of each subgraph at 10 and 100 rows`);
      try {
        const tokens = new Map<string, Promise<string>>();
        statementTable = await runStatementTable({
          subgraphUrls: options.subgraphUrls,
          databaseUrls: Object.fromEntries(subgraphs.map((subgraph) => [subgraph, databaseUrlOf(options, subgraph)])),
          token: (user) => {
            if (!tokens.has(user)) tokens.set(user, passwordToken(options.keycloakUrl, options.realm, user, options.password));
            return tokens.get(user) as Promise<string>;
          },
          periods: dashboardPeriods(new Date()),
          log: options.log,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.log(`  ${STATEMENT_TABLE_SCENARIO} not measured: ${message}`);
        failures.push({ scenario: STATEMENT_TABLE_SCENARIO, message });
      }
    }

    return {
      kind: 'kinerja-bench',
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      sizeLabel: sizeLabel(dataset.employees),
      settings: { connections: options.connections, durationSeconds: options.durationSeconds, sqlProbeRepetitions: options.sqlProbeRepetitions, gatewayUrl: options.gatewayUrl, hiveGateway: options.hive ? { url: options.hive.url, version: options.hive.version, rounds: options.comparisonRounds ?? 2 } : null },
      machine: machineInfo(postgres),
      dataset,
      sqlCountMethod: counters[0]?.method ?? 'unavailable',
      scenarios: results,
      failures,
      nPlusOne,
      ingest,
      predikatDistribution,
      statementTable,
    };
  } finally {
    await Promise.all(counters.map((c) => c.close()));
  }
}
