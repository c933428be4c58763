// Cancelling absence requests (the requester while pending or before an approved one starts; an admin at
// any time, recomputing the days and publishing the next recap version of a closed month), the Ramadan
// period as calendar data (DOMAIN.md "Attendance and discipline": separate Ramadan hours), and the source
// of an employee's own check-in (mobile app or web page). Every refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datesOfMonth, previousMonth } from '../../src/domain/month.ts';
import { addDays, localDateOf, weekdayOf } from '../../src/domain/office-time.ts';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';

// karawang.pegawai and karawang.atasan carry these NIPs in the realm.
const atasan: TestEmployee = { employeeId: 'emp-krw-atasan', nip: '197805122003121003', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw' };
const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', supervisorId: atasan.employeeId };
// Another region, so closing Karawang's month leaves this employee's months open.
const banten: TestEmployee = { employeeId: 'emp-btn-ramadan', nip: '198704042011012002', regionCode: '36.03', unitId: 'unit-btn-1', instansiId: 'inst-btn' };

const CENTRE = { latitude: -6.3048, longitude: 107.3036 };
const today = localDateOf(new Date(), 'Asia/Jakarta');
const month = previousMonth(today.slice(0, 7));
const mondayToThursday = (date: string) => weekdayOf(date) >= 1 && weekdayOf(date) <= 4;
const [sickDay] = datesOfMonth(month).filter(mondayToThursday) as [string];
// A Monday–Thursday at least a week ahead, for leave still to come.
const futureDay = (() => {
  let date = addDays(today, 7);
  while (!mondayToThursday(date)) date = addDays(date, 1);
  return date;
})();
// The latest Monday–Thursday before today: an open month for the Banten employee (never closed here).
const ramadanDay = (() => {
  let date = addDays(today, -1);
  while (!mondayToThursday(date)) date = addDays(date, -1);
  return date;
})();

let h: Harness;

function errorOf(result: GraphQLResult): { code: unknown; reason: unknown } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.['code'], reason: error?.extensions?.['reason'] };
}

async function as(username: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  return h.gql(await h.token(username), query, variables);
}

type Counts = Record<'captures' | 'absences' | 'cancelled' | 'recaps' | 'recapEvents' | 'ramadan' | 'days', number | string>;
async function counts(): Promise<Counts> {
  const [row] = await h.sql<Counts>(`select
    (select count(*)::int from capture) as captures,
    (select count(*)::int from absence_request) as absences,
    (select count(*)::int from absence_request where state = 'CANCELLED') as cancelled,
    (select count(*)::int from attendance_recap) as recaps,
    (select count(*)::int from outbox_event where topic = 'attendance.recap.v1') as "recapEvents",
    (select coalesce(string_agg(from_date::text || '/' || to_date::text, ',' order by from_date), '') from ramadan_period) as ramadan,
    (select coalesce(string_agg(employee_id || date::text || status, ',' order by employee_id, date), '') from day_status) as days`);
  return row as Counts;
}

async function dayOf(username: string, employeeId: string, date: string): Promise<{ status: string; lateMinutes: number } | undefined> {
  const result = await as(username, `query ($reps: [_Any!]!, $m: String!) { _entities(representations: $reps) { ... on Employee { attendance(month: $m) { days { date status lateMinutes } } } } }`, {
    reps: [{ __typename: 'Employee', id: employeeId }],
    m: date.slice(0, 7),
  });
  expect(result.errors).toBeUndefined();
  const days = (result.data?.['_entities'] as { attendance: { days: { date: string; status: string; lateMinutes: number }[] } }[])[0]?.attendance.days ?? [];
  return days.find((d) => d.date === date);
}

const requestAbsence = (username: string, input: Record<string, unknown>) =>
  as(username, 'mutation ($input: RequestAbsenceInput!) { requestAbsence(input: $input) { id state } }', { input });
