// Absence requests decided by the direct supervisor, corrections verified by an admin, and the month
// close (DOMAIN.md "Attendance and discipline": the recap feeds TPP; a correction after the month closed
// produces a new version, never an edit in place). Closing publishes AttendanceRecapClosed exactly once;
// a later correction publishes version 2. Every refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttendanceRecapClosedSchema, fromBinary } from '@kinerja/proto';
import { datesOfMonth, previousMonth } from '../../src/domain/month.ts';
import { closeDueMonth } from '../../src/commands/month-close.ts';
import { addDays, instantAt, localDateOf, weekdayOf } from '../../src/domain/office-time.ts';
import type { Em } from '../../src/repositories/sql.ts';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';

const atasan: TestEmployee = { employeeId: 'emp-krw-atasan', nip: '197805122003121003', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw' };
const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', supervisorId: atasan.employeeId };
const SERIAL = 'ZKRECAP001';

const today = localDateOf(new Date(), 'Asia/Jakarta');
const month = previousMonth(today.slice(0, 7));
const workingDays = datesOfMonth(month).filter((date) => weekdayOf(date) >= 1 && weekdayOf(date) <= 4);
const [presentDay, correctedDay, leaveDay, regionalHoliday] = workingDays as [string, string, string, string];
// A Monday–Thursday at least a week ahead, for leave that is still to come.
const futureDay = (() => {
  let date = addDays(today, 7);
  while (weekdayOf(date) < 1 || weekdayOf(date) > 4) date = addDays(date, 1);
  return date;
})();

let h: Harness;

function errorOf(result: GraphQLResult): { code: unknown; reason: unknown } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.['code'], reason: error?.extensions?.['reason'] };
}

type Counts = { recaps: number; recapEvents: number; captures: number; absences: number; corrections: number; approved: number; verified: number };
async function counts(): Promise<Counts> {
  const [row] = await h.sql<Counts>(`select
    (select count(*)::int from attendance_recap) as recaps,
    (select count(*)::int from outbox_event where topic = 'attendance.recap.v1') as "recapEvents",
    (select count(*)::int from capture) as captures,
    (select count(*)::int from absence_request) as absences,
    (select count(*)::int from correction_request) as corrections,
    (select count(*)::int from absence_request where state = 'APPROVED') as approved,
    (select count(*)::int from correction_request where state <> 'PENDING') as verified`);
  return row as Counts;
}

async function as(username: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  return h.gql(await h.token(username), query, variables);
}

async function dayStatus(date: string): Promise<string | undefined> {
  const result = await as('karawang.pegawai', `query ($reps: [_Any!]!, $m: String!) { _entities(representations: $reps) { ... on Employee { attendance(month: $m) { days { date status } } } } }`, {
    reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    m: date.slice(0, 7),
  });
  const days = (result.data?.['_entities'] as { attendance: { days: { date: string; status: string }[] } }[])[0]?.attendance.days ?? [];
  return days.find((d) => d.date === date)?.status;
}

async function recaps(): Promise<{ version: number; reason: string; counts: { code: string; count: number }[] }[]> {
  const result = await as('karawang.pegawai', `query ($reps: [_Any!]!, $m: String!) { _entities(representations: $reps) { ... on Employee { attendanceRecaps(month: $m) { version reason counts { code count } } } } }`, {
    reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    m: month,
  });
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] as { attendanceRecaps: { version: number; reason: string; counts: { code: string; count: number }[] }[] }[])[0]?.attendanceRecaps ?? [];
}

const closeMonth = (username: string, m: string) => as(username, 'mutation ($m: String!) { closeAttendanceMonth(month: $m) { month employees published } }', { m });
const requestAbsence = (username: string, input: Record<string, unknown>) =>
  as(username, 'mutation ($input: RequestAbsenceInput!) { requestAbsence(input: $input) { id state expiresOn } }', { input });
