// The bulk paths against real PostgreSQL: fresh databases migrated by each service's own migrations.
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { loadPersonnelBatch } from '@kinerja/personnel/bulk';
import { loadCompetencyBatch } from '@kinerja/competency/bulk';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ATASAN, DEMO_PEGAWAI } from '../src/dataset.ts';
import { runSeed } from '../src/seed.ts';

const logger = pino({ level: 'warn' });
let personnelDb: TestDatabase;
let competencyDb: TestDatabase;
let personnel: pg.Client;
let competency: pg.Client;

const seedOnce = () =>
  runSeed({
    employees: 2000,
    seed: 'load-test',
    provinces: ['32', '36'],
    serverUrl: 'postgres://unused',
    services: ['personnel', 'competency'],
    databaseUrls: { personnel: personnelDb.url, competency: competencyDb.url },
    batchSize: 700,
    logger,
  });

const count = async (client: pg.Client, sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n);

const snapshot = async () => ({
  units: await count(personnel, 'select count(*) as n from org_unit'),
  positions: await count(personnel, 'select count(*) as n from position'),
  employees: await count(personnel, 'select count(*) as n from employee'),
  readModel: await count(competency, 'select count(*) as n from employee'),
  assessments: await count(competency, 'select count(*) as n from assessment'),
  scores: await count(competency, 'select count(*) as n from assessment_score'),
  gaps: await count(competency, 'select count(*) as n from employee_gap'),
  summary: (await competency.query('select scope, scope_key, competency_code, assessed_employees, below_standard, gap_sum, need_level_1, need_level_2 from competency_gap_summary order by 1, 2, 3')).rows,
  outbox: (await count(personnel, 'select count(*) as n from outbox_event')) + (await count(competency, 'select count(*) as n from outbox_event')),
});

beforeAll(async () => {
  personnelDb = await createTestDatabase('seed_personnel');
  competencyDb = await createTestDatabase('seed_competency');
  await seedOnce();
  personnel = new pg.Client({ connectionString: personnelDb.url });
  competency = new pg.Client({ connectionString: competencyDb.url });
  await personnel.connect();
  await competency.connect();
}, 120_000);

afterAll(async () => {
  await personnel?.end();
  await competency?.end();
  await personnelDb?.drop();
  await competencyDb?.drop();
});

