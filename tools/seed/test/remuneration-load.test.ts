// Remuneration's bulk path against real PostgreSQL: read models from the outcomes, the demo rule, and the
// closed month computed by the service's own command, exactly as the pure rules give it; idempotent.
import { demoTppRule, loadRemunerationBatch, type RemunerationBatch } from '@kinerja/remuneration/bulk';
import { monthlyInputs } from '@kinerja/remuneration/domain/monthly-inputs';
import { computeStatement } from '@kinerja/remuneration/domain/tpp-statement';
import { decodeLines, type StoredLine } from '@kinerja/remuneration/service';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../src/dataset.ts';
import { DEMO_PEGAWAI } from '../src/dataset.ts';
import { countDayCodes } from '../src/outcomes.ts';
import { loadRegions } from '../src/regions.ts';
import { runSeed } from '../src/seed.ts';

const logger = pino({ level: 'warn' });
const options = { employees: 600, seed: 'remuneration-load', provinces: ['32'] };
let database: TestDatabase;
let db: pg.Client;

const seedOnce = () =>
  runSeed({ ...options, serverUrl: 'postgres://unused', services: ['remuneration'], databaseUrls: { remuneration: database.url }, batchSize: 250, logger });

const count = async (sql: string, values: unknown[] = []): Promise<number> => Number((await db.query(sql, values)).rows[0].n);

const snapshot = async () => ({
  tables: (
    await db.query(
      `select (select count(*) from employee) as employees, (select count(*) from instansi_scope) as scopes,
         (select count(*) from predikat_rating) as ratings, (select count(*) from attendance_recap) as recaps,
         (select count(*) from tpp_rule) as rules, (select count(*) from tpp_run) as runs, (select count(*) from tpp_statement) as statements`,
    )
  ).rows[0],
  summaries: (await db.query('select * from tpp_summary order by scope_kind, scope_id, month')).rows,
  outbox: await count('select count(*) as n from outbox_event'),
});

const batches = [...createDataset(loadRegions(), options).batches()];
const closedMonth = batches[0]!.outcomes[0]!.months.find((m) => m.closed)!.month;