const decide = (username: string, id: string, approve: boolean, note?: string) =>
  as(username, 'mutation ($id: ID!, $a: Boolean!, $n: String) { decideAbsence(id: $id, approve: $a, note: $n) { id state decidedBy } }', { id, a: approve, n: note });

beforeAll(async () => {
  h = await startHarness('att-recap');
  for (const employee of [atasan, pegawai]) await h.publishEmployee(employee);
  const office = await as('karawang.admin', 'mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', {
    input: { instansiId: 'inst-krw', name: 'Kantor BKPSDM', regionCode: '32.15', timeZone: 'Asia/Jakarta' },
  });
  const officeId = (office.data?.['registerOffice'] as { id: string }).id;
  for (const [query, variables] of [
    ['mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', { input: { officeId, serial: SERIAL, name: 'Lobi' } }],
    ['mutation ($input: EnrolDevicePinInput!) { enrolDevicePin(input: $input) { id } }', { input: { officeId, pin: '7', employeeId: pegawai.employeeId } }],
    ['mutation ($e: ID!, $o: ID!) { placeEmployee(employeeId: $e, officeId: $o) { id } }', { e: pegawai.employeeId, o: officeId }],
  ] as const) {
    expect((await as('karawang.admin', query, variables)).errors).toBeUndefined();
  }
  const imported = await as('karawang.admin', 'mutation ($csv: String!) { importCaptures(csv: $csv) { accepted } }', {
    csv: [`${SERIAL},7,${presentDay} 07:20:00,0`, `${SERIAL},7,${presentDay} 16:10:00,1`].join('\n'),
  });
  expect(imported.data?.['importCaptures']).toEqual({ accepted: 2 });
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('closing a month', () => {
  it.each([
    { name: 'a pegawai', user: 'karawang.pegawai', m: month, code: 'FORBIDDEN', reason: 'missing_role' },
    { name: 'the current month, not over yet', user: 'karawang.admin', m: today.slice(0, 7), code: 'CONFLICT', reason: 'month_not_over' },
    { name: 'a malformed month', user: 'karawang.admin', m: '2026-1', code: 'BAD_USER_INPUT', reason: 'invalid_month' },
  ])('refuses $name, writing nothing', async ({ user, m, code, reason }) => {
    const before = await counts();
    expect(errorOf(await closeMonth(user, m))).toMatchObject({ code, reason });
    expect(await counts()).toEqual(before);
  });

  it('publishes version 1 for each active employee of the region, exactly once', async () => {
    const first = await closeMonth('karawang.admin', month);
    expect(first.errors).toBeUndefined();
    expect(first.data?.['closeAttendanceMonth']).toEqual({ month, employees: 2, published: 2 });
    const again = await closeMonth('karawang.admin', month);
    expect(again.data?.['closeAttendanceMonth']).toEqual({ month, employees: 2, published: 0 });
    const after = await counts();
    expect([after.recaps, after.recapEvents]).toEqual([2, 2]);
    const [recap] = await recaps();
    expect(recap).toMatchObject({ version: 1, reason: '' });
    expect(recap?.counts).toContainEqual({ code: 'HADIR', count: 1 });
    expect(recap?.counts).toContainEqual({ code: 'TK', count: expect.any(Number) });
  });

  it('closes automatically on the closing day, and then publishes nothing already published', async () => {
    const em = h.orm.em.fork() as unknown as Em;
    const thisMonth = today.slice(0, 7);
    expect(await closeDueMonth(em, 5, instantAt(`${thisMonth}-04`, 12 * 60, 'Asia/Jakarta'))).toBeNull();
    const before = await counts();
    expect(await closeDueMonth(em, 5, instantAt(`${thisMonth}-05`, 12 * 60, 'Asia/Jakarta'))).toEqual({ month, employees: 2, published: 0 });
    expect(await counts()).toEqual(before);
  });

  it('carries every non-HADIR day on the event so a deduction can name its source days', async () => {
    const rows = await h.sql<{ payload: Buffer }>("select payload from outbox_event where topic = 'attendance.recap.v1' and key = ? order by seq", [pegawai.employeeId]);
    const event = fromBinary(AttendanceRecapClosedSchema, new Uint8Array(rows[0]?.payload ?? []));
    expect(event).toMatchObject({ employeeId: pegawai.employeeId, nip: pegawai.nip, month, version: 1, regionCode: '32.15', instansiId: 'inst-krw' });
    expect(event.days.some((d) => d.date === correctedDay && d.code === 'TK')).toBe(true);
    expect(event.days.some((d) => d.date === presentDay)).toBe(false);
  });
});

describe('a correction (moderasi) after closing', () => {
  let correctionId = '';

  it('is only requested by the employee; nothing changes before the admin step', async () => {
    const requested = await as('karawang.pegawai', 'mutation ($input: RequestCorrectionInput!) { requestCorrection(input: $input) { id state } }', {
      input: { date: correctedDay, kind: 'IN', time: '07:25', reason: 'Mesin sidik jari mati pagi itu' },
    });
    expect(requested.errors).toBeUndefined();
    correctionId = (requested.data?.['requestCorrection'] as { id: string }).id;
    expect(await dayStatus(correctedDay)).toBe('TK');
    expect((await recaps()).map((r) => r.version)).toEqual([1]);
  });

  it.each([
    { name: 'future time', input: { date: futureDay, kind: 'IN', time: '07:25', reason: 'lupa' }, reason: 'capture_in_future' },
    { name: 'bad clock', input: { date: correctedDay, kind: 'IN', time: '7.25', reason: 'lupa' }, reason: 'invalid_time' },
    { name: 'no such date', input: { date: '2026-02-30', kind: 'IN', time: '07:25', reason: 'lupa' }, reason: 'invalid_date' },
  ])('refuses a request with a $name, writing nothing', async ({ input, reason }) => {
    const before = await counts();
    const result = await as('karawang.pegawai', 'mutation ($input: RequestCorrectionInput!) { requestCorrection(input: $input) { id } }', { input });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await counts()).toEqual(before);
  });

  it.each([
    { user: 'karawang.pegawai', reason: 'missing_role' },
    { user: 'karawang.atasan', reason: 'missing_role' },
  ])('refuses verification by $user (not an admin), writing nothing', async ({ user, reason }) => {
    const before = await counts();
    const result = await as(user, 'mutation ($id: ID!) { verifyCorrection(id: $id, approve: true) { state } }', { id: correctionId });
    expect(errorOf(result)).toMatchObject({ code: 'FORBIDDEN', reason });
    expect(await counts()).toEqual(before);
    expect(await dayStatus(correctedDay)).toBe('TK');
  });

  it('verified by the admin: the day is recomputed and recap version 2 is published', async () => {
    const verified = await as('karawang.admin', 'mutation ($id: ID!) { verifyCorrection(id: $id, approve: true, note: "Surat keterangan kepala bidang") { state verifiedBy } }', { id: correctionId });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.['verifyCorrection']).toMatchObject({ state: 'VERIFIED' });
    expect(await dayStatus(correctedDay)).toBe('PSW4');
    const versions = await recaps();
    expect(versions.map((r) => r.version)).toEqual([1, 2]);
    expect(versions[1]?.reason).toContain('Koreksi IN');
    const rows = await h.sql<{ payload: Buffer }>("select payload from outbox_event where topic = 'attendance.recap.v1' and key = ? order by seq desc limit 1", [pegawai.employeeId]);
    const event = fromBinary(AttendanceRecapClosedSchema, new Uint8Array(rows[0]?.payload ?? []));
    expect(event.version).toBe(2);
    expect(event.days.some((d) => d.date === correctedDay && d.code === 'PSW4')).toBe(true);
  });

  it('cannot be verified twice', async () => {
    const before = await counts();
    const result = await as('karawang.admin', 'mutation ($id: ID!) { verifyCorrection(id: $id, approve: true) { state } }', { id: correctionId });
    expect(errorOf(result)).toMatchObject({ code: 'CONFLICT', reason: 'correction_already_verified' });
    expect(await counts()).toEqual(before);
  });
});