describe('seeding through the services’ bulk paths', () => {
  it('loads employees, units and positions into personnel with the demo pair in Karawang', async () => {
    expect(await count(personnel, 'select count(*) as n from employee')).toBe(2000);
    expect(await count(personnel, "select count(*) as n from employee where region_code not like '32%' and region_code not like '36%'")).toBe(0);
    const demo = await personnel.query('select nip, region_code, supervisor_id, id from employee where nip = any($1) order by nip', [[DEMO_ATASAN.nip, DEMO_PEGAWAI.nip]]);
    expect(demo.rows.map((r) => r.region_code)).toEqual(['32.15', '32.15']);
    const [atasan, pegawai] = demo.rows;
    expect(pegawai.supervisor_id).toBe(atasan.id);
    // every unit's region and its instansi are consistent
    expect(await count(personnel, 'select count(*) as n from org_unit u join org_unit i on i.id = u.instansi_id where i.region_code <> u.region_code')).toBe(0);
  });

  it('loads the competency read model and about 30% assessed employees with gaps and summaries', async () => {
    expect(await count(competency, 'select count(*) as n from employee')).toBe(2000);
    const assessed = await count(competency, 'select count(*) as n from assessment');
    expect(assessed).toBeGreaterThan(450);
    expect(assessed).toBeLessThan(750);
    expect(await count(competency, "select count(*) as n from assessment where status <> 'FINALISED' or jpm is null or category is null")).toBe(0);
    expect(await count(competency, 'select count(*) as n from assessment_score')).toBe(assessed * 9);
    expect(await count(competency, 'select count(*) as n from employee_gap')).toBe(assessed * 9);
    // The national summary equals a recount of the gap rows.
    const recount = await competency.query(
      `select competency_code, count(*)::int as assessed, count(*) filter (where gap < 0)::int as below, sum(round(gap * 100))::bigint as gap_sum
       from employee_gap group by 1 order by 1`,
    );
    const national = await competency.query(
      `select competency_code, assessed_employees as assessed, below_standard as below, gap_sum
       from competency_gap_summary where scope = 'REGION' and scope_key = 'ID' order by 1`,
    );
    expect(national.rows).toEqual(recount.rows);
    // The demo pegawai (Ahli Muda, standard level 2) has four competencies below standard.
    const pegawaiGaps = await competency.query(
      `select g.competency_code from employee_gap g join employee e on e.employee_id = g.employee_id
       where e.nip = $1 and g.gap < 0 order by 1`,
      [DEMO_PEGAWAI.nip],
    );
    expect(pegawaiGaps.rows.map((r) => r.competency_code)).toEqual(['M.2', 'M.4', 'M.6', 'M.7']);
    const karawang = await count(competency, "select assessed_employees as n from competency_gap_summary where scope = 'REGION' and scope_key = '32.15' and competency_code = 'M.1'");
    expect(karawang).toBe(await count(competency, "select count(*) as n from employee_gap where region_code = '32.15' and competency_code = 'M.1'"));
  });

  it('is idempotent: seeding again with the same seed writes nothing and leaves outboxes empty', async () => {
    const before = await snapshot();
    const report = await seedOnce();
    expect(report.employees).toBe(2000);
    expect(await snapshot()).toEqual(before);
    expect(before.outbox).toBe(0);
  });

  it('rolls a bad batch back whole (nothing written)', async () => {
    const before = await snapshot();
    const unit = { id: '00000000-0000-5000-8000-000000000001', name: 'Unit Uji', parentId: null, instansiId: '00000000-0000-5000-8000-000000000001', regionCode: '32.15' };
    const position = { id: '00000000-0000-5000-8000-000000000002', title: 'Uji', jenisJabatan: 'PELAKSANA', kelasJabatan: 5 };
    const employee = {
      id: '00000000-0000-5000-8000-000000000003', nip: '199501012020011001', name: 'Uji', gender: 'MALE' as const,
      birthDate: '1995-01-01', tmt: '2020-01-01', employmentType: 'PPPK' as const, golongan: 'III/a', // PNS golongan on a PPPK
      positionId: position.id, unitId: unit.id, regionCode: '32.15', supervisorId: null,
    };
    await expect(loadPersonnelBatch(personnel, { units: [unit], positions: [position], employees: [employee] })).rejects.toThrow(/golongan/);
    await expect(
      loadCompetencyBatch(competency, {
        units: [],
        employees: [{ id: employee.id, nip: employee.nip, regionCode: '32.15', unitId: unit.id, instansiId: unit.id, jenisJabatan: 'PELAKSANA', positionId: position.id, supervisorId: null }],
        assessments: [{ id: '00000000-0000-5000-8000-000000000004', employeeId: employee.id, method: 'INTERVIEW', assessedOn: '2024-01-01', scores: { 'M.1': 7 } }],
      }),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('--if-empty after a seed cut short', () => {
  it('seeds again when one service has no employees yet (personnel loaded, competency not), and skips once all have them', async () => {
    const personnelOnly = await createTestDatabase('seed_partial_personnel');
    const competencyLater = await createTestDatabase('seed_partial_competency');
    const seed = (services: ('personnel' | 'competency')[]) =>
      runSeed({
        employees: 300,
        seed: 'partial',
        provinces: ['32'],
        serverUrl: 'postgres://unused',
        services,
        databaseUrls: { personnel: personnelOnly.url, competency: competencyLater.url },
        ifEmpty: true,
        logger,
      });
    try {
      expect((await seed(['personnel'])).skipped).toBe(false);
      // Both services asked for: competency is empty, so this is not a complete earlier seed.
      const second = await seed(['personnel', 'competency']);
      expect(second.skipped).toBe(false);
      const client = new pg.Client({ connectionString: competencyLater.url });
      await client.connect();
      try {
        expect(await count(client, 'select count(*) as n from employee')).toBe(300);
      } finally {
        await client.end();
      }
      expect((await seed(['personnel', 'competency'])).skipped).toBe(true);
    } finally {
      await personnelOnly.drop();
      await competencyLater.drop();
    }
  });
});
