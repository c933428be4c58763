// The harness run end to end, always (issue 5: "the harness itself has a small test that it runs and
// produces a report"): the real personnel and competency subgraph processes on fresh databases, a small
// deterministic dataset loaded by the seed tool's own bulk loaders, the real gateway composed from the
// services' schemas, real Keycloak tokens of the demo users, and every scenario run for one second.
// It asserts the report's content, never its figures: no timing assertions.
// The subgraph processes come from @kinerja/kit/testing (tied to this process: a killed run leaves none).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCompetencyProcess, type CompetencyProcess } from '@kinerja/competency/testing';
import { startPersonnelProcess, type PersonnelProcess } from '@kinerja/personnel/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/src/config.ts';
import { createLogger } from '../../../gateway/src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../../../gateway/src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../../../gateway/src/supergraph/composition.ts';
import { DEMO_ATASAN, DEMO_PEGAWAI } from '../../seed/src/dataset.ts';
import { runSeed } from '../../seed/src/seed.ts';
import { runBench } from '../src/bench.ts';
import { passwordToken, postGraphql } from '../src/graphql-client.ts';
import { pointSupergraphAt, startHiveGateway, type HiveGateway } from '../src/hive-gateway.ts';
import type { BenchReport } from '../src/report.ts';
import { writeReportFiles } from '../src/report-files.ts';
import { demoLogin } from '../src/settings.ts';
import { scenarios } from '../src/scenarios.ts';

const servicesDir = fileURLToPath(new URL('../../../services', import.meta.url));
const SEEDED_EMPLOYEES = 400;

let personnel: PersonnelProcess | undefined;
let competency: CompetencyProcess | undefined;
let gateway: RunningGateway | undefined;
let hive: HiveGateway | undefined;
let resultsFolder: string | undefined;
let report: BenchReport;
let files: { json: string; markdown: string };
const log: string[] = [];

beforeAll(async () => {
  const started = await Promise.allSettled([startPersonnelProcess(), startCompetencyProcess()]);
  if (started[0].status === 'fulfilled') personnel = started[0].value;
  if (started[1].status === 'fulfilled') competency = started[1].value;
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  if (!personnel || !competency) throw new Error('subgraphs not started');

  await runSeed({
    employees: SEEDED_EMPLOYEES,
    seed: 'bench-live-run',
    provinces: ['32', '36'],
    serverUrl: 'postgres://unused',
    services: ['personnel', 'competency'],
    databaseUrls: { personnel: personnel.database.url, competency: competency.database.url },
    logger: pino({ level: 'warn' }),
  });

  const outcome = composeSupergraph(readSubgraphSources(servicesDir).filter((s) => ['personnel', 'competency'].includes(s.name)));
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const config = loadGatewayConfig({
    PORT: '0',
    KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
    KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
    SUBGRAPH_PERSONNEL_URL: personnel.url,
    SUBGRAPH_COMPETENCY_URL: competency.url,
  });
  gateway = await startGateway(config, { supergraphSdl: outcome.supergraphSdl, logger: createLogger('silent') });
  hive = await startHiveGateway({ supergraphSdl: pointSupergraphAt(outcome.supergraphSdl, { personnel: personnel.url, competency: competency.url }) });

  resultsFolder = mkdtempSync(join(tmpdir(), 'kinerja-bench-'));
  report = await runBench({
    gatewayUrl: gateway.url,
    subgraphUrls: { personnel: personnel.url, competency: competency.url },
    subgraphDatabaseUrls: { personnel: personnel.database.url, competency: competency.database.url },
    ...demoLogin(process.env),
    databaseServerUrl: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    connections: 2,
    durationSeconds: 1,
    sqlProbeRepetitions: 3,
    // The statement table has a live test of its own with all five subgraphs (statement-table-live.test.ts).
    only: scenarios().map((s) => s.name),
    // The N+1 probe adds two more settled SQL counts (~15 s); its rendering is covered in report.test.ts.
    nPlusOnePageSizes: [],
    hive,
    comparisonRounds: 1,
    log: (line) => log.push(`${new Date().toISOString().slice(14, 23)} ${line}`),
  });
  files = writeReportFiles(report, resultsFolder);
});

