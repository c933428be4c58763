// Performance's bulk path against real PostgreSQL: a fresh database migrated by performance's own
// migrations, loaded from the generated outcomes of a fixed day, then read back and recounted.
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ATASAN, DEMO_KEPALA, DEMO_PEGAWAI } from '../src/dataset.ts';
import { runSeed } from '../src/seed.ts';

const logger = pino({ level: 'warn' });
const today = '2026-11-29';
let database: TestDatabase;
let db: pg.Client;

const seedOnce = () =>
  runSeed({
    employees: 1500,
    seed: 'performance-load-test',
    provinces: ['32'],
    today,
    serverUrl: 'postgres://unused',
    services: ['performance'],
    databaseUrls: { performance: database.url },
    batchSize: 600,
    logger,
  });

const count = async (sql: string, values: unknown[] = []): Promise<number> => Number((await db.query(sql, values)).rows[0].n);

const tables = ['employee', 'org_goal', 'skp', 'rhk', 'indicator', 'behaviour_expectation', 'skp_event', 'realisation', 'evaluation', 'calibration_finalisation', 'outbox_event'];
const snapshot = async () => ({
  counts: Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(`select count(*) as n from ${t}`)] as const))),
  summary: (await db.query('select scope, scope_key, year, period, predikat, employees from predikat_summary order by 1, 2, 3, 4, 5')).rows,
});

let first: Awaited<ReturnType<typeof seedOnce>>;

