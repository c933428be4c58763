import { describe, expect, it } from 'vitest';
import { summariseLatencies } from '../src/latency.ts';
import { graphqlAnswerOk } from '../src/load-run.ts';
import { overheadRatio, renderMarkdown, reportFileStem, sizeLabel, type BenchReport, type LoadRun } from '../src/report.ts';
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
  settings: { connections: 10, durationSeconds: 10, sqlProbeRepetitions: 5, gatewayUrl: 'http://localhost:4000/graphql' },
  machine: { hostname: 'h', platform: 'linux', cpus: { model: 'cpu', count: 2 }, memoryGiB: 8, node: '24.9.0', postgres: '15.20' },
  dataset: { employees: 10_000, assessments: 3000, databases: [{ name: 'kinerja_personnel', sizeMiB: 12.5 }] },
  sqlCountMethod: 'pg_stat_statements',
  scenarios: scenarios().map((s) => ({
    name: s.name,
    title: s.title,
    user: s.user,
    gateway: run('gateway', 12),
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

  it('defines the five scenarios, each with direct subgraph steps', () => {
    expect(scenarios().map((s) => s.name)).toEqual(['national-dashboard', 'provincial-drilldown', 'employee-profile', 'training-needs', 'employee-list']);
    for (const s of scenarios()) expect(s.direct.length).toBeGreaterThan(0);
    expect(scenarios({ employeePageSize: 10 }).find((s) => s.name === 'employee-list')?.query).toContain('first: 10)');
  });
});