describe('absence requests', () => {
  let futureLeave = '';

  it('files a request that the direct supervisor approves', async () => {
    const filed = await requestAbsence('karawang.pegawai', { type: 'CUTI_TAHUNAN', from: futureDay, to: addDays(futureDay, 1), reason: 'Keperluan keluarga' });
    expect(filed.errors).toBeUndefined();
    futureLeave = (filed.data?.['requestAbsence'] as { id: string }).id;
    expect(filed.data?.['requestAbsence']).toMatchObject({ state: 'PENDING', expiresOn: addDays(today, 3) });
    // The requester comes as an Employee reference, so the gateway adds the name from personnel.
    const pending = await as('karawang.atasan', '{ pendingAbsenceApprovals { id employee { id } } }');
    expect(pending.data?.['pendingAbsenceApprovals']).toEqual([{ id: futureLeave, employee: { id: pegawai.employeeId } }]);
  });

  it.each(['', '2026-11', '2027-02'])('lists the employee’s requests of a month of any length (%s; empty = the request’s own)', async (asked) => {
    const m = asked === '' ? futureDay.slice(0, 7) : asked;
    const result = await as('karawang.pegawai', `query ($reps: [_Any!]!, $m: String!) { _entities(representations: $reps) { ... on Employee { absenceRequests(month: $m) { id from } } } }`, {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
      m,
    });
    expect(result.errors).toBeUndefined();
    const listed = (result.data?.['_entities'] as { absenceRequests: { id: string; from: string }[] }[])[0]?.absenceRequests ?? [];
    expect(listed.some((r) => r.id === futureLeave)).toBe(futureDay.startsWith(m) || addDays(futureDay, 1).startsWith(m));
  });

  it.each([
    { name: 'overlapping leave', user: 'karawang.pegawai', input: () => ({ type: 'IZIN', from: addDays(futureDay, 1), to: addDays(futureDay, 1), reason: 'Urusan bank' }), code: 'CONFLICT', reason: 'absence_overlap' },
    { name: 'from after to', user: 'karawang.pegawai', input: () => ({ type: 'IZIN', from: addDays(futureDay, 9), to: addDays(futureDay, 8), reason: 'Urusan' }), code: 'BAD_USER_INPUT', reason: 'invalid_date_range' },
    { name: 'a location on leave that is not dinas luar', user: 'karawang.pegawai', input: () => ({ type: 'IZIN', from: addDays(futureDay, 9), to: addDays(futureDay, 9), reason: 'Urusan', latitude: -6.3, longitude: 107.3 }), code: 'BAD_USER_INPUT', reason: 'location_not_allowed' },
    { name: 'a request by someone without a NIP', user: 'karawang.admin', input: () => ({ type: 'IZIN', from: addDays(futureDay, 9), to: addDays(futureDay, 9), reason: 'Urusan' }), code: 'FORBIDDEN', reason: 'not_an_employee' },
    { name: 'a request of an employee without a supervisor', user: 'karawang.atasan', input: () => ({ type: 'IZIN', from: addDays(futureDay, 9), to: addDays(futureDay, 9), reason: 'Urusan' }), code: 'CONFLICT', reason: 'no_supervisor' },
  ])('refuses $name, writing nothing', async ({ user, input, code, reason }) => {
    const before = await counts();
    expect(errorOf(await requestAbsence(user, input()))).toMatchObject({ code, reason });
    expect(await counts()).toEqual(before);
  });

  it('refuses a decision by someone who is not the direct supervisor, writing nothing', async () => {
    const before = await counts();
    for (const user of ['karawang.admin', 'karawang.pegawai']) {
      expect(errorOf(await decide(user, futureLeave, true))).toMatchObject({ code: 'FORBIDDEN', reason: 'not_direct_supervisor' });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a rejection without a note, then approves', async () => {
    const before = await counts();
    expect(errorOf(await decide('karawang.atasan', futureLeave, false))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'rejection_needs_note' });
    expect(await counts()).toEqual(before);
    const approved = await decide('karawang.atasan', futureLeave, true);
    expect(approved.data?.['decideAbsence']).toMatchObject({ state: 'APPROVED', decidedBy: atasan.employeeId });
    expect(errorOf(await decide('karawang.atasan', futureLeave, true))).toMatchObject({ code: 'CONFLICT', reason: 'absence_already_decided' });
  });

  it('refuses a decision on an expired request, writing nothing', async () => {
    const filed = await requestAbsence('karawang.pegawai', { type: 'IZIN', from: addDays(futureDay, 14), to: addDays(futureDay, 14), reason: 'Urusan keluarga' });
    const id = (filed.data?.['requestAbsence'] as { id: string }).id;
    // Three days pass without a decision.
    await h.sql('update absence_request set filed_on = filed_on - 3, expires_on = expires_on - 3 where id = ?', [id]);
    const before = await counts();
    expect(errorOf(await decide('karawang.atasan', id, true))).toMatchObject({ code: 'CONFLICT', reason: 'absence_expired' });
    expect(await counts()).toEqual(before);
    const pending = await as('karawang.atasan', '{ pendingAbsenceApprovals { id } }');
    expect(pending.data?.['pendingAbsenceApprovals']).toEqual([]);
  });

  it('approved sick leave in the closed month publishes the next recap version', async () => {
    const filed = await requestAbsence('karawang.pegawai', { type: 'SAKIT', from: leaveDay, to: leaveDay, reason: 'Demam, surat dokter', documentRef: 'dms://surat/123' });
    expect(filed.errors).toBeUndefined();
    const id = (filed.data?.['requestAbsence'] as { id: string }).id;
    expect((await decide('karawang.atasan', id, true)).errors).toBeUndefined();
    expect(await dayStatus(leaveDay)).toBe('SAKIT');
    const versions = await recaps();
    expect(versions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(versions[2]?.counts).toContainEqual({ code: 'SAKIT', count: 1 });
  });
});

describe('calendar and schedules as data', () => {
  const addDay = (user: string, input: Record<string, unknown>) =>
    as(user, 'mutation ($input: CalendarDayInput!) { addCalendarDay(input: $input) { date kind name regionCode } }', { input });
  const calendarOf = async (regionCode: string) => {
    const result = await as('karawang.pegawai', 'query ($y: Int!, $r: String) { attendanceCalendar(year: $y, regionCode: $r) { date name } }', { y: Number(regionalHoliday.slice(0, 4)), r: regionCode });
    return (result.data?.['attendanceCalendar'] as { date: string; name: string }[]).map((d) => d.date);
  };
  const holidayCount = async () => (await h.sql<{ n: number }>('select count(*)::int as n from calendar_day'))[0]?.n;

  it.each([
    { name: 'a national holiday by a provincial admin', user: 'jabar.admin', input: { date: regionalHoliday, kind: 'LIBUR_NASIONAL', name: 'Libur uji', regionCode: 'ID' }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
    { name: 'a regional holiday outside the region', user: 'karawang.admin', input: { date: regionalHoliday, kind: 'LIBUR_DAERAH', name: 'Hari Jadi', regionCode: '32.16' }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
    { name: 'a regional holiday for ID', user: 'karawang.admin', input: { date: regionalHoliday, kind: 'LIBUR_DAERAH', name: 'Hari Jadi', regionCode: 'ID' }, code: 'BAD_USER_INPUT', reason: 'invalid_calendar_scope' },
    { name: 'a day by a pegawai', user: 'karawang.pegawai', input: { date: regionalHoliday, kind: 'LIBUR_DAERAH', name: 'Hari Jadi', regionCode: '32.15' }, code: 'FORBIDDEN', reason: 'missing_role' },
  ])('refuses $name, writing nothing', async ({ user, input, code, reason }) => {
    const before = await counts();
    expect(errorOf(await addDay(user, input))).toMatchObject({ code, reason });
    expect(await counts()).toEqual(before);
    expect(await holidayCount()).toBe(0);
  });

  it('a regional holiday in the closed month makes the TK day LIBUR and publishes the next recap version', async () => {
    expect(await dayStatus(regionalHoliday)).toBe('TK');
    const added = await addDay('karawang.admin', { date: regionalHoliday, kind: 'LIBUR_DAERAH', name: 'Hari Jadi Karawang', regionCode: '32.15' });
    expect(added.errors).toBeUndefined();
    expect(await dayStatus(regionalHoliday)).toBe('LIBUR');
    expect((await recaps()).map((r) => r.version)).toEqual([1, 2, 3, 4]);
    expect(await calendarOf('32.15')).toContain(regionalHoliday);
    expect(await calendarOf('32.16')).not.toContain(regionalHoliday);
    expect(errorOf(await addDay('karawang.admin', { date: regionalHoliday, kind: 'LIBUR_DAERAH', name: 'Lagi', regionCode: '32.15' }))).toMatchObject({ code: 'CONFLICT', reason: 'calendar_day_exists' });
  });

  const define = (user: string, input: Record<string, unknown>) =>
    as(user, 'mutation ($input: DefineWorkScheduleInput!) { defineWorkSchedule(input: $input) { id name week ramadanWeek worksOnHolidays } }', { input });
  const hours = { start: '07:00', end: '15:30' };
  const scheduleCount = async () => (await h.sql<{ n: number }>('select count(*)::int as n from schedule'))[0]?.n;

  it.each([
    { name: 'six days', input: { id: 'KRW_PUSKESMAS', name: 'Puskesmas', week: [null, hours, hours, hours, hours, hours] }, code: 'BAD_USER_INPUT', reason: 'invalid_schedule' },
    { name: 'a clock that is not HH:MM', input: { id: 'KRW_PUSKESMAS', name: 'Puskesmas', week: [null, { start: '7', end: '15:30' }, null, null, null, null, null] }, code: 'BAD_USER_INPUT', reason: 'invalid_schedule' },
    { name: 'a lowercase code', input: { id: 'krw', name: 'Puskesmas', week: [null, hours, hours, hours, hours, hours, null] }, code: 'BAD_USER_INPUT', reason: 'invalid_schedule_id' },
    { name: 'the code of a default schedule', input: { id: 'LIMA_HARI', name: 'Lima hari', week: [null, hours, hours, hours, hours, hours, null] }, code: 'CONFLICT', reason: 'schedule_exists' },
  ])('refuses a schedule with $name, writing nothing', async ({ input, code, reason }) => {
    const before = await scheduleCount();
    expect(errorOf(await define('karawang.admin', input))).toMatchObject({ code, reason });
    expect(await scheduleCount()).toBe(before);
  });

  it('defines an instansi schedule with Friday and Ramadan hours', async () => {
    const friday = { start: '07:00', end: '16:00' };
    const result = await define('karawang.admin', {
      id: 'KRW_PUSKESMAS',
      name: 'Puskesmas Karawang',
      instansiId: 'inst-krw',
      week: [null, hours, hours, hours, hours, friday, { start: '07:00', end: '12:00' }],
      ramadanWeek: [null, hours, hours, hours, hours, hours, null],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['defineWorkSchedule']).toMatchObject({ id: 'KRW_PUSKESMAS', week: [null, '07:00–15:30', '07:00–15:30', '07:00–15:30', '07:00–15:30', '07:00–16:00', '07:00–12:00'], worksOnHolidays: false });
  });
});