beforeAll(async () => {
  database = await createTestDatabase('seed_remuneration');
  await seedOnce();
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

describe('seeding remuneration', () => {
  it('loads the read models the events would have carried and a rule per instansi', async () => {
    expect(await count('select count(*) as n from employee')).toBe(600);
    expect(await count('select count(*) as n from instansi_scope')).toBe(batches.length);
    expect(await count('select count(*) as n from tpp_rule where instansi_id is not null')).toBe(batches.length);
    const ratings = batches.flatMap((b) => b.outcomes).reduce((n, o) => n + o.ratings.length, 0);
    expect(await count('select count(*) as n from predikat_rating where version = 1')).toBe(ratings);
    expect(await count('select count(*) as n from attendance_recap where month = $1 and version = 1', [closedMonth])).toBe(600);
    const pegawai = batches.flatMap((b) => b.employees.map((e, i) => ({ e, o: b.outcomes[i]! }))).find(({ e }) => e.nip === DEMO_PEGAWAI.nip)!;
    const days = pegawai.o.months.find((m) => m.closed)!.days;
    const recap = (await db.query('select counts, days from attendance_recap where employee_id = $1', [pegawai.e.id])).rows[0];
    expect(recap.counts).toEqual(Object.fromEntries(countDayCodes(days).map(({ code, count: n }) => [code, n])));
    expect(recap.days.length).toBe(days.filter((d) => d.codes[0] !== 'HADIR').reduce((n, d) => n + d.codes.length, 0));
    expect((await db.query(`select unit_path[1] = instansi_id as rooted from employee where employee_id = $1`, [pegawai.e.id])).rows[0].rooted).toBe(true);
  });

  it('computes the closed month for every instansi with the pure rules, the demo pegawai’s TL1 day named', async () => {
    expect(await count("select count(*) as n from tpp_run where status = 'DONE' and month = $1 and error is null", [closedMonth])).toBe(batches.length);
    expect(await count('select count(*) as n from tpp_statement where current and month = $1', [closedMonth])).toBe(600);
    const [row] = (await db.query('select s.*, r.id as rule_id from tpp_statement s join tpp_rule r on r.id = s.rule_version join employee e on e.employee_id = s.employee_id where e.nip = $1', [DEMO_PEGAWAI.nip])).rows;
    const ratings = (await db.query('select predikat, year, period, period_start as "periodStart", period_end as "periodEnd", version from predikat_rating where employee_id = $1', [row.employee_id])).rows;
    const recap = (await db.query('select version, counts, days from attendance_recap where employee_id = $1', [row.employee_id])).rows[0];
    const rule = { id: row.rule_id, effectiveFrom: `${closedMonth.slice(0, 4)}-01`, effectiveUntil: null, legalBasis: '', data: demoTppRule() };
    const pure = computeStatement(rule, monthlyInputs(rule, closedMonth, { employeeId: row.employee_id, kelasJabatan: row.kelas_jabatan, jenisJabatan: 'AHLI_MUDA', golongan: row.golongan }, ratings, recap));
    if (!pure.ok) throw new Error(pure.message);
    expect(Number(row.net)).toBe(pure.statement.net);
    expect(Number(row.net)).toBeGreaterThan(0);
    const tl1 = decodeLines(row.lines as StoredLine[]).find((line) => line.code === 'TL1');
    expect(tl1?.days).toEqual(recap.days.filter((d: { code: string }) => d.code === 'TL1').map((d: { date: string }) => d.date));
    expect(row.predikat).not.toBeNull();
  });

  it('keeps the summaries equal to the statements', async () => {
    const totals = (await db.query(`select count(*)::int as headcount, sum(net)::bigint as net, sum(gross)::bigint as gross from tpp_statement where current and month = $1 and net > 0`, [closedMonth])).rows[0];
    const national = (await db.query(`select headcount_paid as headcount, net, gross from tpp_summary where scope_kind = 'REGION' and scope_id = 'ID' and month = $1`, [closedMonth])).rows[0];
    expect(national).toEqual(totals);
  });

  it('is idempotent: seeding again writes nothing and leaves the outbox empty', async () => {
    const before = await snapshot();
    expect(before.outbox).toBe(0);
    await seedOnce();
    expect(await snapshot()).toEqual(before);
  });

  describe('refuses a bad batch whole (nothing written)', () => {
    const employee = {
      id: '00000000-0000-5000-8000-0000000000a1', nip: '199501012020011099', name: 'Uji', employmentType: 'PNS' as const, golongan: 'III/a',
      kelasJabatan: 7, jenisJabatan: 'PELAKSANA', positionTitle: 'Uji', unitId: '00000000-0000-5000-8000-0000000000a2',
      unitPath: ['00000000-0000-5000-8000-0000000000a2'], instansiId: '00000000-0000-5000-8000-0000000000a2', regionCode: '32.15', supervisorId: null,
    };
    const good: RemunerationBatch = { employees: [employee], ratings: [], recaps: [], rules: [] };
    it.each<[string, RemunerationBatch, RegExp]>([
      ['a rule whose shares do not sum to 100%', { ...good, rules: [{ id: '00000000-0000-5000-8000-0000000000a3', instansiId: employee.instansiId, effectiveFrom: '2026-01', legalBasis: 'uji', data: { ...demoTppRule(), shares: { performanceBp: 7_000, disciplineBp: 4_000 } } }] }, /100%/],
      ['a rule with a negative amount', { ...good, rules: [{ id: '00000000-0000-5000-8000-0000000000a3', instansiId: employee.instansiId, effectiveFrom: '2026-01', legalBasis: 'uji', data: { ...demoTppRule(), baseAmounts: [{ kelasJabatan: 7, amount: -1 }] } }] }, /tidak valid/],
      ['an unknown predikat', { ...good, ratings: [{ employeeId: employee.id, skpId: 'x', year: 2026, period: 'Q1', periodStart: '2026-01-01', periodEnd: '2026-03-31', predikat: 'ISTIMEWA' as never }] }, /predikat/],
    ])('%s', async (_name, batch, message) => {
      const before = await snapshot();
      await expect(loadRemunerationBatch(db, batch)).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
      expect(await count('select count(*) as n from employee where employee_id = $1', [employee.id])).toBe(0);
    });
  });
});
