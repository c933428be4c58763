// Issue 13 item 4 (the bench's statement table): every Employee field attendance resolves for the gateway
// (the month with its days and captures, today, absence requests, recaps, the office) and
// OrgUnit.attendanceToday cost the same number of SQL statements for 10 and for 100 entities:
// per-request DataLoaders and set-based reads. Counted from the ORM's log.
import { randomUUID } from 'node:crypto';
import { leastStatementCount } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
const run = randomUUID().slice(0, 8);
const employeeIds = Array.from({ length: 100 }, (_, i) => `emp-stmt-${run}-${String(i).padStart(3, '0')}`);
const unitIds = Array.from({ length: 100 }, (_, i) => `unit-stmt-${run}-${i}`);

/** The previous calendar month and a weekday in it (from its 10th on): the day everyone checked in and out. */
function previousMonthWorkday(): { month: string; day: string } {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10));
  while ([0, 6].includes(date.getUTCDay())) date.setUTCDate(date.getUTCDate() + 1);
  return { month: date.toISOString().slice(0, 7), day: date.toISOString().slice(0, 10) };
}
const { month: MONTH, day: DAY } = previousMonthWorkday();

beforeAll(async () => {
  h = await startHarness('attendance_statements');
  const officeId = randomUUID();
  await h.sql(`insert into "office" ("id", "instansi_id", "name", "region_code", "time_zone", "created_by") values (?, 'inst-stmt', 'Kantor uji', '32.15', 'Asia/Jakarta', 'uji')`, [officeId]);
  for (const [i, id] of employeeIds.entries()) {
    await h.sql(`insert into "employee" ("employee_id", "nip", "name", "region_code", "unit_id", "instansi_id", "unit_path", "status", "last_event_at")
      values (?, ?, ?, '32.15', ?, 'inst-stmt', ?, 'ACTIVE', now())`, [id, `19900101201501${String(1000 + i)}`, `Pegawai ${i}`, unitIds[i], `{inst-stmt,${unitIds[i]}}`]);
    await h.sql(`insert into "employee_office" ("employee_id", "office_id") values (?, ?)`, [id, officeId]);
    await h.sql(`insert into "capture" ("id", "employee_id", "captured_at", "source", "kind") values (?, ?, ?, 'WEB', 'IN'), (?, ?, ?, 'WEB', 'OUT')`, [
      randomUUID(), id, `${DAY}T00:30:00Z`, randomUUID(), id, `${DAY}T09:10:00Z`,
    ]);
    await h.sql(`insert into "org_unit_scope" ("unit_id", "region_code") values (?, '32.15') on conflict do nothing`, [unitIds[i]]);
  }
}, 120_000);
afterAll(() => h?.stop());

const countStatements = (request: () => Promise<unknown>) => leastStatementCount(h, request);

interface EmployeeAttendance {
  attendance: { days: { date: string; captures: unknown[] }[] };
  absenceRequests: unknown[];
  attendanceRecaps: unknown[];
  attendanceOffice: { name: string; geofences: unknown[] };
}

describe('SQL statements per request do not grow with the number of entities', () => {
  it('every Employee field of 10 and of 100 employees (the month computed on the fly where no status is stored)', async () => {
    const token = await h.token('nasional.analis');
    // Two requests, each within the subgraph's query cost limit: the month with its captures, then the rest.
    const read = (count: number) => async () => {
      const r = employeeIds.slice(0, count).map((id) => ({ __typename: 'Employee', id }));
      const months = await h.gql(token, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee {
        attendance(month: "${MONTH}") { days { date captures { capturedAt } } } } } }`, { r });
      const rest = await h.gql(token, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee {
        attendanceToday { date status } absenceRequests(month: "${MONTH}") { id } attendanceRecaps(month: "${MONTH}") { version }
        attendanceOffice { name geofences { name } } } } }`, { r });
      expect(months.errors).toBeUndefined();
      expect(rest.errors).toBeUndefined();
      const monthsOf = months.data?.['_entities'] as Pick<EmployeeAttendance, 'attendance'>[];
      const restOf = rest.data?.['_entities'] as Omit<EmployeeAttendance, 'attendance'>[];
      expect(monthsOf).toHaveLength(count);
      for (const [i, entity] of monthsOf.entries()) {
        expect(restOf[i]?.attendanceOffice.name).toBe('Kantor uji');
        expect(entity.attendance.days.find((d) => d.date === DAY)?.captures).toHaveLength(2);
      }
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`attendance SQL statements: Employee fields of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });

  it('OrgUnit.attendanceToday of 10 and of 100 units', async () => {
    const token = await h.token('nasional.pimpinan');
    const read = (count: number) => async () => {
      const result = await h.gql(token, `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { attendanceToday { date } } } }`, {
        r: unitIds.slice(0, count).map((id) => ({ __typename: 'OrgUnit', id })),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.['_entities']).toHaveLength(count);
    };
    const for10 = await countStatements(read(10));
    const for100 = await countStatements(read(100));
    console.info(`attendance SQL statements: OrgUnit.attendanceToday of 10 → ${for10}, of 100 → ${for100}`);
    expect(for100).toBeLessThanOrEqual(for10);
  });
});
