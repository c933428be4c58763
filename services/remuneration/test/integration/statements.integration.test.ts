// Issue 13 item 4 (the bench's statement table): Employee.tpp, Region.tppSummary and OrgUnit.tppSummary
// over 10 and over 100 entities cost the same number of SQL statements (per-request DataLoaders), as the
// gateway asks for a page of employees or every region of a dashboard at once. Counted from the ORM's log.
import { randomUUID } from 'node:crypto';
import { leastStatementCount } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
const MONTH = '2026-08';
const run = randomUUID().slice(0, 8);
const employeeIds = Array.from({ length: 100 }, (_, i) => `emp-stmt-${run}-${String(i).padStart(3, '0')}`);
const regionCodes = Array.from({ length: 100 }, (_, i) => `32.${String(i + 1).padStart(2, '0')}`);
const unitIds = Array.from({ length: 100 }, (_, i) => `unit-stmt-${run}-${i}`);
// Ten instansi, every other one locked: the slips of a page come from several instansi.
const instansiOf = (i: number) => `inst-stmt-${run}-${i % 10}`;

beforeAll(async () => {
  h = await startHarness('remuneration_statements');
  for (const [i, id] of employeeIds.entries()) {
    await h.sql(`insert into "employee" ("employee_id", "nip", "name", "instansi_id", "region_code", "status", "last_event_at") values (?, ?, ?, ?, '32.15', 'ACTIVE', now())`, [
      id, `19900101201501${String(1000 + i)}`, `Pegawai ${i}`, instansiOf(i),
    ]);
    // Two versions each, so the history of every slip has more than one row.
    for (const version of [1, 2]) {
      await h.sql(
        `insert into "tpp_statement" ("id", "employee_id", "month", "version", "current", "instansi_id", "region_code", "nip", "name", "rule_version", "inputs",
           "base", "gross", "deductions", "tax", "net", "lines", "cuts", "run_id", "computed_by", "computed_at", "reason")
         values (?, ?, ?, ?, ?, ?, '32.15', ?, ?, ?, 'x', 1000, 1000, 0, 0, 1000, '[]', '{}', ?, 'uji', now(), ?)`,
        [randomUUID(), id, MONTH, version, version === 2, instansiOf(i), `19900101201501${String(1000 + i)}`, `Pegawai ${i}`, randomUUID(), randomUUID(), `versi ${version}`],
      );
    }
  }
  for (let i = 0; i < 10; i += 2) await h.sql(`insert into "tpp_month" ("instansi_id", "month", "status", "changed_by", "changed_at") values (?, ?, 'LOCKED', 'uji', now())`, [instansiOf(i), MONTH]);
  for (const [kind, ids] of [['REGION', regionCodes], ['UNIT', unitIds]] as const) {
    for (const id of ids) {
      await h.sql(`insert into "tpp_summary" ("scope_kind", "scope_id", "month", "region_code", "headcount_paid", "gross", "deductions", "tax", "net", "cuts") values (?, ?, ?, '32', 3, 3000, 0, 0, 3000, '{}')`, [
        kind, id, MONTH,
      ]);
    }
  }
}, 120_000);
afterAll(() => h?.stop());

const countStatements = (request: () => Promise<unknown>) => leastStatementCount(h, request);

describe('SQL statements per request do not grow with the number of entities', () => {
  it('Employee.tpp of 10 and of 100 employees (history and lock state included)', async () => {
    const token = await h.token('nasional.analis');
    const slips = (count: number) => async () => {
      const result = await h.gql(token, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { tpp(month: "${MONTH}") { version locked history { version } } } } }`, {
        r: employeeIds.slice(0, count).map((id) => ({ __typename: 'Employee', id })),
      });
      expect(result.errors).toBeUndefined();
      const entities = result.data?.['_entities'] as { tpp: { version: number; locked: boolean; history: unknown[] } }[];
      expect(entities.map((e) => e.tpp.version)).toEqual(Array(count).fill(2));
      expect(entities.every((e) => e.tpp.history.length === 2)).toBe(true);
      expect(entities.map((e) => e.tpp.locked)).toEqual(Array.from({ length: count }, (_, i) => i % 2 === 0));
    };
    const for10 = await countStatements(slips(10));
    const for100 = await countStatements(slips(100));
    console.info(`remuneration SQL statements: Employee.tpp of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });

  it('Region.tppSummary and OrgUnit.tppSummary of 10 and of 100 regions and units', async () => {
    const token = await h.token('nasional.pimpinan');
    const summaries = (count: number) => async () => {
      const result = await h.gql(token, `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Region { tppSummary(month: "${MONTH}") { headcountPaid net } } ... on OrgUnit { tppSummary(month: "${MONTH}") { headcountPaid net } } } }`, {
        r: [...regionCodes.slice(0, count).map((code) => ({ __typename: 'Region', code })), ...unitIds.slice(0, count).map((id) => ({ __typename: 'OrgUnit', id }))],
      });
      expect(result.errors).toBeUndefined();
      const entities = result.data?.['_entities'] as { tppSummary: { headcountPaid: number; net: number } }[];
      expect(entities).toHaveLength(2 * count);
      expect(entities.every((e) => e.tppSummary.headcountPaid === 3 && e.tppSummary.net === 3000)).toBe(true);
    };
    const for10 = await countStatements(summaries(10));
    const for100 = await countStatements(summaries(100));
    console.info(`remuneration SQL statements: tppSummary of 10 + 10 → ${for10}, of 100 + 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
    expect(for10).toBeLessThanOrEqual(2);
  });
});
