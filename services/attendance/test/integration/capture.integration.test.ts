// Captures from a fingerprint device (a simulator speaking the ADMS push protocol to the real endpoint),
// the mobile check-in and the CSV import, against real PostgreSQL, Kafka and Keycloak; the statuses they
// give for a table of days (DOMAIN.md "Attendance and discipline": first capture in, last out, TL/PSW
// bands 1–30/31–60/61–90/>90 or missing, TK, night shift); every refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckInCapturedSchema, fromBinary } from '@kinerja/proto';
import { openDays } from '../../src/commands/open-day.ts';
import type { DayStatusCode } from '../../src/domain/daily-status.ts';
import { addDays, localDateOf, weekdayOf } from '../../src/domain/office-time.ts';
import { bucketOf } from '../../src/domain/today-counts.ts';
import type { Em } from '../../src/repositories/sql.ts';
import { deviceSimulator } from '../support/device-simulator.ts';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';

// karawang.pegawai and karawang.atasan carry these NIPs in the realm.
const atasan: TestEmployee = { employeeId: 'emp-krw-atasan', nip: '197805122003121003', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw' };
const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', supervisorId: atasan.employeeId };
const staff: TestEmployee = { employeeId: 'emp-krw-staff', nip: '199502102020121002', regionCode: '32.15', unitId: 'unit-krw-seksi', instansiId: 'inst-krw', supervisorId: pegawai.employeeId };
const banten: TestEmployee = { employeeId: 'emp-btn-1', nip: '198704042011012002', regionCode: '36.03', unitId: 'unit-btn-1', instansiId: 'inst-btn' };

const SERIAL = 'ZKTEST0001';
// Kantor (approximate centre) and a point 120 m north of it.
const CENTRE = { latitude: -6.3048, longitude: 107.3036 };
const OUTSIDE = { latitude: CENTRE.latitude + 120 / 111_195, longitude: CENTRE.longitude };

// The Monday of last week in WIB, and the working days after it: relative, so the capture-time window holds.
const today = localDateOf(new Date(), 'Asia/Jakarta');
const monday = addDays(today, -((weekdayOf(today) + 6) % 7) - 7);
const day = (offset: number) => addDays(monday, offset);

let h: Harness;
let officeId = '';

function errorOf(result: GraphQLResult): { code: unknown; reason: unknown; message: unknown } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.['code'], reason: error?.extensions?.['reason'], message: error?.message };
}

type Counts = { captures: number; events: number; offices: number; devices: number; days: number };
async function counts(): Promise<Counts> {
  const [row] = await h.sql<Record<string, number>>(`select
    (select count(*)::int from capture) as captures,
    (select count(*)::int from outbox_event where topic = 'attendance.checkin.v1') as events,
    (select count(*)::int from office) as offices,
    (select count(*)::int from device) as devices,
    (select count(*)::int from day_status) as days`);
  return row as Counts;
}

async function admin(query: string, variables: Record<string, unknown>): Promise<GraphQLResult> {
  return h.gql(await h.token('karawang.admin'), query, variables);
}

type Day = { date: string; status: string; codes: string[]; lateMinutes: number; earlyMinutes: number; reason: string; captures: { source: string }[] };

async function daysOf(username: string, employeeId: string, dates: string[]): Promise<Map<string, Day>> {
  const months = [...new Set(dates.map((date) => date.slice(0, 7)))];
  const found = new Map<string, Day>();
  for (const month of months) {
    const result = await h.gql(
      await h.token(username),
      `query ($reps: [_Any!]!, $month: String!) { _entities(representations: $reps) { ... on Employee { attendance(month: $month) {
        days { date status codes lateMinutes earlyMinutes reason captures { source } } counts { code count } } } } }`,
      { reps: [{ __typename: 'Employee', id: employeeId }], month },
    );
    expect(result.errors).toBeUndefined();
    const entity = (result.data?.['_entities'] as { attendance: { days: Day[] } | null }[])[0];
    for (const d of entity?.attendance?.days ?? []) found.set(d.date, d);
  }
  return found;
}

