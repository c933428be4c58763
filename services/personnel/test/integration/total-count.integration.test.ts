// employees().totalCount (repositories/employee-count.ts): counted only when selected, read from
// region_headcount when that summary is exactly the visible set, counted otherwise — and in every case
// equal to the rows a client gets by paging to the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeVisibility } from '../../src/domain/visibility.ts';
import { countEmployees, employeeCountPlan } from '../../src/repositories/employee-count.ts';
import { employeeFilterSql, type EmployeeListFilter } from '../../src/repositories/employee-rows.ts';
import { ids, loadFixtures, nips } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('personnel_total_count');
  await loadFixtures(h);
  // 30 more in Karawang (every third retired), 12 in Banten (every fourth retired), so counts differ per
  // prefix and status and paging takes several pages.
  await h.sql(`insert into employee (id, nip, name, gender, birth_date, tmt_cpns, employment_type, golongan, position_id, unit_id, region_code, supervisor_id, status)
    select ('00000000-0000-4000-9100-' || lpad(g::text, 12, '0'))::uuid, '19800101200501' || '1' || lpad(g::text, 3, '0'),
           'Tambahan ' || lpad(g::text, 3, '0'), 'MALE', date '1980-01-01', date '2005-01-01', 'PNS', 'III/b',
           case when g % 2 = 0 then '${ids.positionPelaksana}'::uuid else '${ids.positionAnalis}'::uuid end,
           case when g < 30 then '${ids.unitKarawangDinas}'::uuid else '${ids.unitBanten}'::uuid end,
           case when g < 30 then '32.15' else '36' end, '${ids.atasan}',
           case when (g < 30 and g % 3 = 0) or (g >= 30 and g % 4 = 0) then 'RETIRED' else 'ACTIVE' end
    from generate_series(0, 41) g`);
}, 60_000);
afterAll(() => h?.stop());

const touchesEmployee = (sql: string) => /\bemployee\b/i.test(sql);

