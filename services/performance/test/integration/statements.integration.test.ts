// Issue 13 item 4 (the bench's statement table): the entity fields the gateway asks for over a page of
// employees or every region of a dashboard cost the same number of SQL statements for 10 and for 100
// entities (per-request DataLoaders). Counted from the ORM's log.
import { randomUUID } from 'node:crypto';
import { leastStatementCount } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
const YEAR = 2025;
const run = randomUUID().slice(0, 8);
const regionCodes = Array.from({ length: 100 }, (_, i) => `32.${String(i + 1).padStart(2, '0')}`);
const unitIds = Array.from({ length: 100 }, (_, i) => `unit-stmt-${run}-${i}`);
const employeeIds = Array.from({ length: 100 }, (_, i) => `emp-stmt-${run}-${i}`);

beforeAll(async () => {
  h = await startHarness('performance_statements');
  for (const [i, code] of regionCodes.entries()) {
    await h.sql(`insert into predikat_summary (scope, scope_key, year, period, predikat, employees) values ('REGION', ?, ?, 'ANNUAL', 'BAIK', ?)`, [code, YEAR, i + 1]);
  }
  // One employee per unit (the unit's readers are those of its employees' regions), a goal and a potential each.
  for (const [i, unitId] of unitIds.entries()) {
    await h.sql(`insert into employee (employee_id, nip, region_code, unit_id, instansi_id, unit_path, status, last_event_at) values (?, ?, '32.15', ?, ?, ?, 'ACTIVE', now())`, [
      employeeIds[i], `19900101201501${String(1000 + i)}`, unitId, unitIds[0], `{${unitIds[0]}}`,
    ]);
    await h.sql(`insert into org_goal (id, unit_id, year, text, indicator, created_by) values (?, ?, ?, 'Sasaran', 'Indikator', 'uji')`, [randomUUID(), unitId, YEAR]);
    // An SKP each: the first ten employees in one instansi, the hundred in ten, so the larger page asks for
    // the periods of more instansi.
    await h.sql(`insert into skp (id, employee_id, year, instansi_id, region_code, status) values (?, ?, ?, ?, '32.15', 'DRAFT')`, [randomUUID(), employeeIds[i], YEAR, `inst-stmt-${run}-${Math.floor(i / 10)}`]);
    await h.sql(`insert into employee_potential (employee_id, assessment_id, version, assessed_on, jpm, category, last_event_at) values (?, ?, 1, '2025-06-01', 80, 'OPTIMAL', now())`, [employeeIds[i], randomUUID()]);
  }
}, 120_000);
afterAll(() => h?.stop());

const countStatements = (request: () => Promise<unknown>) => leastStatementCount(h, request);

async function entities<T>(token: string, selection: string, representations: Record<string, string>[]): Promise<T[]> {
  const result = await h.gql(token, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });
  expect(result.errors).toBeUndefined();
  return result.data?.['_entities'] as T[];
}

describe('SQL statements per request do not grow with the number of entities', () => {
  it('Employee.skp with its periods of 10 and of 100 employees in ten instansi', async () => {
    const token = await h.token('nasional.analis');
    const read = (count: number) => async () => {
      const rows = await entities<{ skp: { periods: { period: { code: string; state: string } }[] } | null }>(token,
        `... on Employee { skp(year: ${YEAR}) { year status periods { period { code state } } } }`, employeeIds.slice(0, count).map((id) => ({ __typename: 'Employee', id })));
      expect(rows).toHaveLength(count);
      expect(rows.every((r) => (r.skp?.periods.length ?? 0) >= 5)).toBe(true);
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`performance SQL statements: Employee.skp with periods of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });

  it('Region.predikatDistribution of 10 and of 100 regions', async () => {
    const token = await h.token('nasional.pimpinan');
    const read = (count: number) => async () => {
      const rows = await entities<{ predikatDistribution: { total: number } }>(token, `... on Region { predikatDistribution(year: ${YEAR}) { total } }`,
        regionCodes.slice(0, count).map((code) => ({ __typename: 'Region', code })));
      expect(rows.map((r) => r.predikatDistribution.total)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`performance SQL statements: Region.predikatDistribution of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
    expect(for10).toBeLessThanOrEqual(1);
  });

  it('every OrgUnit field of 10 and of 100 units (with the check that the reader covers each unit)', async () => {
    const token = await h.token('jabar.analis');
    const read = (count: number) => async () => {
      const r = unitIds.slice(0, count).map((id) => ({ __typename: 'OrgUnit', id }));
      // Two requests, each within the subgraph's query cost limit.
      const goals = await entities<{ orgGoals: { text: string }[]; performanceCascade: { employees: number } }>(token,
        `... on OrgUnit { orgGoals(year: ${YEAR}) { text } performanceCascade(year: ${YEAR}) { employees coverage } }`, r);
      const figures = await entities<{ predikatDistribution: { total: number }; talentMatrix: { withoutPotential: number }; publicFeedbackCodes: unknown[]; publicSatisfaction: { responses: number } }>(token,
        `... on OrgUnit { predikatDistribution(year: ${YEAR}) { total finalisations { evaluations } limits { bound } violations }
          talentMatrix(year: ${YEAR}) { withoutPotential } publicFeedbackCodes { code } publicSatisfaction(month: "${YEAR}-06") { responses } }`, r);
      expect(goals).toHaveLength(count);
      expect(goals.every((g) => g.orgGoals.length === 1 && g.performanceCascade.employees >= 1)).toBe(true);
      expect(figures.every((f) => f.predikatDistribution.total === 0 && f.publicSatisfaction.responses === 0)).toBe(true);
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`performance SQL statements: OrgUnit fields of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });

  it('Region.talentMatrix of 10 and of 100 regions', async () => {
    const token = await h.token('nasional.pimpinan');
    const read = (count: number) => async () => {
      const rows = await entities<{ talentMatrix: { boxes: unknown[] } }>(token, `... on Region { talentMatrix(year: ${YEAR}) { boxes { box employees } } }`,
        regionCodes.slice(0, count).map((code) => ({ __typename: 'Region', code })));
      expect(rows).toHaveLength(count);
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`performance SQL statements: Region.talentMatrix of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });

  it('Employee.talentBox and angkaKredit of 10 and of 100 employees', async () => {
    const token = await h.token('nasional.analis');
    const read = (count: number) => async () => {
      const rows = await entities<{ talentBox: unknown; angkaKredit: unknown }>(token, `... on Employee { talentBox(year: ${YEAR}) { box } angkaKredit(year: ${YEAR}) { angkaKredit } }`,
        employeeIds.slice(0, count).map((id) => ({ __typename: 'Employee', id })));
      // No annual predikat in this data: no box, but the potentials are read for every employee all the same.
      expect(rows).toEqual(Array(count).fill({ talentBox: null, angkaKredit: null }));
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`performance SQL statements: Employee.talentBox and angkaKredit of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });
});