afterAll(async () => {
  // Every step runs whatever failed before it, so no process, database or folder is left behind.
  const steps = [
    () => gateway?.stop(),
    () => hive?.stop(),
    () => personnel?.stop(),
    () => competency?.stop(),
    () => resultsFolder && rmSync(resultsFolder, { recursive: true, force: true }),
  ];
  const failures: unknown[] = [];
  for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
});

describe('a short real run of the harness through the gateway', () => {
  it('writes the JSON and Markdown reports into the results folder', () => {
    expect(files.json).toMatch(new RegExp(`-${SEEDED_EMPLOYEES}\\.json$`));
    expect(existsSync(files.json) && existsSync(files.markdown)).toBe(true);
    expect(readdirSync(resultsFolder as string).sort()).toEqual([basename(files.json), basename(files.markdown)]);
    const written = JSON.parse(readFileSync(files.json, 'utf8')) as BenchReport;
    expect(written).toEqual(JSON.parse(JSON.stringify(report)));
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown).toContain(`# Kinerja ASN benchmark, ${SEEDED_EMPLOYEES} employees`);
    for (const s of scenarios().filter((x) => x.direct.every((step) => ['personnel', 'competency'].includes(step.subgraph)))) expect(markdown).toContain(`| ${s.name} | gateway |`);
    expect(markdown).toContain('## Our gateway against Hive Gateway 2.');
  });

  it('describes the seeded data, the machine and the run settings', () => {
    expect(report.dataset.employees).toBe(SEEDED_EMPLOYEES);
    expect(report.dataset.assessments).toBeGreaterThan(0);
    expect(report.dataset.databases.map((d) => d.name)).toEqual([
      new URL(personnel!.database.url).pathname.slice(1),
      new URL(competency!.database.url).pathname.slice(1),
    ]);
    expect(report.sizeLabel).toBe(String(SEEDED_EMPLOYEES));
    expect(report.machine.cpus.count).toBeGreaterThan(0);
    expect(report.machine.postgres).toMatch(/^\d+/);
    expect(report.settings).toMatchObject({ connections: 2, durationSeconds: 1, gatewayUrl: gateway!.url, hiveGateway: { url: hive!.url, version: expect.stringMatching(/^2\./), rounds: 1 } });
  });

  it('measures every scenario through the gateway and directly, without a single error', () => {
    // This run has personnel and competency only: the all-domain scenarios are listed as not measured.
    const needsOthers = scenarios().filter((s) => s.direct.some((step) => !['personnel', 'competency'].includes(step.subgraph)));
    expect(needsOthers.map((s) => s.name)).toEqual(['national-dashboard-all', 'provincial-drilldown-all']);
    expect(report.failures, log.join('\n')).toEqual(needsOthers.map((s) => ({ scenario: s.name, message: expect.stringMatching(/^needs subgraph performance, attendance, remuneration/) })));
    expect(report.scenarios.map((s) => s.name)).toEqual(scenarios().map((s) => s.name).filter((name) => !needsOthers.some((o) => o.name === name)));
    for (const scenario of report.scenarios) {
      const expectedTargets = scenarios().find((s) => s.name === scenario.name)?.direct.map((d) => d.subgraph);
      expect(scenario.direct.map((run) => run.target), scenario.name).toEqual(expectedTargets);
      expect(scenario.hive?.target, scenario.name).toBe('hive-gateway');
      expect(scenario.versusHive?.throughputRatio, scenario.name).toBeGreaterThan(0);
      // Hive Gateway answers without errors only when it passed the caller's token on: the subgraphs verify it.
      for (const run of [scenario.gateway, scenario.hive!, ...scenario.direct]) {
        const where = `${scenario.name} → ${run.target}`;
        expect(run.requests, where).toBeGreaterThan(0);
        expect(run.errors, where).toBe(0);
        expect(run.responseBytes, where).toBeGreaterThan(0);
        expect(Object.keys(run.latency), where).toEqual(['p50', 'p95', 'p99', 'mean', 'max']);
        expect(run.latency.p50, where).toBeLessThanOrEqual(run.latency.p95);
        expect(run.latency.p95, where).toBeLessThanOrEqual(run.latency.p99);
      }
      expect(scenario.gatewayOverheadRatio, scenario.name).toEqual(expect.any(Number));
      expect(scenario.gatewayOverheadRatio, scenario.name).toBeGreaterThan(0);
    }
  });

  it('counts SQL statements per operation for each subgraph', () => {
    // pg_stat_statements where it is preloaded, else the transaction-count fallback (bench/README.md).
    expect(['pg_stat_statements', 'pg_stat_database.xact_commit']).toContain(report.sqlCountMethod);
    for (const scenario of report.scenarios) {
      expect(scenario.sql.map((c) => c.subgraph), scenario.name).toEqual(['personnel', 'competency']);
      for (const count of scenario.sql) {
        expect(count.method).toBe(report.sqlCountMethod);
        expect(count.perOperation, `${scenario.name} → ${count.subgraph}`).toEqual(expect.any(Number));
      }
    }
    // Every scenario reads both databases, so over all five the counts cannot all be noise-level zero.
    for (const subgraph of ['personnel', 'competency']) {
      const total = report.scenarios.reduce((sum, s) => sum + (s.sql.find((c) => c.subgraph === subgraph)?.perOperation ?? 0), 0);
      expect(total, subgraph).toBeGreaterThan(0);
    }
  });

  it('ran on data holding what the scenarios look at: the demo pair, their gaps and Karawang\'s training needs', async () => {
    // A scenario reading nothing (null employee, empty page) would still count as an answer without errors.
    const profile = scenarios().find((s) => s.name === 'employee-profile');
    expect(profile?.variables).toEqual({ nip: DEMO_PEGAWAI.nip });
    const password = process.env['KINERJA_DEMO_PASSWORD'] ?? 'kinerja-demo';
    const keycloakUrl = process.env['KEYCLOAK_URL'] ?? 'http://localhost:8180';
    const realm = process.env['KEYCLOAK_REALM'] ?? 'asn';
    const atasan = await passwordToken(keycloakUrl, realm, 'karawang.atasan', password);
    const answer = await postGraphql(gateway!.url, atasan, `{ employee(nip: "${DEMO_PEGAWAI.nip}") { nip supervisor { nip } competencyProfile { gaps { gap } } } }`);
    expect(answer.errors).toBeUndefined();
    const employee = (answer.data as { employee: { nip: string; supervisor: { nip: string }; competencyProfile: { gaps: { gap: number }[] } } }).employee;
    expect(employee).toMatchObject({ nip: DEMO_PEGAWAI.nip, supervisor: { nip: DEMO_ATASAN.nip } });
    expect(employee.competencyProfile.gaps.some((g) => g.gap < 0)).toBe(true);

    const diklat = await passwordToken(keycloakUrl, realm, 'karawang.diklat', password);
    const needs = await postGraphql(gateway!.url, diklat, '{ trainingNeeds(regionCode: "32.15", first: 5) { edges { node { employee { nip } } } } }');
    expect(needs.errors).toBeUndefined();
    expect((needs.data as { trainingNeeds: { edges: unknown[] } }).trainingNeeds.edges.length).toBeGreaterThan(0);
    const employeeList = report.scenarios.find((s) => s.name === 'employee-list');
    const profileRun = report.scenarios.find((s) => s.name === 'employee-profile');
    // 100 employees with fields from both subgraphs weigh more than one employee's profile.
    expect(employeeList!.gateway.responseBytes).toBeGreaterThan(profileRun!.gateway.responseBytes);
  });
});
