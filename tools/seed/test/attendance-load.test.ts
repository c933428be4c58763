// Attendance's bulk path against real PostgreSQL (a fresh database migrated by attendance's own
// migrations): the day statuses the service computes from the seeded captures, absences, schedule and
// calendar are the outcomes every other loader reads (tools/seed/src/outcomes.ts).
import { bucketOf } from '@kinerja/attendance/bulk';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEGAWAI, createDataset } from '../src/dataset.ts';
import { countDayCodes } from '../src/outcomes.ts';
import { loadRegions } from '../src/regions.ts';
import { runSeed } from '../src/seed.ts';

const logger = pino({ level: 'warn' });
const options = { employees: 1500, seed: 'attendance-load', provinces: ['32'] };
let attendanceDb: TestDatabase;
let db: pg.Client;

const seedOnce = () =>
  runSeed({ ...options, serverUrl: 'postgres://unused', services: ['attendance'], databaseUrls: { attendance: attendanceDb.url }, batchSize: 800, logger });

const batches = [...createDataset(loadRegions(), options).batches()];
const employees = batches.flatMap((b) => b.employees);
const outcomes = batches.flatMap((b) => b.outcomes);
const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await db.query(sql, params)).rows[0].n);
const tables = ['employee', 'org_unit_scope', 'office', 'geofence', 'device', 'device_pin', 'employee_office', 'schedule_assignment', 'calendar_day', 'capture', 'absence_request', 'day_status', 'attendance_recap', 'outbox_event'];
const snapshot = async () => ({
  // One query at a time: a pg client runs them in turn anyway.
  counts: await tables.reduce(async (acc, table) => ({ ...(await acc), [table]: await count(`select count(*) as n from ${table}`) }), Promise.resolve({} as Record<string, number>)),
  counters: (await db.query('select scope_key, date::text, shard, present, late, on_leave, absent, off from attendance_today_count order by 1, 2, 3')).rows,
});

beforeAll(async () => {
  attendanceDb = await createTestDatabase('seed_attendance');
  await seedOnce();
  db = new pg.Client({ connectionString: attendanceDb.url });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await attendanceDb?.drop();
});