beforeAll(async () => {
  h = await startHarness('attendance');
  for (const employee of [atasan, pegawai, staff, banten]) await h.publishEmployee(employee);
  const office = await admin(
    `mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }`,
    { input: { instansiId: 'inst-krw', name: 'Kantor Bupati Karawang', regionCode: '32.15', timeZone: 'Asia/Jakarta' } },
  );
  expect(office.errors).toBeUndefined();
  officeId = (office.data?.['registerOffice'] as { id: string }).id;
  for (const [query, variables] of [
    ['mutation ($input: AddGeofenceInput!) { addGeofence(input: $input) { id } }', { input: { officeId, name: 'Halaman kantor', ...CENTRE } }],
    ['mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', { input: { officeId, serial: SERIAL, name: 'Lobi' } }],
    ['mutation ($input: EnrolDevicePinInput!) { enrolDevicePin(input: $input) { id } }', { input: { officeId, pin: '1001', employeeId: pegawai.employeeId } }],
    ['mutation ($input: EnrolDevicePinInput!) { enrolDevicePin(input: $input) { id } }', { input: { officeId, pin: '1002', employeeId: staff.employeeId } }],
    ['mutation ($e: ID!, $o: ID!) { placeEmployee(employeeId: $e, officeId: $o) { id } }', { e: pegawai.employeeId, o: officeId }],
    ['mutation ($e: ID!, $o: ID!) { placeEmployee(employeeId: $e, officeId: $o) { id } }', { e: staff.employeeId, o: officeId }],
    [
      'mutation ($input: AssignWorkScheduleInput!) { assignWorkSchedule(input: $input) }',
      { input: { employeeId: staff.employeeId, scheduleId: 'SHIFT_MALAM', effectiveFrom: addDays(monday, -14) } },
    ],
  ] as const) {
    const result = await admin(query, variables);
    expect(result.errors, query).toBeUndefined();
  }
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('office administration refusals change nothing', () => {
  it.each([
    { name: 'a pegawai registering an office', user: 'karawang.pegawai', input: { instansiId: 'inst-krw', name: 'Kantor X', regionCode: '32.15', timeZone: 'Asia/Jakarta' }, code: 'FORBIDDEN', reason: 'missing_role' },
    { name: 'an admin of 32.15 registering in 36.03', user: 'karawang.admin', input: { instansiId: 'inst-btn', name: 'Kantor X', regionCode: '36.03', timeZone: 'Asia/Jakarta' }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
    { name: 'an unknown time zone', user: 'karawang.admin', input: { instansiId: 'inst-krw', name: 'Kantor X', regionCode: '32.15', timeZone: 'Asia/Singapore' }, code: 'BAD_USER_INPUT', reason: 'invalid_time_zone' },
    { name: 'a malformed region code', user: 'karawang.admin', input: { instansiId: 'inst-krw', name: 'Kantor X', regionCode: '32.1', timeZone: 'Asia/Jakarta' }, code: 'BAD_USER_INPUT', reason: 'invalid_region_code' },
  ])('$name → $code', async ({ user, input, code, reason }) => {
    const before = await counts();
    const result = await h.gql(await h.token(user), 'mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', { input });
    expect(errorOf(result)).toMatchObject({ code, reason });
    expect(await counts()).toEqual(before);
  });

  it('refuses a second registration of the same serial with CONFLICT', async () => {
    const before = await counts();
    const result = await admin('mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', { input: { officeId, serial: SERIAL, name: 'Lagi' } });
    expect(errorOf(result)).toMatchObject({ code: 'CONFLICT', reason: 'device_already_registered' });
    expect(await counts()).toEqual(before);
  });
});

describe('fingerprint device (ADMS push protocol)', () => {
  it('refuses and logs an unknown serial, writing no capture', async () => {
    const before = await counts();
    const stranger = deviceSimulator(h.server.url, 'UNKNOWN999');
    expect((await stranger.handshake()).status).toBe(403);
    const push = await stranger.push([{ pin: '1001', time: `${day(0)} 07:25:00` }]);
    expect(push.status).toBe(403);
    expect(await counts()).toEqual(before);
    const logged = await h.sql<{ n: number }>("select count(*)::int as n from device_push where serial = 'UNKNOWN999' and outcome = 'UNKNOWN_DEVICE'");
    expect(logged[0]?.n).toBe(2);
  });

  it('answers the handshake with the office zone and polling with OK', async () => {
    const device = deviceSimulator(h.server.url, SERIAL);
    const handshake = await device.handshake();
    expect(handshake.status).toBe(200);
    expect(handshake.body).toContain(`GET OPTION FROM: ${SERIAL}`);
    expect(handshake.body).toContain('TimeZone=7');
    expect(await device.poll()).toEqual({ status: 200, body: 'OK' });
  });

  it('accepts a batch, counting malformed, duplicate, unknown-PIN and out-of-range lines without failing it', async () => {
    const device = deviceSimulator(h.server.url, SERIAL);
    const lines = [
      `1001\t${day(0)} 07:25:00\t0\t1`, // Monday in
      `1001\t${day(0)} 16:05:00\t1\t1`, // Monday out
      `1001\t${day(0)} 16:05:00\t1\t1`, // duplicate: same PIN and time
      `1001\t${day(1)} 08:10:00\t0\t1`, // Tuesday 40 minutes late
      `1001\t${day(1)} 16:00:00\t1\t1`,
      `1001\t${day(2)} 07:30:00\t0\t1`, // Wednesday leaves 60 minutes early
      `1001\t${day(2)} 15:00:00\t1\t1`,
      `1001\t${day(4)} 07:20:00\t0\t1`, // Friday: no check-out
      `1001\t${day(0)} 25:00:00\t0\t1`, // malformed time
      'garbage line without tabs',
      `9999\t${day(0)} 07:00:00\t0\t1`, // PIN not enrolled
      `1001\t${addDays(today, 400)} 07:00:00\t0\t1`, // far future
      `1002\t${day(0)} 20:55:00\t0\t1`, // night shift Monday 21:00–07:00, in
      `1002\t${day(1)} 07:05:00\t1\t1`, // … out on Tuesday morning
    ];
    const answer = await device.pushRaw(`${lines.join('\n')}\n`);
    expect(answer).toEqual({ status: 200, body: `OK: ${lines.length}` });
    const [push] = await h.sql<Record<string, number>>(
      `select lines, accepted, duplicates, malformed, unknown_pins, out_of_range from device_push where serial = ? and outcome = 'ACCEPTED' order by received_at desc limit 1`,
      [SERIAL],
    );
    expect(push).toEqual({ lines: 14, accepted: 9, duplicates: 1, malformed: 2, unknown_pins: 1, out_of_range: 1 });
    const [captured] = await h.sql<{ n: number; events: number }>(
      "select (select count(*)::int from capture where source = 'DEVICE') as n, (select count(*)::int from outbox_event where topic = 'attendance.checkin.v1') as events",
    );
    expect(captured).toEqual({ n: 9, events: 9 });
  });

  it('counts a re-sent batch once (the device resends after a lost answer)', async () => {
    const before = await counts();
    const device = deviceSimulator(h.server.url, SERIAL);
    const answer = await device.push([{ pin: '1001', time: `${day(0)} 07:25:00` }]);
    expect(answer.status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it.each([
    { name: 'Monday 07:25–16:05 → HADIR', employee: pegawai, offset: 0, status: 'HADIR', codes: ['HADIR'], late: 0, early: 0 },
    { name: 'Tuesday in 08:10 → TL2 (31–60 minutes)', employee: pegawai, offset: 1, status: 'TL2', codes: ['TL2'], late: 40, early: 0 },
    { name: 'Wednesday out 15:00 → PSW2', employee: pegawai, offset: 2, status: 'PSW2', codes: ['PSW2'], late: 0, early: 60 },
    { name: 'Thursday no capture → TK', employee: pegawai, offset: 3, status: 'TK', codes: ['TK'], late: 0, early: 0 },
    { name: 'Friday no check-out → PSW4', employee: pegawai, offset: 4, status: 'PSW4', codes: ['PSW4'], late: 0, early: 0 },
    { name: 'night shift Monday 20:55 → Tuesday 07:05 → HADIR', employee: staff, offset: 0, status: 'HADIR', codes: ['HADIR'], late: 0, early: 0 },
  ])('$name', async ({ employee, offset, status, codes, late, early }) => {
    const days = await daysOf('karawang.admin', employee.employeeId, [day(offset)]);
    expect(days.get(day(offset))).toMatchObject({ status, codes, lateMinutes: late, earlyMinutes: early });
  });

  it('publishes each capture as CheckInCaptured keyed by the employee', async () => {
    const rows = await h.sql<{ key: string; payload: Buffer }>("select key, payload from outbox_event where topic = 'attendance.checkin.v1' order by seq limit 1");
    const event = fromBinary(CheckInCapturedSchema, new Uint8Array(rows[0]?.payload ?? []));
    expect(rows[0]?.key).toBe(event.employeeId);
    expect(event).toMatchObject({ source: 'DEVICE', deviceSerial: SERIAL, officeId });
  });
});

describe('mobile check-in', () => {
  const checkIn = async (username: string, input: Record<string, unknown>) =>
    h.gql(await h.token(username), 'mutation ($input: CheckInInput!) { checkIn(input: $input) { distanceMeters geofence capture { source kind clientTime } day { date status } } }', { input });

  it('refuses a position 120 m away with the distance in the message, writing nothing', async () => {
    const before = await counts();
    const result = await checkIn('karawang.pegawai', { kind: 'IN', ...OUTSIDE, accuracyMeters: 10 });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'outside_geofence', message: 'Lokasi Anda 120 m dari Halaman kantor, di luar radius 50 m' });
    expect(await counts()).toEqual(before);
  });

  it.each([
    { name: 'an accuracy worse than the radius', input: { kind: 'IN', ...CENTRE, accuracyMeters: 80 }, reason: 'accuracy_too_low' },
    { name: 'a latitude out of range', input: { kind: 'IN', latitude: 95, longitude: 107, accuracyMeters: 5 }, reason: 'invalid_position' },
    { name: 'kind UNKNOWN', input: { kind: 'UNKNOWN', ...CENTRE, accuracyMeters: 5 }, reason: 'invalid_kind' },
  ])('refuses $name, writing nothing', async ({ input, reason }) => {
    const before = await counts();
    expect(errorOf(await checkIn('karawang.pegawai', input))).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await counts()).toEqual(before);
  });

  it('refuses a token without an employee behind it', async () => {
    const before = await counts();
    expect(errorOf(await checkIn('karawang.admin', { kind: 'IN', ...CENTRE, accuracyMeters: 5 }))).toMatchObject({ code: 'FORBIDDEN', reason: 'not_an_employee' });
    expect(await counts()).toEqual(before);
  });

  it('records a check-in inside the fence at server time, storing the client clock untrusted', async () => {
    const before = await counts();
    const result = await checkIn('karawang.pegawai', { kind: 'IN', latitude: CENTRE.latitude + 20 / 111_195, longitude: CENTRE.longitude, accuracyMeters: 15, clientTime: '1999-01-01T00:00:00Z' });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.['checkIn'] as { distanceMeters: number; capture: { source: string; clientTime: string }; day: { date: string } };
    expect(payload.distanceMeters).toBe(20);
    expect(payload.capture).toMatchObject({ source: 'MOBILE', kind: 'IN', clientTime: '1999-01-01T00:00:00Z' });
    const after = await counts();
    expect(after.captures).toBe(before.captures + 1);
    expect(after.events).toBe(before.events + 1);
    const today = await h.gql(await h.token('karawang.pegawai'), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { attendanceToday { date captures { source } } } } }`, {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    });
    const day = (today.data?.['_entities'] as { attendanceToday: { date: string; captures: { source: string }[] } }[])[0]?.attendanceToday;
    expect(day?.date).toBe(payload.day.date);
    expect(day?.captures.map((c) => c.source)).toContain('MOBILE');
  });
});

describe('CSV import of an offline device', () => {
  const importCsv = async (username: string, csv: string) =>
    h.gql(await h.token(username), 'mutation ($csv: String!) { importCaptures(csv: $csv) { lines accepted duplicates problemCount problems { lineNumber problem } } }', { csv });
  const csv = ['serial,pin,time,status', `${SERIAL},1001,${day(3)} 07:29:00,0`, `${SERIAL},1001,${day(3)} 16:01:00,1`, `${SERIAL},1002,not a time,0`].join('\n');

  it('imports, reporting the bad line, and the TK day becomes HADIR', async () => {
    const result = await importCsv('karawang.admin', csv);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['importCaptures']).toMatchObject({ lines: 3, accepted: 2, duplicates: 0, problemCount: 1, problems: [{ lineNumber: 4 }] });
    const days = await daysOf('karawang.pegawai', pegawai.employeeId, [day(3)]);
    expect(days.get(day(3))).toMatchObject({ status: 'HADIR', captures: [{ source: 'IMPORT' }, { source: 'IMPORT' }] });
  });

  it('is idempotent on (employee, time): the same file again adds nothing', async () => {
    const before = await counts();
    const result = await importCsv('karawang.admin', csv);
    expect(result.data?.['importCaptures']).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await counts()).toEqual(before);
  });

  it.each([
    { name: 'a pegawai', user: 'karawang.pegawai', body: csv, code: 'FORBIDDEN', reason: 'missing_role' },
    { name: 'only unknown devices', user: 'karawang.admin', body: `NOPE0001,1001,${day(3)} 07:00:00`, code: 'BAD_USER_INPUT', reason: 'import_has_no_valid_line' },
    { name: 'an empty file', user: 'karawang.admin', body: 'serial,pin,time\n', code: 'BAD_USER_INPUT', reason: 'empty_import' },
  ])('refuses $name, writing nothing', async ({ user, body, code, reason }) => {
    const before = await counts();
    expect(errorOf(await importCsv(user, body))).toMatchObject({ code, reason });
    expect(await counts()).toEqual(before);
  });
});

describe('who sees an employee’s attendance', () => {
  it.each([
    { user: 'karawang.pegawai', employee: pegawai, allowed: true },
    { user: 'karawang.atasan', employee: staff, allowed: true }, // indirect: staff → pegawai → atasan
    { user: 'karawang.pegawai', employee: atasan, allowed: false },
    { user: 'banten.analis', employee: pegawai, allowed: false },
    { user: 'jabar.analis', employee: pegawai, allowed: true },
  ])('$user → $employee.employeeId: $allowed', async ({ user, employee, allowed }) => {
    const result = await h.gql(await h.token(user), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { attendance(month: "${monday.slice(0, 7)}") { month } } } }`, {
      reps: [{ __typename: 'Employee', id: employee.employeeId }],
    });
    if (allowed) expect(result.errors).toBeUndefined();
    else expect(errorOf(result)).toMatchObject({ code: 'FORBIDDEN', reason: 'employee_out_of_scope' });
  });

  it('shows the employee their own office with its fences, never its device serials', async () => {
    const office = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { attendanceOffice { name geofences { latitude longitude radiusMeters } } } } }`;
    const own = await h.gql(await h.token('karawang.pegawai'), office, { reps: [{ __typename: 'Employee', id: pegawai.employeeId }] });
    expect(own.errors).toBeUndefined();
    expect((own.data?.['_entities'] as unknown[])[0]).toEqual({ attendanceOffice: { name: 'Kantor Bupati Karawang', geofences: [{ ...CENTRE, radiusMeters: 50 }] } });
    const devices = await h.gql(await h.token('karawang.pegawai'), office.replace('radiusMeters }', 'radiusMeters } devices { serial }'), { reps: [{ __typename: 'Employee', id: pegawai.employeeId }] });
    expect(errorOf(devices)).toMatchObject({ code: 'FORBIDDEN', reason: 'missing_role' });
    const other = await h.gql(await h.token('karawang.pegawai'), office, { reps: [{ __typename: 'Employee', id: atasan.employeeId }] });
    expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'employee_out_of_scope' });
  });

  it('refuses a malformed month', async () => {
    const result = await h.gql(await h.token('karawang.pegawai'), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { attendance(month: "2026-13") { month } } } }`, {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalid_month' });
  });
});