const approve = (id: string) => as('karawang.atasan', 'mutation ($id: ID!) { decideAbsence(id: $id, approve: true) { state } }', { id });
const cancel = (username: string, id: string, note?: string) =>
  as(username, 'mutation ($id: ID!, $n: String) { cancelAbsence(id: $id, note: $n) { id state cancelledBy cancellationNote decidedBy } }', { id, n: note });
const setRamadan = (username: string, input: Record<string, unknown>) =>
  as(username, 'mutation ($input: RamadanPeriodInput!) { setRamadanPeriod(input: $input) { year from to } }', { input });

async function filed(input: Record<string, unknown>): Promise<string> {
  const result = await requestAbsence('karawang.pegawai', input);
  expect(result.errors).toBeUndefined();
  return (result.data?.['requestAbsence'] as { id: string }).id;
}

beforeAll(async () => {
  h = await startHarness('att-cancel');
  for (const employee of [atasan, pegawai, banten]) await h.publishEmployee(employee);
  const setUp = async (username: string, query: string, variables: Record<string, unknown>) => {
    const result = await as(username, query, variables);
    expect(result.errors, query).toBeUndefined();
    return result.data;
  };
  const office = await setUp('karawang.admin', 'mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', {
    input: { instansiId: 'inst-krw', name: 'Kantor BKPSDM', regionCode: '32.15', timeZone: 'Asia/Jakarta' },
  });
  const officeId = (office?.['registerOffice'] as { id: string }).id;
  await setUp('karawang.admin', 'mutation ($input: AddGeofenceInput!) { addGeofence(input: $input) { id } }', { input: { officeId, name: 'Halaman kantor', ...CENTRE } });
  await setUp('karawang.admin', 'mutation ($e: ID!, $o: ID!) { placeEmployee(employeeId: $e, officeId: $o) { id } }', { e: pegawai.employeeId, o: officeId });

  const bantenOffice = await setUp('nasional.admin', 'mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', {
    input: { instansiId: 'inst-btn', name: 'Kantor Banten', regionCode: '36.03', timeZone: 'Asia/Jakarta' },
  });
  const bantenOfficeId = (bantenOffice?.['registerOffice'] as { id: string }).id;
  await setUp('nasional.admin', 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', { input: { officeId: bantenOfficeId, serial: 'ZKRAMADAN1', name: 'Lobi' } });
  await setUp('nasional.admin', 'mutation ($input: EnrolDevicePinInput!) { enrolDevicePin(input: $input) { id } }', { input: { officeId: bantenOfficeId, pin: '9', employeeId: banten.employeeId } });
  // 07:45 is 15 minutes late on the 07:30 start, on time on the Ramadan 08:00 start.
  const imported = await setUp('nasional.admin', 'mutation ($csv: String!) { importCaptures(csv: $csv) { accepted } }', {
    csv: [`ZKRAMADAN1,9,${ramadanDay} 07:45:00,0`, `ZKRAMADAN1,9,${ramadanDay} 16:35:00,1`].join('\n'),
  });
  expect(imported?.['importCaptures']).toEqual({ accepted: 2 });
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('the source of an employee’s own check-in', () => {
  const checkIn = (input: Record<string, unknown>) =>
    as('karawang.pegawai', 'mutation ($input: CheckInInput!) { checkIn(input: $input) { capture { source kind } } }', { input: { kind: 'IN', ...CENTRE, accuracyMeters: 10, ...input } });

  it('refuses a source that is not an app (DEVICE), writing nothing', async () => {
    const before = await counts();
    expect(errorOf(await checkIn({ source: 'DEVICE' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await counts()).toEqual(before);
  });

  it('stores WEB from the web page and shows it on the day’s captures; MOBILE when not said', async () => {
    const web = await checkIn({ source: 'WEB' });
    expect(web.errors).toBeUndefined();
    expect(web.data?.['checkIn']).toEqual({ capture: { source: 'WEB', kind: 'IN' } });
    // Server time is the truth: a second capture needs another millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const mobile = await checkIn({ kind: 'OUT' });
    expect(mobile.data?.['checkIn']).toEqual({ capture: { source: 'MOBILE', kind: 'OUT' } });
    const rows = await h.sql<{ source: string }>('select source from capture where employee_id = ? order by captured_at', [pegawai.employeeId]);
    expect(rows.map((row) => row.source)).toEqual(['WEB', 'MOBILE']);
    const todays = await as('karawang.pegawai', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { attendanceToday { captures { source } } } } }', {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    });
    const captures = (todays.data?.['_entities'] as { attendanceToday: { captures: { source: string }[] } }[])[0]?.attendanceToday.captures;
    expect(captures?.map((c) => c.source)).toEqual(['WEB', 'MOBILE']);
  });
});

describe('cancelling an absence request', () => {
  let pending = '';

  beforeAll(async () => {
    pending = await filed({ type: 'IZIN', from: futureDay, to: futureDay, reason: 'Urusan keluarga' });
  });

  it.each([
    { name: 'an unknown request', user: 'karawang.pegawai', id: () => '00000000-0000-4000-8000-000000000000', code: 'NOT_FOUND', reason: 'absence_not_found' },
    { name: 'a malformed id', user: 'karawang.pegawai', id: () => 'bukan-id', code: 'NOT_FOUND', reason: 'absence_not_found' },
    { name: 'someone else’s request (the atasan is neither requester nor admin)', user: 'karawang.atasan', id: () => pending, code: 'FORBIDDEN', reason: 'not_requester_or_admin' },
    { name: 'a note over 1000 characters', user: 'karawang.pegawai', id: () => pending, note: 'x'.repeat(1001), code: 'BAD_USER_INPUT', reason: 'invalid_note' },
  ])('refuses $name, writing nothing', async ({ user, id, note, code, reason }) => {
    const before = await counts();
    expect(errorOf(await cancel(user, id(), note))).toMatchObject({ code, reason });
    expect(await counts()).toEqual(before);
  });

  it('lets the requester cancel a pending request, once', async () => {
    const result = await cancel('karawang.pegawai', pending, '  Tidak jadi  ');
    expect(result.errors).toBeUndefined();
    expect(result.data?.['cancelAbsence']).toEqual({ id: pending, state: 'CANCELLED', cancelledBy: 'karawang.pegawai', cancellationNote: 'Tidak jadi', decidedBy: null });
    const before = await counts();
    expect(errorOf(await cancel('karawang.pegawai', pending))).toMatchObject({ code: 'CONFLICT', reason: 'absence_not_cancellable' });
    expect(await counts()).toEqual(before);
  });

  it('lets the requester cancel an approved request before its first day, keeping who approved it', async () => {
    const id = await filed({ type: 'CUTI_TAHUNAN', from: futureDay, to: futureDay, reason: 'Cuti tahunan' });
    expect((await approve(id)).errors).toBeUndefined();
    const result = await cancel('karawang.pegawai', id);
    expect(result.data?.['cancelAbsence']).toMatchObject({ state: 'CANCELLED', cancelledBy: 'karawang.pegawai', decidedBy: atasan.employeeId });
  });

  it('in a closed month: the requester is refused; the admin cancels, the day is recomputed and the next recap version published', async () => {
    const id = await filed({ type: 'SAKIT', from: sickDay, to: sickDay, reason: 'Demam tinggi' });
    const closed = await as('karawang.admin', 'mutation ($m: String!) { closeAttendanceMonth(month: $m) { published } }', { m: month });
    expect(closed.errors).toBeUndefined();
    expect((await approve(id)).errors).toBeUndefined();
    expect(await dayOf('karawang.pegawai', pegawai.employeeId, sickDay)).toMatchObject({ status: 'SAKIT' });
    const versions = async () => (await h.sql<{ version: number }>('select version from attendance_recap where employee_id = ? and month = ? order by version', [pegawai.employeeId, month])).map((r) => r.version);
    expect(await versions()).toEqual([1, 2]);

    const before = await counts();
    expect(errorOf(await cancel('karawang.pegawai', id))).toMatchObject({ code: 'CONFLICT', reason: 'absence_already_started' });
    expect(await counts()).toEqual(before);

    const result = await cancel('karawang.admin', id, 'Surat dokter tidak sah');
    expect(result.data?.['cancelAbsence']).toMatchObject({ state: 'CANCELLED', cancelledBy: 'karawang.admin', cancellationNote: 'Surat dokter tidak sah' });
    expect(await dayOf('karawang.pegawai', pegawai.employeeId, sickDay)).toMatchObject({ status: 'TK' });
    expect(await versions()).toEqual([1, 2, 3]);
    const [latest] = await h.sql<{ reason: string }>('select reason from attendance_recap where employee_id = ? and month = ? and version = 3', [pegawai.employeeId, month]);
    expect(latest?.reason).toBe(`Pembatalan SAKIT ${sickDay} s.d. ${sickDay}`);
  });
});

describe('the Ramadan period as calendar data', () => {
  const year = Number(ramadanDay.slice(0, 4));
  const elsewhere = ramadanDay === `${year}-12-31` ? `${year}-01-01` : `${year}-12-31`;

  it.each([
    { name: 'a pegawai', user: 'karawang.pegawai', input: { year, from: ramadanDay, to: ramadanDay }, code: 'FORBIDDEN' },
    { name: 'a regional admin', user: 'karawang.admin', input: { year, from: ramadanDay, to: ramadanDay }, code: 'FORBIDDEN' },
    { name: 'a malformed date', user: 'nasional.admin', input: { year, from: `${year}-13-01`, to: ramadanDay }, code: 'BAD_USER_INPUT', reason: 'invalid_date' },
    { name: 'an end before the start', user: 'nasional.admin', input: { year, from: `${year}-03-10`, to: `${year}-03-01` }, code: 'BAD_USER_INPUT', reason: 'invalid_ramadan_period' },
    { name: 'more than 30 days', user: 'nasional.admin', input: { year, from: `${year}-03-01`, to: `${year}-04-05` }, code: 'BAD_USER_INPUT', reason: 'invalid_ramadan_period' },
    { name: 'a start in another year', user: 'nasional.admin', input: { year, from: `${year - 1}-12-20`, to: `${year}-01-10` }, code: 'BAD_USER_INPUT', reason: 'ramadan_outside_year' },
    { name: 'a year out of range', user: 'nasional.admin', input: { year: 1999, from: '1999-01-01', to: '1999-01-02' }, code: 'BAD_USER_INPUT', reason: 'invalid_year' },
  ])('refuses $name, writing nothing', async ({ user, input, code, reason }) => {
    const before = await counts();
    const error = errorOf(await setRamadan(user, input));
    expect(error.code).toBe(code);
    if (reason !== undefined) expect(error.reason).toBe(reason);
    expect(await counts()).toEqual(before);
  });

  it('switches stored days of open months to the Ramadan hours and back when the period moves', async () => {
    expect(await dayOf('nasional.admin', banten.employeeId, ramadanDay)).toMatchObject({ status: 'TL1', lateMinutes: 15 });
    const set = await setRamadan('nasional.admin', { year, from: ramadanDay, to: ramadanDay });
    expect(set.errors).toBeUndefined();
    expect(set.data?.['setRamadanPeriod']).toEqual({ year, from: ramadanDay, to: ramadanDay });
    const [stored] = await h.sql<{ status: string }>('select status from day_status where employee_id = ? and date = ?', [banten.employeeId, ramadanDay]);
    expect(stored?.status).toBe('HADIR');
    const read = await as('karawang.pegawai', 'query ($y: Int!) { ramadanPeriod(year: $y) { year from to } }', { y: year });
    expect(read.data?.['ramadanPeriod']).toEqual({ year, from: ramadanDay, to: ramadanDay });

    const moved = await setRamadan('nasional.admin', { year, from: elsewhere, to: elsewhere });
    expect(moved.errors).toBeUndefined();
    expect(await dayOf('nasional.admin', banten.employeeId, ramadanDay)).toMatchObject({ status: 'TL1', lateMinutes: 15 });
    expect((await h.sql<{ n: number }>('select count(*)::int as n from ramadan_period'))[0]?.n).toBe(1);
  });
});
