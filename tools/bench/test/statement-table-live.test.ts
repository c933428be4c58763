// Issue 13 item 4: the statement table is produced for all five subgraphs, from the real subgraph processes
// on fresh databases with data loaded by the seed tool's own bulk loaders. It asserts the table's content
// (every `_entities` type and paged list of every schema has a row measured at 10 and 100 rows with a
// verdict), never a speed; the services' own statement tests assert that their fixed paths stay flat. The subgraphs run with the query cost limit raised: a path asks for 100 entities
// with every field two levels down, more than the limit admits for one client request.
import { startAttendanceProcess } from '@kinerja/attendance/testing';
import { startCompetencyProcess } from '@kinerja/competency/testing';
import { startPerformanceProcess } from '@kinerja/performance/testing';
import { startPersonnelProcess } from '@kinerja/personnel/testing';
import { startRemunerationProcess } from '@kinerja/remuneration/testing';
import type { SubgraphProcess } from '@kinerja/kit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../seed/src/seed.ts';
import { SEEDED_SERVICES, type SeededService } from '../../seed/src/seeded-services.ts';
import { passwordToken } from '../src/graphql-client.ts';
import { renderStatementTable } from '../src/report.ts';
import { dashboardPeriods } from '../src/scenarios.ts';
import { SELF_ONLY_FIELDS, STATEMENT_TABLE_SIZES, runStatementTable, type StatementTable } from '../src/statement-table.ts';
import { demoLogin } from '../src/settings.ts';

// BENCH_STATEMENT_EMPLOYEES runs it on more data (bench/README.md compares two sizes); CI keeps 400.
const SEEDED_EMPLOYEES = Number(process.env['BENCH_STATEMENT_EMPLOYEES'] ?? 400);
const servicesDir = fileURLToPath(new URL('../../../services', import.meta.url));

/** The @key types and the root fields with a `first` argument of a service's schema.graphql. */
function schemaPaths(service: string): { entities: string[]; pagedLists: string[] } {
  const document = parse(readFileSync(join(servicesDir, service, 'schema.graphql'), 'utf8'));
  const entities: string[] = [];
  const pagedLists: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (definition.directives?.some((d) => d.name.value === 'key')) entities.push(definition.name.value);
    if (definition.name.value !== 'Query') continue;
    for (const field of definition.fields ?? []) if (field.arguments?.some((a) => a.name.value === 'first')) pagedLists.push(field.name.value);
  }
  return { entities, pagedLists };
}
const started: Partial<Record<SeededService, SubgraphProcess>> = {};
let table: StatementTable;
const log: string[] = [];

beforeAll(async () => {
  const env = { ...process.env, GATEWAY_MAX_COST: '100000000' };
  const starters: Record<SeededService, () => Promise<SubgraphProcess>> = {
    personnel: () => startPersonnelProcess(env),
    competency: () => startCompetencyProcess(env),
    performance: () => startPerformanceProcess(env),
    attendance: () => startAttendanceProcess(env),
    remuneration: () => startRemunerationProcess(env),
  };
  const outcomes = await Promise.allSettled(SEEDED_SERVICES.map(async (service) => (started[service] = await starters[service]())));
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  const databaseUrls = Object.fromEntries(SEEDED_SERVICES.map((s) => [s, started[s]!.database.url]));
  await runSeed({
    employees: SEEDED_EMPLOYEES,
    seed: 'bench-statement-table',
    provinces: ['32', '36'],
    serverUrl: 'postgres://unused',
    services: SEEDED_SERVICES,
    databaseUrls,
    logger: pino({ level: 'warn' }),
  });
  const login = demoLogin(process.env);
  const tokens = new Map<string, Promise<string>>();
  table = await runStatementTable({
    subgraphUrls: Object.fromEntries(SEEDED_SERVICES.map((s) => [s, started[s]!.url])),
    databaseUrls,
    token: (user) => {
      if (!tokens.has(user)) tokens.set(user, passwordToken(login.keycloakUrl, login.realm, user, login.password));
      return tokens.get(user)!;
    },
    periods: dashboardPeriods(new Date()),
    log: (line) => log.push(line),
  });
  console.info(renderStatementTable(table).join('\n'));
});

afterAll(async () => {
  const failures: unknown[] = [];
  for (const service of SEEDED_SERVICES) await started[service]?.stop().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
});

describe('the statement table of all five subgraphs', () => {
  it('has rows for every subgraph, each measured at 10 and at 100 rows', () => {
    expect(table.sizes).toEqual([...STATEMENT_TABLE_SIZES]);
    expect(table.method).toBe('pg_stat_statements');
    expect(table.employees).toBe(SEEDED_EMPLOYEES);
    expect([...new Set(table.rows.map((r) => r.subgraph))]).toEqual([...SEEDED_SERVICES]);
    // Feedback requests are the requested employee's own (no reader of other employees may list them).
    const unreadable = [...SELF_ONLY_FIELDS].map((field) => `performance _entities ${field}`);
    for (const row of table.rows) {
      const where = `${row.subgraph} ${row.path}`;
      if (unreadable.includes(where)) {
        expect(row.error, where).toMatch(/FORBIDDEN/);
        continue;
      }
      expect(row.error, where).toBeNull();
      expect(row.statements, where).toEqual([expect.any(Number), expect.any(Number)]);
    }
  });

  it('has a row for every @key type of each schema.graphql and every paged root list', () => {
    for (const service of SEEDED_SERVICES) {
      const { entities, pagedLists } = schemaPaths(service);
      expect(entities.length, service).toBeGreaterThanOrEqual(3);
      const paths = table.rows.filter((r) => r.subgraph === service).map((r) => r.path);
      expect(paths, service).toEqual(expect.arrayContaining([...entities.map((t) => `_entities ${t}`), ...pagedLists.map((f) => `Query.${f}`)]));
    }
    const paths = table.rows.map((r) => `${r.subgraph} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining([
      'personnel Query.employees',
      'personnel _entities Employee.supervisor',
      'competency Query.trainingNeeds',
      'competency _entities Employee.competencyProfile',
      'performance Query.finalisedResults',
      'performance _entities Employee.skps',
      'attendance _entities Employee.attendance',
      'remuneration _entities Employee.tpp',
      'remuneration _entities Region.tppSummary',
    ]));
  });

  it('renders one line per path with its verdict, on data holding the rows asked for', () => {
    const rendered = renderStatementTable(table).join('\n');
    expect(rendered).toContain('| subgraph | path | statements at 10 | statements at 100 | O(1) |');
    for (const row of table.rows) {
      const where = `${row.subgraph} ${row.path}: ${row.statements.join(' → ')} (rows ${row.rows.join(', ')})`;
      expect(['yes', 'no', 'unproven'], where).toContain(row.constant);
      expect(rendered).toContain(`| ${row.subgraph} | ${row.path} | ${row.statements.map((n) => n ?? '–').join(' | ')} |`);
    }
    // The keys exist everywhere: personnel resolves 100 employees and regions (the 400 employees work in fewer units).
    for (const type of ['Employee', 'Region']) {
      expect(table.rows.find((r) => r.subgraph === 'personnel' && r.path === `_entities ${type}`)?.rows, type).toEqual([10, 100]);
    }
    const units = table.rows.find((r) => r.subgraph === 'personnel' && r.path === '_entities OrgUnit')?.rows ?? [];
    expect(units[0]).toBe(10);
    expect(units[1]).toBeGreaterThan(10);
  });
});