describe('attendance today per region and unit (incremental counters)', () => {
  type Today = { date: string; present: number; late: number; absent: number; onLeave: number; off: number; sharePresent: number | null };
  const total = (t: Today) => t.present + t.late + t.absent + t.onLeave + t.off;
  const regionToday = async (user: string, code: string, date?: string) =>
    h.gql(await h.token(user), `query ($reps: [_Any!]!, $date: String) { _entities(representations: $reps) { ... on Region { attendanceToday(date: $date) { date present late absent onLeave off sharePresent } } } }`, {
      reps: [{ __typename: 'Region', code }],
      date,
    });
  const unitToday = async (user: string, id: string) =>
    h.gql(await h.token(user), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { attendanceToday { date present late absent onLeave off } } } }`, {
      reps: [{ __typename: 'OrgUnit', id }],
    });
  const todayOf = (result: GraphQLResult, type: 'Region' | 'OrgUnit' = 'Region') => {
    expect(result.errors, type).toBeUndefined();
    return (result.data?.['_entities'] as { attendanceToday: Today }[])[0]?.attendanceToday as Today;
  };

  beforeAll(async () => {
    await openDays(h.orm.em.fork() as unknown as Em, new Date());
  });

  it("counts every active employee of the region once today, the checked-in employee in their day's bucket", async () => {
    const krw = todayOf(await regionToday('karawang.admin', '32.15'));
    expect(krw.date).toBe(today);
    expect(total(krw)).toBe(3);
    // On a working day the check-in makes the employee present or late; on a weekend the day is LIBUR.
    const own = await h.gql(await h.token('karawang.pegawai'), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { attendanceToday { status } } } }`, {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    });
    const status = (own.data?.['_entities'] as { attendanceToday: { status: DayStatusCode } }[])[0]?.attendanceToday.status as DayStatusCode;
    expect(['present', 'late', 'off']).toContain(bucketOf(status));
    expect(krw[bucketOf(status) as 'present' | 'late' | 'off']).toBeGreaterThanOrEqual(1);
    const national = todayOf(await regionToday('nasional.analis', 'ID'));
    expect(total(national)).toBe(4);
    const unit = todayOf(await unitToday('karawang.admin', 'unit-krw-seksi'), 'OrgUnit');
    expect(total(unit)).toBe(1);
  });

  it('keeps the counters equal to a recount of the day statuses, for every date touched by the suite', async () => {
    const rows = await h.sql<{ date: string; status: DayStatusCode; region_code: string }>(
      "select d.date::text as date, d.status, e.region_code from day_status d join employee e on e.employee_id = d.employee_id where e.region_code like '32.15%'",
    );
    const dates = [...new Set(rows.map((row) => row.date))];
    expect(dates.length).toBeGreaterThan(5);
    for (const date of dates) {
      const recount = { present: 0, late: 0, onLeave: 0, absent: 0, off: 0 };
      for (const row of rows.filter((r) => r.date === date)) recount[bucketOf(row.status)] += 1;
      const counted = todayOf(await regionToday('karawang.admin', '32.15', date));
      expect({ date, present: counted.present, late: counted.late, onLeave: counted.onLeave, absent: counted.absent, off: counted.off }).toEqual({ date, ...recount });
    }
  });

  it.each([
    { user: 'banten.analis', code: '32.15' },
    { user: 'karawang.pegawai', code: '32.15' },
    { user: 'karawang.admin', code: '32' },
  ])('refuses $user reading region $code', async ({ user, code }) => {
    expect(errorOf(await regionToday(user, code))).toMatchObject({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
  });
});

