// Maintained headcounts (DESIGN.md "Federation": dashboard aggregates cost O(regions), not
// O(employees)). Every figure is checked against a COUNT(*) over the employee table at each level
// (national `ID`, province `32`, regency `32.15`, a unit and its instansi subtree) after each write
// path: hire, transfer across regions, retire, the bulk loader (twice: idempotent), raw SQL; and a write
// that fails leaves every figure as it was.
import { createOrm } from '@kinerja/kit/db';
import { createLogger } from '@kinerja/kit/server';
import { createTestDatabase } from '@kinerja/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersonnelBatch, type BulkEmployee, type BulkOrgUnit } from '../../src/bulk/index.ts';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';
import { hireInput, ids, loadFixtures } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('personnel_headcount');
  await loadFixtures(h);
}, 60_000);
afterAll(() => h?.stop());

const regionCodes = ['ID', '32', '32.15', '32.04', '36'] as const;
const unitIds = [ids.unitKarawang, ids.unitKarawangDinas, ids.unitJabar, ids.unitBandung, ids.unitBanten] as const;

interface Figures {
  regions: Record<string, number>;
  units: Record<string, number>;
}

/** What the API answers (the maintained summaries). */
async function served(): Promise<Figures> {
  const result = await h.gql(
    await h.token('nasional.analis'),
    `query($codes: [_Any!]!, $units: [_Any!]!) {
      regions: _entities(representations: $codes) { ... on Region { code headcount } }
      units: _entities(representations: $units) { ... on OrgUnit { id headcount } }
    }`,
    {
      codes: regionCodes.map((code) => ({ __typename: 'Region', code })),
      units: unitIds.map((id) => ({ __typename: 'OrgUnit', id })),
    },
  );
  expect(result.errors).toBeUndefined();
  const regions = result.data?.['regions'] as { code: string; headcount: number }[];
  const units = result.data?.['units'] as { id: string; headcount: number }[];
  return {
    regions: Object.fromEntries(regions.map((r) => [r.code, r.headcount])),
    units: Object.fromEntries(units.map((u) => [u.id, u.headcount])),
  };
}

/** The same figures counted from the employee table (the oracle). */
async function counted(): Promise<Figures> {
  const regions: Record<string, number> = {};
  for (const code of regionCodes) {
    const [row] = await h.sql<{ n: string }>(
      code === 'ID'
        ? "select count(*) as n from employee where status = 'ACTIVE'"
        : "select count(*) as n from employee where status = 'ACTIVE' and (region_code = ? or region_code like ?)",
      code === 'ID' ? [] : [code, `${code}.%`],
    );
    regions[code] = Number(row?.n);
  }
  const units: Record<string, number> = {};
  for (const id of unitIds) {
    const [row] = await h.sql<{ n: string }>(
      `with recursive tree(id) as (select ?::uuid union select c.id from org_unit c join tree on c.parent_id = tree.id)
       select count(*) as n from employee e join tree on e.unit_id = tree.id where e.status = 'ACTIVE'`,
      [id],
    );
    units[id] = Number(row?.n);
  }
  return { regions, units };
}

async function expectServedEqualsCounted(): Promise<Figures> {
  const [answer, oracle] = await Promise.all([served(), counted()]);
  expect(answer).toEqual(oracle);
  return answer;
}

const hire = `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`;
const transfer = `mutation($e: ID!, $u: ID!) { transferEmployee(employeeId: $e, unitId: $u) { id } }`;
const retire = `mutation($e: ID!, $d: String) { retireEmployee(employeeId: $e, effectiveDate: $d) { employee { id status } } }`;
const changePosition = `mutation($e: ID!, $p: ID!) { changePosition(employeeId: $e, positionId: $p) { id } }`;


