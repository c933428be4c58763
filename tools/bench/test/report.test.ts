import { describe, expect, it } from 'vitest';
import { summariseLatencies } from '../src/latency.ts';
import { pointSupergraphAt } from '../src/hive-gateway.ts';
import { graphqlAnswerOk, mergeLoads, type RawLoad } from '../src/load-run.ts';
import type { IngestResult } from '../src/ingest-figures.ts';
import { overheadRatio, renderMarkdown, reportFileStem, sizeLabel, versusHive, type BenchReport, type LoadRun } from '../src/report.ts';
import { representations, scenarios } from '../src/scenarios.ts';

const run = (target: string, p50: number, requests = 100): LoadRun => ({
  target,
  url: `http://localhost/${target}`,
  requests,
  seconds: 10,
  throughput: requests / 10,
  latency: { p50, p95: p50 * 2, p99: p50 * 3, mean: p50, max: p50 * 4 },
  errors: 0,
  responseBytes: 1234,
});

const fixture = (): BenchReport => ({
  kind: 'kinerja-bench',
  version: 1,
  startedAt: '2025-07-01T10:00:00.000Z',
  finishedAt: '2025-07-01T10:05:00.000Z',
  sizeLabel: '10k',
  settings: { connections: 10, durationSeconds: 10, sqlProbeRepetitions: 5, gatewayUrl: 'http://localhost:4000/graphql', hiveGateway: null },
  machine: { hostname: 'h', platform: 'linux', cpus: { model: 'cpu', count: 2 }, memoryGiB: 8, node: '24.9.0', postgres: '15.20' },
  dataset: { employees: 10_000, assessments: 3000, databases: [{ name: 'kinerja_personnel', sizeMiB: 12.5 }] },
  sqlCountMethod: 'pg_stat_statements',
  scenarios: scenarios().map((s) => ({
    name: s.name,
    title: s.title,
    user: s.user,
    gateway: run('gateway', 12),
    hive: null,
    versusHive: null,
    direct: [run('personnel', 4), run('competency', 2)],
    gatewayOverheadRatio: 2,
    sql: [
      { subgraph: 'personnel', perOperation: 3, method: 'pg_stat_statements' },
      { subgraph: 'competency', perOperation: 2, method: 'pg_stat_statements' },
    ],
    tableScans: [
      { subgraph: 'personnel', perOperation: 4 },
      { subgraph: 'competency', perOperation: 2 },
    ],
  })),
  failures: [{ scenario: 'employee-list', message: 'fetch failed' }],
  nPlusOne: { scenario: 'employee-list', pageSizes: [10, 100], bySubgraph: [{ subgraph: 'personnel', perOperation: [3, 3] }] },
});

