// Runs the scenarios against the running system and builds the report.
import pg from 'pg';
import { postGraphql, passwordToken } from './graphql-client.ts';
import { runLoad } from './load-run.ts';
import { machineInfo } from './machine.ts';
import { overheadRatio, sizeLabel, type BenchReport, type DatasetInfo, type LoadRun, type NPlusOneProbe, type ScenarioResult } from './report.ts';
import { scenarios as allScenarios, type Scenario, type SubgraphName } from './scenarios.ts';
import { SqlCounter, countPerOperation } from './sql-counts.ts';

export interface BenchOptions {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
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
  log: (line: string) => void;
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

  options.log(`  ${scenario.name}: gateway, ${options.durationSeconds} s × ${options.connections} connections`);
  const gateway = await runLoad({ target: 'gateway', url: options.gatewayUrl, token, query: scenario.query, variables: scenario.variables, connections: options.connections, durationSeconds: options.durationSeconds });
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
    const selected = allScenarios().filter((s) => !options.only?.length || options.only.includes(s.name));
    const results: ScenarioResult[] = [];
    const failures: BenchReport['failures'] = [];
    for (const scenario of selected) {
      options.log(`scenario ${scenario.name}`);
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
    if (pageSizes.length > 1 && counters.length) {
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

    return {
      kind: 'kinerja-bench',
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      sizeLabel: sizeLabel(dataset.employees),
      settings: { connections: options.connections, durationSeconds: options.durationSeconds, sqlProbeRepetitions: options.sqlProbeRepetitions, gatewayUrl: options.gatewayUrl },
      machine: machineInfo(postgres),
      dataset,
      sqlCountMethod: counters[0]?.method ?? 'unavailable',
      scenarios: results,
      failures,
      nPlusOne,
    };
  } finally {
    await Promise.all(counters.map((c) => c.close()));
  }
}