describe('seeding attendance through its bulk path', () => {
  it('loads the read model, an office with a 50 m geofence and a device per OPD, a PIN and the default schedule per employee', async () => {
    expect(await count('select count(*) as n from employee')).toBe(employees.length);
    expect(await count('select count(*) as n from employee_office')).toBe(employees.length);
    expect(await count('select count(*) as n from device_pin')).toBe(employees.length);
    expect(await count("select count(*) as n from schedule_assignment where schedule_id = 'LIMA_HARI'")).toBe(employees.length);
    const offices = await count('select count(*) as n from office');
    expect(await count('select count(*) as n from geofence where radius_meters = 50')).toBe(offices);
    expect(await count('select count(*) as n from device')).toBe(offices);
    const opds = batches.flatMap((b) => b.units).filter((u) => u.kind === 'OPD').length;
    expect(offices).toBeGreaterThanOrEqual(opds);
    // Karawang's offices stand around -6.30, 107.30, all in WIB.
    const karawang = (await db.query("select g.latitude, g.longitude, o.time_zone from office o join geofence g on g.office_id = o.id where o.region_code = '32.15'")).rows;
    expect(karawang.length).toBeGreaterThan(0);
    for (const row of karawang) {
      expect(Math.abs(row.latitude + 6.3)).toBeLessThan(0.02);
      expect(Math.abs(row.longitude - 107.3)).toBeLessThan(0.02);
      expect(row.time_zone).toBe('Asia/Jakarta');
    }
  });

  it('gives every working day of the outcomes exactly its codes; past days off are left to be computed when read', async () => {
    const rows = (await db.query("select employee_id, date::text as date, codes from day_status where status <> 'LIBUR'")).rows as { employee_id: string; date: string; codes: string[] }[];
    const stored = new Map(rows.map((row) => [`${row.employee_id}|${row.date}`, row.codes.join('+')]));
    const expected = outcomes.flatMap((o) => o.months.flatMap((m) => m.days.map((d) => [`${o.employeeId}|${d.date}`, d.codes.join('+')] as const)));
    expect(expected.length).toBeGreaterThan(employees.length * 20);
    expect(expected.filter(([key, codes]) => stored.get(key) !== codes)).toEqual([]);
    // The only other rows are today's (not yet over, or a day off).
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(rows.filter((row) => row.date !== today).length).toBe(expected.length);
    expect(await count('select count(*) as n from day_status where date < $1::date and status = $2', [today, 'LIBUR'])).toBe(0);
    expect(await count('select count(*) as n from day_status where date = $1::date', [today])).toBe(employees.length);
  });

  it('shows the demo pegawai’s previous month: a TL1 of 17 minutes from her device capture and an approved cuti', async () => {
    const siti = employees.find((e) => e.nip === DEMO_PEGAWAI.nip);
    expect(siti).toBeDefined();
    const previous = outcomes.find((o) => o.employeeId === siti?.id)?.months[0];
    const late = (await db.query("select date::text as date, late_minutes, reason from day_status where employee_id = $1 and status = 'TL1' and date::text like $2", [siti?.id, `${previous?.month}-%`])).rows;
    expect(late.some((row) => row.late_minutes === 17 && /Terlambat 17 menit/.test(row.reason))).toBe(true);
    const leave = (await db.query("select type, state, decided_by from absence_request where employee_id = $1 and from_date::text like $2", [siti?.id, `${previous?.month}-%`])).rows;
    expect(leave).toContainEqual({ type: 'CUTI_TAHUNAN', state: 'APPROVED', decided_by: siti?.supervisorId });
    expect(await count("select count(*) as n from capture where employee_id = $1 and source = 'DEVICE' and device_serial is not null", [siti?.id])).toBeGreaterThan(20);
  });

  it('closes the previous month: recap version 1 counting the outcomes’ codes, and nothing in the outbox', async () => {
    const recaps = (await db.query('select employee_id, month, version, counts from attendance_recap')).rows as { employee_id: string; month: string; version: number; counts: { code: string; count: number }[] }[];
    expect(recaps).toHaveLength(employees.length);
    const byEmployee = new Map(recaps.map((r) => [r.employee_id, r]));
    for (const outcome of outcomes) {
      const closed = outcome.months.find((m) => m.closed);
      expect(byEmployee.get(outcome.employeeId)).toMatchObject({ month: closed?.month, version: 1, counts: countDayCodes(closed?.days ?? []) });
    }
    expect(await count('select count(*) as n from outbox_event')).toBe(0);
  });

  it('keeps the attendance-today counters equal to a recount of the day statuses, per region and date', async () => {
    const days = (await db.query("select e.region_code, d.date::text as date, d.status from day_status d join employee e on e.employee_id = d.employee_id")).rows as { region_code: string; date: string; status: string }[];
    const recount = new Map<string, number>();
    for (const day of days) {
      const key = `R:ID|${day.date}|${bucketOf(day.status as never)}`;
      recount.set(key, (recount.get(key) ?? 0) + 1);
    }
    const counters = (await db.query("select date::text as date, sum(present)::int as present, sum(late)::int as late, sum(on_leave)::int as on_leave, sum(absent)::int as absent, sum(off)::int as off from attendance_today_count where scope_key = 'R:ID' group by date")).rows;
    expect(counters.length).toBeGreaterThan(28);
    for (const row of counters) {
      expect(row.present).toBe(recount.get(`R:ID|${row.date}|present`) ?? 0);
      expect(row.late).toBe(recount.get(`R:ID|${row.date}|late`) ?? 0);
      expect(row.on_leave).toBe(recount.get(`R:ID|${row.date}|onLeave`) ?? 0);
      expect(row.absent).toBe(recount.get(`R:ID|${row.date}|absent`) ?? 0);
      expect(row.off).toBe(recount.get(`R:ID|${row.date}|off`) ?? 0);
    }
  });

  it('is idempotent: seeding again writes nothing', async () => {
    const before = await snapshot();
    await seedOnce();
    expect(await snapshot()).toEqual(before);
  });
});