describe('headcounts follow every write path and equal a recount of employee', () => {
  let hiredId: string;

  it('starts equal to the recount for the fixtures written with plain SQL (6 active in 32.15)', async () => {
    const figures = await expectServedEqualsCounted();
    expect(figures.regions).toMatchObject({ ID: 9, '32': 8, '32.15': 6, '32.04': 1, '36': 1 });
    expect(figures.units[ids.unitKarawang]).toBe(6);
    expect(figures.units[ids.unitKarawangDinas]).toBe(5);
  });

  it('hire: +1 at ID, 32, 32.15, the unit and its instansi', async () => {
    const before = await served();
    const result = await h.gql(await h.token('karawang.admin'), hire, { input: hireInput });
    expect(result.errors).toBeUndefined();
    hiredId = (result.data?.['hireEmployee'] as { id: string }).id;
    const after = await expectServedEqualsCounted();
    for (const code of ['ID', '32', '32.15']) expect(after.regions[code]).toBe((before.regions[code] ?? 0) + 1);
    expect(after.units[ids.unitKarawangDinas]).toBe((before.units[ids.unitKarawangDinas] ?? 0) + 1);
    expect(after.units[ids.unitKarawang]).toBe((before.units[ids.unitKarawang] ?? 0) + 1);
  });

  it('transfer from 32.15 to a province unit: -1 at 32.15 and the Karawang units, +1 at the province unit, 32 and ID unchanged', async () => {
    const before = await served();
    const result = await h.gql(await h.token('jabar.admin'), transfer, { e: hiredId, u: ids.unitJabar });
    expect(result.errors).toBeUndefined();
    const after = await expectServedEqualsCounted();
    expect(after.regions['32.15']).toBe((before.regions['32.15'] ?? 0) - 1);
    expect(after.regions['32']).toBe(before.regions['32']);
    expect(after.regions['ID']).toBe(before.regions['ID']);
    expect(after.units[ids.unitKarawang]).toBe((before.units[ids.unitKarawang] ?? 0) - 1);
    expect(after.units[ids.unitJabar]).toBe((before.units[ids.unitJabar] ?? 0) + 1);
  });

  it('transfer between two regencies (32.04 to 32.15): the regencies move, 32 and ID stay', async () => {
    const before = await served();
    const result = await h.gql(await h.token('jabar.admin'), transfer, { e: ids.bandung, u: ids.unitKarawangDinas });
    expect(result.errors).toBeUndefined();
    const after = await expectServedEqualsCounted();
    expect(after.regions['32.04']).toBe((before.regions['32.04'] ?? 0) - 1);
    expect(after.regions['32.15']).toBe((before.regions['32.15'] ?? 0) + 1);
    expect(after.regions['32']).toBe(before.regions['32']);
  });

  it('a position change leaves every headcount as it was', async () => {
    const before = await served();
    const result = await h.gql(await h.token('jabar.admin'), changePosition, { e: hiredId, p: ids.positionKepala });
    expect(result.errors).toBeUndefined();
    expect(await expectServedEqualsCounted()).toEqual(before);
  });

  it('retire: -1 at ID, 32 and the province unit; a retired employee is not counted again', async () => {
    const before = await served();
    const result = await h.gql(await h.token('jabar.admin'), retire, { e: hiredId, d: '2025-03-31' });
    expect(result.errors).toBeUndefined();
    const after = await expectServedEqualsCounted();
    expect(after.regions['ID']).toBe((before.regions['ID'] ?? 0) - 1);
    expect(after.regions['32']).toBe((before.regions['32'] ?? 0) - 1);
    expect(after.units[ids.unitJabar]).toBe((before.units[ids.unitJabar] ?? 0) - 1);
  });
});

describe('a write that fails leaves the summaries unchanged', () => {
  async function summaryRows(): Promise<string> {
    const rows = await h.sql<{ rows: string }>(
      `select coalesce((select string_agg(r::text, '|' order by r.region_code) from region_headcount r), '') || '#' ||
              coalesce((select string_agg(u::text, '|' order by u.unit_id) from unit_headcount u), '') as rows`,
    );
    return rows[0]?.rows ?? '';
  }

  it('a refused hire (NIP taken) changes nothing', async () => {
    const before = await summaryRows();
    const result = await h.gql(await h.token('karawang.admin'), hire, { input: hireInput });
    expect(result.errors?.[0]?.extensions?.['reason']).toBe('nip_taken');
    expect(await summaryRows()).toBe(before);
  });

  it('a retire whose transaction fails at commit, after the employee row and the summary were updated, rolls both back', async () => {
    // A deferred constraint trigger fires at COMMIT, after the update and its headcount trigger ran,
    // so this proves the summary change is part of the mutation's transaction.
    await h.sql(`create function reject_retire() returns trigger language plpgsql as $$
      begin raise exception 'test: commit refused'; end $$`);
    await h.sql(`create constraint trigger reject_retire after update on employee deferrable initially deferred
      for each row when (new.status = 'RETIRED') execute function reject_retire()`);
    try {
      const before = await summaryRows();
      const result = await h.gql(await h.token('karawang.admin'), retire, { e: ids.colleague, d: '2025-03-31' });
      expect(result.errors).toBeDefined();
      expect(await summaryRows()).toBe(before);
      const [row] = await h.sql<{ status: string }>('select status from employee where id = ?', [ids.colleague]);
      expect(row?.status).toBe('ACTIVE');
    } finally {
      await h.sql('drop trigger reject_retire on employee');
      await h.sql('drop function reject_retire()');
    }
    await expectServedEqualsCounted();
  });
});