describe('report building', () => {
  it.each([
    [[], { p50: 0, p95: 0, p99: 0 }],
    [[5], { p50: 5, p95: 5, p99: 5 }],
    [Array.from({ length: 100 }, (_, i) => i + 1), { p50: 50, p95: 95, p99: 99 }],
    [[10, 1, 7, 3], { p50: 3, p95: 10, p99: 10 }],
  ])('summarises latencies %j as nearest-rank percentiles', (values, expected) => {
    expect(summariseLatencies(values)).toMatchObject(expected);
  });

  it.each([
    [null, 'unknown'],
    [812, '812'],
    [10_000, '10k'],
    [100_213, '100k'],
    [1_000_000, '1M'],
  ])('labels %s employees as %s', (employees, label) => {
    expect(sizeLabel(employees)).toBe(label);
  });

  it('computes the gateway overhead against the sum of the subgraph fetches', () => {
    expect(overheadRatio(run('gateway', 12), [run('personnel', 4), run('competency', 2)])).toBe(2);
    expect(overheadRatio(run('gateway', 12, 0), [run('personnel', 4)])).toBeNull();
    expect(overheadRatio(run('gateway', 12), [])).toBeNull();
    expect(overheadRatio(run('gateway', 12), [run('personnel', 0, 0), run('competency', 2)])).toBeNull();
  });

  it('names report files by start time and size', () => {
    expect(reportFileStem(fixture())).toBe('2025-07-01T100000Z-10k');
  });

  it('renders every scenario, target and SQL count into Markdown', () => {
    const markdown = renderMarkdown(fixture());
    expect(markdown).toContain('# Kinerja ASN benchmark, 10k employees');
    for (const s of scenarios()) {
      expect(markdown).toMatch(new RegExp(`\\| ${s.name} \\| gateway \\| 100 \\| 10\\.0 \\| 12\\.0 \\| 24\\.0 \\| 36\\.0 \\| 0 \\|`));
      expect(markdown).toContain(`| ${s.name} | 2.00 | 3.0 | 2.0 |`);
    }
    expect(markdown).toContain('| personnel | 3.0 | 3.0 |');
    expect(markdown).toContain('- employee-list: fetch failed');
    // without pg_stat_statements the table-scan cross-check is shown too
    const fallback = renderMarkdown({ ...fixture(), sqlCountMethod: 'pg_stat_database.xact_commit' });
    expect(fallback).toContain('| national-dashboard | 2.00 | 3.0 | 2.0 | 4.0 | 2.0 |');
  });

  it('renders the attendance ingest: both paths, capture-to-status latency, memory, SQL and CPU', () => {
    const latency = { p50: 300, p95: 900, p99: 1200, mean: 350, max: 1500 };
    const ingest: IngestResult = {
      name: 'attendance-ingest',
      settings: { employees: 5000, devices: 4, linesPerPost: 500, connections: 10, durationSeconds: 30 },
      phases: [
        {
          path: 'device',
          seconds: 30,
          requests: 300,
          captures: 150_000,
          capturesPerSecond: 5000,
          requestLatency: latency,
          errors: 0,
          errorKinds: {},
          sql: { statements: 9000, perCapture: 0.06, totalMs: 25_000, top: [{ query: 'with input as (select * from unnest($1::uuid[]) …', perCapture: 0.002, totalMs: 9000 }] },
        },
        { path: 'mutation', seconds: 30, requests: 2000, captures: 2000, capturesPerSecond: 67, requestLatency: latency, errors: 12, errorKinds: { duplicate_capture: 12 }, sql: null },
      ],
      captureToStatus: { ...latency, samples: 90, notSeen: 1 },
      memory: {
        samples: [],
        startMiB: 200,
        endMiB: 480,
        maxMiB: 490,
        paths: [
          { path: 'device', startMiB: 200, endMiB: 470, maxMiB: 490, rssSlopeMiBPerMinute: 1.5, heapFloorMiB: { firstHalf: 58, secondHalf: 61.2 } },
          { path: 'mutation', startMiB: 470, endMiB: 480, maxMiB: 480, rssSlopeMiBPerMinute: null, heapFloorMiB: { firstHalf: null, secondHalf: null } },
        ],
      },
      cpu: { sampledSeconds: 60, byArea: [{ name: '(idle)', percent: 30 }], topFunctions: [{ name: 'writeBuffer', percent: 8, via: ['query pg/lib/client.js:10'] }] },
    };
    const markdown = renderMarkdown({ ...fixture(), ingest });
    expect(markdown).toContain('## Attendance ingest (attendance-ingest)');
    expect(markdown).toContain('| device | 300 | 150000 | 5000 | 300.0 | 900.0 | 1200.0 | 0 | 0.060 |');
    expect(markdown).toContain('| mutation | 2000 | 2000 | 67 | 300.0 | 900.0 | 1200.0 | 12 | – |');
    expect(markdown).toContain('Errors of mutation: duplicate_capture × 12.');
    expect(markdown).toContain('p50 300 ms, p95 900 ms, max 1500 ms over 90 samples; 1 not seen within 10 s');
    expect(markdown).toContain('resident 200.0 MiB at the start, 480.0 MiB at the end, 490.0 MiB at most.');
    expect(markdown).toContain('| device | 200.0 | 470.0 | 490.0 | 1.5 | 58.0 → 61.2 |');
    expect(markdown).toContain('| mutation | 470.0 | 480.0 | 480.0 | – | – → – |');
    expect(markdown).toContain('No full collection in the second half of mutation: its RSS slope is the heap still growing');
    const settled = { ...ingest, memory: { ...ingest.memory, paths: ingest.memory.paths.slice(0, 1) } };
    expect(renderMarkdown({ ...fixture(), ingest: settled })).not.toContain('No full collection');
    expect(markdown).toContain('| `with input as (select * from unnest($1::uuid[]) …` | 0.002 | 9000 |');
    expect(markdown).toContain('| writeBuffer | 8 | query pg/lib/client.js:10 |');
    expect(renderMarkdown(fixture())).not.toContain('Attendance ingest');
  });

  it('treats GraphQL errors in a 200 answer as failures', () => {
    expect(graphqlAnswerOk('{"data":{"me":null}}')).toBe(true);
    expect(graphqlAnswerOk('{"errors":[{"message":"x"}],"data":null}')).toBe(false);
    expect(graphqlAnswerOk('not json')).toBe(false);
  });

  it('builds federation representations from a subgraph answer', () => {
    const data = { employees: { nodes: [{ __typename: 'Employee', id: 'a' }, { __typename: 'Employee', id: 'b' }, { __typename: 'Employee', id: 'a' }] } };
    expect(representations(data, 'Employee', 'id')).toEqual([
      { __typename: 'Employee', id: 'a' },
      { __typename: 'Employee', id: 'b' },
    ]);
  });

  it('defines the seven scenarios, each with direct subgraph steps; the all-domain ones fetch from all five subgraphs', () => {
    expect(scenarios().map((s) => s.name)).toEqual(['national-dashboard', 'provincial-drilldown', 'national-dashboard-all', 'provincial-drilldown-all', 'employee-profile', 'training-needs', 'employee-list']);
    for (const name of ['national-dashboard-all', 'provincial-drilldown-all']) {
      expect(scenarios().find((s) => s.name === name)?.direct.map((d) => d.subgraph)).toEqual(['personnel', 'competency', 'performance', 'attendance', 'remuneration']);
    }
    expect(scenarios({ today: new Date('2026-01-15T00:00:00Z') }).find((s) => s.name === 'national-dashboard-all')?.query).toMatch(/predikatDistribution\(year: 2025\).*tppSummary\(month: "2025-12"\)/);
    for (const s of scenarios()) expect(s.direct.length).toBeGreaterThan(0);
    expect(scenarios({ employeePageSize: 10 }).find((s) => s.name === 'employee-list')?.query).toContain('first: 10)');
  });
});