async function pageToTheEnd(token: string, filter: Record<string, unknown>): Promise<{ totalCount: number; rows: number }> {
  let after: string | null = null;
  let rows = 0;
  let totalCount = -1;
  for (;;) {
    const result = await h.gql(token, `query($filter: EmployeeFilter, $after: String) {
      employees(filter: $filter, first: 7, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { filter, after });
    expect(result.errors).toBeUndefined();
    const page = result.data?.['employees'] as { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    if (totalCount >= 0) expect(page.totalCount).toBe(totalCount);
    totalCount = page.totalCount;
    rows += page.nodes.length;
    if (!page.pageInfo.hasNextPage) return { totalCount, rows };
    after = page.pageInfo.endCursor;
  }
}

describe('totalCount equals the rows paged to the end', () => {
  it.each([
    ['jabar.analis, no filter (summary)', 'jabar.analis', {}, 'summary'],
    ['jabar.analis, regionCode 32.15 (summary)', 'jabar.analis', { regionCode: '32.15' }, 'summary'],
    ['jabar.analis, regionCode 32.04 (summary)', 'jabar.analis', { regionCode: '32.04' }, 'summary'],
    ['nasional.analis, no filter (summary)', 'nasional.analis', {}, 'summary'],
    ['nasional.analis, regionCode 36 (summary)', 'nasional.analis', { regionCode: '36' }, 'summary'],
    ['jabar.analis, name search (count)', 'jabar.analis', { search: 'Tambahan 0' }, 'count'],
    ['jabar.analis, jenis jabatan (count)', 'jabar.analis', { jenisJabatan: 'PELAKSANA' }, 'count'],
    ['nasional.analis, RETIRED (count)', 'nasional.analis', { status: 'RETIRED' }, 'count'],
    ['karawang.pegawai: self and own atasan (count)', 'karawang.pegawai', {}, 'count'],
    ['karawang.atasan: self, subordinates, own atasan (count)', 'karawang.atasan', {}, 'count'],
  ])('%s', async (_label, username, filter, path) => {
    const token = await h.token(username);
    h.statements.length = 0;
    const { totalCount, rows } = await pageToTheEnd(token, filter);
    expect(totalCount).toBe(rows);
    expect(rows).toBeGreaterThan(0);
    const countStatements = h.statements.filter((sql) => /count\(|region_headcount/i.test(sql));
    if (path === 'summary') {
      expect(countStatements.length).toBeGreaterThan(0);
      // The summary path counts from region_headcount alone: no count statement reads employee.
      expect(countStatements.filter(touchesEmployee)).toEqual([]);
      expect(countStatements.every((sql) => /region_headcount/.test(sql))).toBe(true);
    } else {
      expect(countStatements.some((sql) => /count\(\*\)/i.test(sql) && touchesEmployee(sql))).toBe(true);
    }
  });

  it('matches known figures, so a summary and a count that were both wrong would not pass', async () => {
    // 32: 8 fixture employees (6 in 32.15, Cecep in 32.04, Wawan in 32) + 20 active of the 30 generated Karawang
    // rows; nationally also Rina (36) and 9 of the 12 generated Banten rows; retired 10 + 3.
    expect((await pageToTheEnd(await h.token('jabar.analis'), {})).totalCount).toBe(28);
    expect((await pageToTheEnd(await h.token('nasional.analis'), {})).totalCount).toBe(38);
    expect((await pageToTheEnd(await h.token('nasional.analis'), { status: 'RETIRED' })).totalCount).toBe(13);
  });
});

describe('totalCount runs only when selected', () => {
  it('a page without totalCount sends no count statement; with it, one more', async () => {
    const token = await h.token('jabar.analis');
    const run = async (selection: string, filter: Record<string, unknown>) => {
      h.statements.length = 0;
      const result = await h.gql(token, `query($filter: EmployeeFilter) { employees(filter: $filter, first: 5) { ${selection} } }`, { filter });
      expect(result.errors).toBeUndefined();
      return [...h.statements];
    };
    for (const filter of [{}, { search: 'Tambahan' }]) {
      const without = await run('nodes { id }', filter);
      const withCount = await run('totalCount nodes { id }', filter);
      const counting = (sqls: string[]) => sqls.filter((sql) => /count\(|region_headcount/i.test(sql));
      console.info(`personnel SQL statements for employees(${JSON.stringify(filter)}): without totalCount → ${without.length}, with → ${withCount.length}`);
      expect(counting(without)).toEqual([]);
      expect(counting(withCount)).toHaveLength(1);
      expect(withCount.length).toBe(without.length + 1);
    }
  });
});

describe('a region viewer with a NIP: own row and own atasan outside the region are added, once', () => {
  // No demo user is a region role with a NIP, so this drives the repository directly with such a visibility.
  const countBoth = async (visibility: EmployeeVisibility, filter: EmployeeListFilter = {}) => {
    const em = h.orm.em.fork();
    const where = employeeFilterSql(visibility, filter);
    const [recount] = await em.execute<{ total: string }[]>(`select count(*) as total from employee e where ${where.sql}`, where.params);
    return { summary: await countEmployees(em, visibility, filter), recount: Number(recount?.total) };
  };
  const analisWithNip = (region: string, nip: string): EmployeeVisibility => ({ region, selfNip: nip, subordinatesOfNip: null, supervisorOfNip: nip });

  it.each([
    ['pegawai in 32.15 seen as analis of 32.04: self and atasan both outside (+2)', analisWithNip('32.04', nips.pegawai), 2],
    ['atasan in 32.15 seen as analis of 36: self and head outside (+2)', analisWithNip('36', nips.atasan), 2],
    ['pegawai seen as analis of 32: both inside (+0)', analisWithNip('32', nips.pegawai), 0],
    ['Cecep (32.04, no atasan) seen as analis of 36: only self (+1)', analisWithNip('36', nips.bandung), 1],
    ['unknown NIP: nothing extra', analisWithNip('32', '199909092020011009'), 0],
  ])('%s', async (_label, visibility, extra) => {
    expect(employeeCountPlan(visibility, {})).toMatchObject({ kind: 'summary', outsideRowsOfNip: visibility.selfNip });
    const { summary, recount } = await countBoth(visibility);
    expect(summary).toBe(recount);
    const [regionOnly] = await h.sql<{ active_employees: number }>('select active_employees from region_headcount where region_code = ?', [visibility.region]);
    expect(summary - (regionOnly?.active_employees ?? 0)).toBe(extra);
  });

  it('a RETIRED atasan outside the region is not added', async () => {
    await h.sql("update employee set status = 'RETIRED' where id = ?", [ids.head]);
    try {
      const { summary, recount } = await countBoth(analisWithNip('36', nips.atasan));
      expect(summary).toBe(recount);
      const [banten] = await h.sql<{ active_employees: number }>("select active_employees from region_headcount where region_code = '36'");
      expect(summary).toBe((banten?.active_employees ?? 0) + 1);
    } finally {
      await h.sql("update employee set status = 'ACTIVE' where id = ?", [ids.head]);
    }
  });
});