describe('the bulk loader adds what a batch inserted, and a re-run adds nothing', () => {
  const unit: BulkOrgUnit = {
    id: '00000000-0000-4000-8000-0000000b0001',
    name: 'Dinas Pendidikan',
    parentId: ids.unitKarawang,
    instansiId: ids.unitKarawang,
    regionCode: '32.15',
  };
  const employees: BulkEmployee[] = Array.from({ length: 25 }, (_, i) => ({
    id: `00000000-0000-4000-8000-0000000b1${String(i).padStart(3, '0')}`,
    nip: `19850101201001${i % 2 === 0 ? '1' : '2'}${String(i).padStart(3, '0')}`,
    name: `Guru ${i}`,
    gender: i % 2 === 0 ? 'MALE' : 'FEMALE',
    birthDate: '1985-01-01',
    tmt: '2010-01-01',
    employmentType: 'PNS',
    golongan: 'III/b',
    positionId: ids.positionPelaksana,
    unitId: unit.id,
    regionCode: '32.15',
    supervisorId: null,
  }));

  it('loads 25 employees into a new unit: +25 at ID, 32, 32.15, the unit and the instansi; the same batch again: +0', async () => {
    const client = new pg.Client({ connectionString: h.db.url });
    await client.connect();
    try {
      const before = await served();
      const first = await loadPersonnelBatch(client, { units: [unit], positions: [], employees });
      expect(first.employees).toBe(25);
      const after = await expectServedEqualsCounted();
      for (const code of ['ID', '32', '32.15']) expect(after.regions[code]).toBe((before.regions[code] ?? 0) + 25);
      expect(after.units[ids.unitKarawang]).toBe((before.units[ids.unitKarawang] ?? 0) + 25);

      // A re-run with five more: only the five new rows count.
      const more = Array.from({ length: 5 }, (_, i) => ({ ...employees[0]!, id: `00000000-0000-4000-8000-0000000b2${String(i).padStart(3, '0')}`, nip: `19850101201001${'1'}${String(100 + i)}` }));
      const second = await loadPersonnelBatch(client, { units: [unit], positions: [], employees: [...employees, ...more] });
      expect(second.employees).toBe(5);
      const again = await expectServedEqualsCounted();
      expect(again.regions['ID']).toBe((after.regions['ID'] ?? 0) + 5);
      expect(again.units[ids.unitKarawang]).toBe((after.units[ids.unitKarawang] ?? 0) + 5);
    } finally {
      await client.end();
    }
  });

  it('a batch that fails is rolled back whole, summaries included', async () => {
    const client = new pg.Client({ connectionString: h.db.url });
    await client.connect();
    try {
      const before = await served();
      const good = { ...employees[0]!, id: '00000000-0000-4000-8000-0000000b3001', nip: '198501012010012201' };
      const bad = { ...good, id: '00000000-0000-4000-8000-0000000b3002', nip: '198501012010012202', employmentType: 'PPPK' as const };
      await expect(loadPersonnelBatch(client, { units: [], positions: [], employees: [good, bad] })).rejects.toThrow(/golongan/);
      expect(await expectServedEqualsCounted()).toEqual(before);
    } finally {
      await client.end();
    }
  });
});

describe('the migration backfills the summaries from the employees already there', () => {
  it('counts active employees per ancestor region and per unit, leaving retired ones out', async () => {
    const db = await createTestDatabase('personnel_backfill');
    const logger = createLogger({ serviceName: 'personnel', logLevel: 'silent' });
    try {
      const before = migrations.filter((m) => m.name !== 'Migration0003HeadcountSummary');
      expect(before).toHaveLength(migrations.length - 1);
      const old = await createOrm({ databaseUrl: db.url, entities, migrations: before, logger });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(`insert into org_unit (id, name, region_code, parent_id, instansi_id) values
          ('${ids.unitKarawang}', 'Pemkab Karawang', '32.15', null, '${ids.unitKarawang}'),
          ('${ids.unitBanten}', 'Pemprov Banten', '36', null, '${ids.unitBanten}')`);
        await client.query(`insert into position (id, title, jenis_jabatan, kelas_jabatan) values ('${ids.positionPelaksana}', 'Pengadministrasi Umum', 'PELAKSANA', 5)`);
        await client.query(`insert into employee (id, nip, name, gender, birth_date, employment_type, golongan, position_id, unit_id, region_code, status)
          select gen_random_uuid(), '1985010120100110' || lpad(g::text, 2, '0'), 'P' || g, 'MALE', date '1985-01-01', 'PNS', 'III/a',
                 '${ids.positionPelaksana}', case when g < 7 then '${ids.unitKarawang}'::uuid else '${ids.unitBanten}'::uuid end,
                 case when g < 7 then '32.15' else '36' end, case when g in (0, 8) then 'RETIRED' else 'ACTIVE' end
          from generate_series(0, 9) g`);
      } finally {
        await client.end();
      }
      await old.close(true);

      const migrated = await createOrm({ databaseUrl: db.url, entities, migrations, logger });
      try {
        const em = migrated.em.fork();
        const regions = await em.execute<{ region_code: string; active_employees: number }[]>(
          'select region_code, active_employees from region_headcount order by region_code',
        );
        expect(regions).toEqual([
          { region_code: '32', active_employees: 6 },
          { region_code: '32.15', active_employees: 6 },
          { region_code: '36', active_employees: 2 },
          { region_code: 'ID', active_employees: 8 },
        ]);
        const units = await em.execute<{ unit_id: string; active_employees: number }[]>(
          'select unit_id, active_employees from unit_headcount order by unit_id',
        );
        expect(units).toEqual([
          { unit_id: ids.unitKarawang, active_employees: 6 },
          { unit_id: ids.unitBanten, active_employees: 2 },
        ].sort((a, b) => a.unit_id.localeCompare(b.unit_id)));
      } finally {
        await migrated.close(true);
      }
    } finally {
      await db.drop();
    }
  });
});