beforeAll(async () => {
  database = await createTestDatabase('seed_performance');
  first = await seedOnce();
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const skpOf = async (nip: string, year: number) =>
  (
    await db.query(
      `select s.id, s.status, s.rater_employee_id from skp s join employee e on e.employee_id = s.employee_id where e.nip = $1 and s.year = $2`,
      [nip, year],
    )
  ).rows[0] as { id: string; status: string; rater_employee_id: string | null } | undefined;

describe('seeding performance from the generated outcomes', () => {
  it('gives every rated employee an SKP per year with RHK utama, indicators and the seven expectations', async () => {
    expect(first.employees).toBe(1500);
    const skps = await count('select count(*) as n from skp');
    const employees = await count('select count(*) as n from employee');
    // About nine in ten employees have an SKP, one per year (previous and current).
    expect(skps / 2 / employees).toBeGreaterThan(0.85);
    expect(skps / 2 / employees).toBeLessThan(0.95);
    expect(await count(`select count(*) as n from skp s where not exists (select 1 from rhk r where r.skp_id = s.id and r.kind = 'UTAMA')`)).toBe(0);
    expect(await count('select count(*) as n from rhk r where not exists (select 1 from indicator i where i.rhk_id = r.id)')).toBe(0);
    expect(await count('select count(*) as n from behaviour_expectation')).toBe(skps * 7);
    expect(await count("select count(*) as n from skp where year not in (2025, 2026)")).toBe(0);
  });

  it('cascades: RHK utama support an RHK of the supervisor’s SKP of the same year, or a goal of a unit on the path', async () => {
    const broken = await count(
      `select count(*) as n from rhk r join skp s on s.id = r.skp_id join employee e on e.employee_id = s.employee_id
       left join rhk up on up.id = r.supports_rhk_id left join skp upskp on upskp.id = up.skp_id
       left join org_goal g on g.id = r.goal_id
       where r.kind = 'UTAMA' and not (
         (upskp.employee_id = e.supervisor_id and upskp.year = s.year and upskp.status = 'APPROVED')
         or (g.year = s.year and g.unit_id = any(e.unit_path)))`,
    );
    expect(broken).toBe(0);
    expect(await count("select count(*) as n from rhk where kind = 'UTAMA' and supports_rhk_id is not null")).toBeGreaterThan(await count("select count(*) as n from rhk where kind = 'UTAMA' and goal_id is not null"));
  });

  it('rates and finalises every ended period: the previous year’s quarters and annual evaluation, this year’s Q1–Q3', async () => {
    const periods = (await db.query("select year, period, count(*)::int as n, bool_and(status = 'FINAL') as final from evaluation group by 1, 2 order by 1, 2")).rows;
    expect(periods.map((p) => `${p.year} ${p.period}`)).toEqual(['2025 ANNUAL', '2025 Q1', '2025 Q2', '2025 Q3', '2025 Q4', '2026 Q1', '2026 Q2', '2026 Q3']);
    expect(periods.every((p) => p.final)).toBe(true);
    // Every evaluation is rated by the employee's direct supervisor.
    expect(await count('select count(*) as n from evaluation v join employee e on e.employee_id = v.employee_id where v.rater_employee_id is distinct from e.supervisor_id')).toBe(0);
    // Each finalised evaluation is covered by exactly one calibration record of its period.
    const covered = (await db.query('select year, period, sum(evaluations)::int as n from calibration_finalisation group by 1, 2 order by 1, 2')).rows;
    expect(covered).toEqual(periods.map((p) => ({ year: p.year, period: p.period, n: p.n })));
    expect(await count('select count(*) as n from calibration_finalisation where override and reason is null')).toBe(0);
    expect(await count('select count(*) as n from outbox_event')).toBe(0);
  });

  it('keeps the maintained distribution equal to a recount of the evaluations, per region prefix and per unit', async () => {
    const recount = await db.query(
      `with scoped as (
         select 'REGION' as scope, p.key as scope_key, v.year, v.period, v.predikat
         from evaluation v cross join lateral (
           select 'ID' as key union all select split_part(v.region_code, '.', 1) union all select v.region_code where v.region_code like '%.%') p
         union all
         select 'UNIT', u.key, v.year, v.period, v.predikat
         from evaluation v cross join lateral (select distinct unnest(v.unit_path || v.unit_id) as key) u)
       select scope, scope_key, year, period, predikat, count(*)::int as employees from scoped group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    );
    const maintained = await db.query('select scope, scope_key, year, period, predikat, employees from predikat_summary where employees > 0 order by 1, 2, 3, 4, 5');
    expect(maintained.rows.length).toBeGreaterThan(100);
    expect(maintained.rows).toEqual(recount.rows);
  });

  it('sets up the demo: the pegawai’s approved SKP with progress this quarter, the atasan’s cascade from the kepala, one SKP awaiting the atasan', async () => {
    const pegawai = await skpOf(DEMO_PEGAWAI.nip, 2026);
    const atasan = await skpOf(DEMO_ATASAN.nip, 2026);
    const kepala = await skpOf(DEMO_KEPALA.nip, 2026);
    expect([pegawai?.status, atasan?.status, kepala?.status]).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    expect(await count("select count(*) as n from realisation where skp_id = $1 and period = 'Q4'", [pegawai!.id])).toBeGreaterThan(0);
    // The atasan's RHK utama support the kepala's; the pegawai's support the atasan's.
    const supports = async (child: string, parent: string) =>
      count(`select count(*) as n from rhk r join rhk up on up.id = r.supports_rhk_id where r.skp_id = $1 and up.skp_id = $2`, [child, parent]);
    expect(await supports(atasan!.id, kepala!.id)).toBe(2);
    expect(await supports(pegawai!.id, atasan!.id)).toBe(2);
    const team = (
      await db.query(
        `select s.status, array_agg(ev.action order by ev.occurred_at) as actions from skp s
         join employee e on e.employee_id = s.employee_id join employee boss on boss.employee_id = e.supervisor_id
         join skp_event ev on ev.skp_id = s.id
         where boss.nip = $1 and s.year = 2026 group by s.id, s.status`,
        [DEMO_ATASAN.nip],
      )
    ).rows as { status: string; actions: string[] }[];
    expect(team.length).toBeGreaterThanOrEqual(5);
    const waiting = team.filter((s) => s.status === 'SUBMITTED');
    expect(waiting).toEqual([{ status: 'SUBMITTED', actions: ['CREATE', 'SUBMIT', 'APPROVE', 'REQUEST_REVISION', 'GRANT_REVISION', 'SUBMIT'] }]);
  });

  it('is idempotent: seeding again writes nothing', async () => {
    const before = await snapshot();
    const again = await seedOnce();
    expect(again.rowsWritten).toBe(0);
    expect(await snapshot()).toEqual(before);
  }, 180_000);
});