describe('comparison with Hive Gateway (issue 13: same supergraph, alternating runs)', () => {
  const raw = (latencies: number[], seconds: number, errors = 0): RawLoad => ({ target: 'gateway', url: 'u', requests: latencies.length, seconds, latencies, errors, bytes: latencies.length * 10 });

  it('merges alternating rounds: requests and seconds add up, percentiles are taken over every response', () => {
    const merged = mergeLoads([raw([1, 2, 3, 4], 2), raw([5, 6, 7, 8, 9, 10], 3, 1)]);
    expect(merged).toMatchObject({ requests: 10, seconds: 5, throughput: 2, errors: 1, responseBytes: 10 });
    expect(merged.latency).toMatchObject({ p50: 5, p95: 10, max: 10 });
    expect(() => mergeLoads([])).toThrow();
  });

  it('gives ours ÷ Hive for throughput and p95, null when a side served nothing', () => {
    expect(versusHive(run('gateway', 10, 300), run('hive-gateway', 20, 200))).toEqual({ throughputRatio: 1.5, p95Ratio: 0.5 });
    expect(versusHive(run('gateway', 10, 300), run('hive-gateway', 0, 0))).toEqual({ throughputRatio: null, p95Ratio: null });
  });

  it('renders the comparison table only for a run that compared', () => {
    const compared = fixture();
    compared.settings.hiveGateway = { url: 'http://127.0.0.1:1/graphql', version: '2.15.1', rounds: 2 };
    compared.scenarios = compared.scenarios.map((s) => ({ ...s, hive: run('hive-gateway', 10, 80), versusHive: versusHive(s.gateway, run('hive-gateway', 10, 80)) }));
    const markdown = renderMarkdown(compared);
    expect(markdown).toContain('## Our gateway against Hive Gateway 2.15.1');
    expect(markdown).toContain(`| ${compared.scenarios[0]!.name} | 10.0 | 8.0 | 1.25 | 24.0 | 20.0 | 1.20 |`);
    expect(markdown).toContain(`| ${compared.scenarios[0]!.name} | hive-gateway |`);
    expect(renderMarkdown(fixture())).not.toContain('Hive Gateway');
  });

  it('points the supergraph at the subgraphs the bench runs, leaving others alone', () => {
    const sdl = [
      '  COMPETENCY @join__graph(name: "competency", url: "http://localhost:4002/graphql")',
      '  PERSONNEL @join__graph(name: "personnel", url: "http://localhost:4001/graphql")',
    ].join('\n');
    expect(pointSupergraphAt(sdl, { personnel: 'http://127.0.0.1:5555/graphql' })).toBe(
      sdl.replace('http://localhost:4001/graphql', 'http://127.0.0.1:5555/graphql'),
    );
  });
});
