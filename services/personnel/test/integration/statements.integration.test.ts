// DESIGN.md "Federation" / issue 3 "Done means": a list of 500 employees with their supervisors costs
// personnel a constant number of SQL statements. Counted from the ORM's query log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, loadFixtures } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let employeeIds: string[];

beforeAll(async () => {
  h = await startHarness('personnel_statements');
  await loadFixtures(h);
  // 600 generated employees in Karawang, each supervised by an earlier one (a deep, wide tree).
  await h.sql(`insert into employee (id, nip, name, gender, birth_date, tmt_cpns, employment_type, golongan, position_id, unit_id, region_code, supervisor_id)
    select ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid,
           '19800101200501' || '1' || lpad(g::text, 3, '0'),
           'Pegawai ' || lpad(g::text, 4, '0'), 'MALE', date '1980-01-01', date '2005-01-01', 'PNS', 'III/b',
           '${ids.positionPelaksana}', '${ids.unitKarawangDinas}', '32.15',
           case when g = 0 then '${ids.atasan}'::uuid else ('00000000-0000-4000-9000-' || lpad((g / 3)::text, 12, '0'))::uuid end
    from generate_series(0, 599) g order by g`);
  const rows = await h.sql<{ id: string }>("select id from employee where name like 'Pegawai %' order by name");
  employeeIds = rows.map((row) => row.id);
}, 60_000);
afterAll(() => h?.stop());

const entitiesQuery = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Employee {
      name
      supervisor { name supervisor { name } }
      subordinates { name }
      position { title kelasJabatan }
      unit { name headcount region { code headcount } instansi { name } }
      region { name parent { name } }
    }
  }
}`;

async function countStatements(run: () => Promise<unknown>): Promise<number> {
  h.statements.length = 0;
  await run();
  return h.statements.length;
}

describe('SQL statements per request do not grow with the number of employees', () => {
  it('resolves 50 and 500 employee references (with supervisors, subordinates, unit, region, position, headcounts) in the same number of statements', async () => {
    const token = await h.token('nasional.analis');
    const resolve = async (count: number) => {
      const representations = employeeIds.slice(0, count).map((id) => ({ __typename: 'Employee', id }));
      const result = await h.gql(token, entitiesQuery, { r: representations });
      expect(result.errors).toBeUndefined();
      const entities = result.data?.['_entities'] as { name: string; supervisor: { name: string } | null }[];
      expect(entities).toHaveLength(count);
      expect(entities.every((e) => e.supervisor !== null)).toBe(true);
    };
    const for50 = await countStatements(() => resolve(50));
    const for500 = await countStatements(() => resolve(500));
    console.info(`personnel SQL statements: 50 references → ${for50}, 500 references → ${for500}`);
    expect(for500).toBe(for50);
    expect(for500).toBeLessThanOrEqual(12);
  });

  it('lists 10 and 100 employees per page with supervisors in the same number of statements', async () => {
    const token = await h.token('jabar.analis');
    const page = (first: number) => async () => {
      const result = await h.gql(token, `query($first: Int) { employees(first: $first, filter: { search: "Pegawai" }) {
        totalCount nodes { name supervisor { name } subordinates { name } unit { name } position { title } region { code } } } }`, { first });
      expect(result.errors).toBeUndefined();
      expect((result.data?.['employees'] as { nodes: unknown[] }).nodes).toHaveLength(first);
    };
    const for10 = await countStatements(page(10));
    const for100 = await countStatements(page(100));
    console.info(`personnel SQL statements: page of 10 → ${for10}, page of 100 → ${for100}`);
    expect(for100).toBe(for10);
  });
});

describe('headcounts read the maintained summaries, never the employee table', () => {
  const touchesEmployee = (sql: string) => /\bemployee\b/i.test(sql);

  it('regions(level: PROVINCE) and (level: REGENCY) with headcounts cost the same statements, none on employee', async () => {
    const token = await h.token('nasional.pimpinan');
    const read = (level: string, expected: number) => async () => {
      const result = await h.gql(token, `query($level: RegionLevel!) { regions(level: $level) { code headcount } }`, { level });
      expect(result.errors).toBeUndefined();
      const regions = result.data?.['regions'] as { code: string; headcount: number }[];
      expect(regions).toHaveLength(expected);
      return regions;
    };
    let provinces: { code: string; headcount: number }[] = [];
    const forProvinces = await countStatements(async () => (provinces = await read('PROVINCE', 38)()));
    const provinceStatements = [...h.statements];
    const forRegencies = await countStatements(read('REGENCY', 514));
    console.info(`personnel SQL statements: 38 province headcounts → ${forProvinces}, 514 regency headcounts → ${forRegencies}`);
    expect(forRegencies).toBe(forProvinces);
    expect(forProvinces).toBeLessThanOrEqual(2);
    expect([...provinceStatements, ...h.statements].filter(touchesEmployee)).toEqual([]);
    // 600 generated + 6 fixture employees are active in 32.
    expect(provinces.find((p) => p.code === '32')?.headcount).toBe(608);
  });

  it('region drill-down and unit subtree headcounts do not touch employee either', async () => {
    const token = await h.token('jabar.analis');
    const statements = await countStatements(async () => {
      const result = await h.gql(token, `query($unit: ID!) {
        region(code: "32") { headcount children { code headcount } }
        orgUnit(id: $unit) { headcount children { headcount } }
      }`, { unit: ids.unitKarawang });
      expect(result.errors).toBeUndefined();
      expect(result.data?.['orgUnit']).toMatchObject({ headcount: 606 });
    });
    expect(statements).toBeGreaterThan(0);
    expect(h.statements.filter(touchesEmployee)).toEqual([]);
  });
});