describe('band tables per instansi (DOMAIN.md: the 15-minute variant)', () => {
  const setRule = async (user: string, input: Record<string, unknown>) =>
    h.gql(await h.token(user), 'mutation ($input: DisciplineRuleInput!) { setDisciplineRule(input: $input) }', { input });
  const ruleCount = async () => (await h.sql<{ n: number }>('select count(*)::int as n from discipline_rule'))[0]?.n;

  it.each([
    { name: 'bounds not ascending', user: 'karawang.admin', input: { instansiId: 'inst-krw', effectiveFrom: monday, upperBounds: [30, 15], missingBand: 4 }, code: 'BAD_USER_INPUT', reason: 'invalid_band_table' },
    { name: 'an instansi of another region', user: 'karawang.admin', input: { instansiId: 'inst-btn', effectiveFrom: monday, upperBounds: [15, 30], missingBand: 4 }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
    { name: 'an unknown instansi', user: 'karawang.admin', input: { instansiId: 'inst-nope', effectiveFrom: monday, upperBounds: [15, 30], missingBand: 4 }, code: 'NOT_FOUND', reason: 'instansi_not_found' },
    { name: 'a pegawai', user: 'karawang.pegawai', input: { instansiId: 'inst-krw', effectiveFrom: monday, upperBounds: [15, 30], missingBand: 4 }, code: 'FORBIDDEN', reason: 'missing_role' },
  ])('refuses $name, writing nothing', async ({ user, input, code, reason }) => {
    const before = await counts();
    expect(errorOf(await setRule(user, input))).toMatchObject({ code, reason });
    expect(await ruleCount()).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('recomputes stored days: 40 minutes late is TL3 under 15-minute bands', async () => {
    const result = await setRule('karawang.admin', { instansiId: 'inst-krw', effectiveFrom: monday, upperBounds: [15, 30], missingBand: 4 });
    expect(result.errors).toBeUndefined();
    const days = await daysOf('karawang.admin', pegawai.employeeId, [day(1)]);
    expect(days.get(day(1))).toMatchObject({ status: 'TL3', lateMinutes: 40 });
  });
});
