// Every mutation of schema.graphql leaves an audit entry (issue 14 item 5): the table below has one
// successful call per Mutation field, in order (an office with its geofence, device and PIN, captures,
// the closed month and its correction, an absence and its cancellation, calendar and Ramadan period,
// schedules and rules); a mutation added without a row here fails the suite.
import { readFileSync } from 'node:fs';
import { describeAuditCoverage } from '@kinerja/kit/audit-coverage';
import { datesOfMonth, previousMonth } from '../../src/domain/month.ts';
import { addDays, localDateOf, weekdayOf } from '../../src/domain/office-time.ts';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const atasan: TestEmployee = { employeeId: 'emp-krw-atasan', nip: '197805122003121003', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw' };
const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', supervisorId: atasan.employeeId };
const SERIAL = 'ZKAUDIT001';
const CENTRE = { latitude: -6.3048, longitude: 107.3036 };
const today = localDateOf(new Date(), 'Asia/Jakarta');
const month = previousMonth(today.slice(0, 7));
const [presentDay, correctedDay, holiday] = datesOfMonth(month).filter((date) => weekdayOf(date) >= 1 && weekdayOf(date) <= 4) as [string, string, string];
const futureDay = (() => {
  let date = addDays(today, 7);
  while (weekdayOf(date) < 1 || weekdayOf(date) > 4) date = addDays(date, 1);
  return date;
})();
const ids = { office: '', correction: '', absence: '' };
const idOf = (result: GraphQLResult, field: string): string => (result.data?.[field] as { id: string } | undefined)?.id ?? '';
const hours = { start: '07:00', end: '15:30' };

describeAuditCoverage({
  service: 'attendance',
  sdl,
  start: () => startHarness('attendance_audit'),
  prepare: async (h) => {
    for (const employee of [atasan, pegawai]) await (h as Harness).publishEmployee(employee);
  },
  refused: (h) => async () =>
    h.gql(await h.token('karawang.admin'), 'mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', {
      input: { instansiId: 'inst-krw', name: 'Kantor X', regionCode: '32.15', timeZone: 'Asia/Singapore' },
    }),
  calls: (h) => {
    const as = async (user: string, query: string, variables: Record<string, unknown> = {}) => h.gql(await h.token(user), query, variables);
    const admin = (query: string, variables: Record<string, unknown> = {}) => as('karawang.admin', query, variables);
    return {
      registerOffice: async () => {
        const result = await admin('mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', {
          input: { instansiId: 'inst-krw', name: 'Kantor BKPSDM', regionCode: '32.15', timeZone: 'Asia/Jakarta' },
        });
        ids.office = idOf(result, 'registerOffice');
        return result;
      },
      addGeofence: () => admin('mutation ($input: AddGeofenceInput!) { addGeofence(input: $input) { id } }', { input: { officeId: ids.office, name: 'Halaman kantor', ...CENTRE } }),
      registerDevice: () => admin('mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', { input: { officeId: ids.office, serial: SERIAL, name: 'Lobi' } }),
      enrolDevicePin: () => admin('mutation ($input: EnrolDevicePinInput!) { enrolDevicePin(input: $input) { id } }', { input: { officeId: ids.office, pin: '7', employeeId: pegawai.employeeId } }),
      placeEmployee: () => admin('mutation ($e: ID!, $o: ID!) { placeEmployee(employeeId: $e, officeId: $o) { id } }', { e: pegawai.employeeId, o: ids.office }),
      assignWorkSchedule: () =>
        admin('mutation ($input: AssignWorkScheduleInput!) { assignWorkSchedule(input: $input) }', { input: { employeeId: pegawai.employeeId, scheduleId: 'LIMA_HARI', effectiveFrom: addDays(today, -90) } }),
      checkIn: () => as('karawang.pegawai', 'mutation ($input: CheckInInput!) { checkIn(input: $input) { distanceMeters } }', { input: { kind: 'IN', ...CENTRE, accuracyMeters: 10 } }),
      importCaptures: () =>
        admin('mutation ($csv: String!) { importCaptures(csv: $csv) { accepted } }', { csv: [`${SERIAL},7,${presentDay} 07:20:00,0`, `${SERIAL},7,${presentDay} 16:10:00,1`].join('\n') }),
      closeAttendanceMonth: () => admin('mutation ($m: String!) { closeAttendanceMonth(month: $m) { published } }', { m: month }),
      requestCorrection: async () => {
        const result = await as('karawang.pegawai', 'mutation ($input: RequestCorrectionInput!) { requestCorrection(input: $input) { id } }', {
          input: { date: correctedDay, kind: 'IN', time: '07:25', reason: 'Mesin sidik jari mati pagi itu' },
        });
        ids.correction = idOf(result, 'requestCorrection');
        return result;
      },
      verifyCorrection: () => admin('mutation ($id: ID!) { verifyCorrection(id: $id, approve: true, note: "Surat keterangan kepala bidang") { state } }', { id: ids.correction }),
      requestAbsence: async () => {
        const result = await as('karawang.pegawai', 'mutation ($input: RequestAbsenceInput!) { requestAbsence(input: $input) { id } }', {
          input: { type: 'CUTI_TAHUNAN', from: futureDay, to: addDays(futureDay, 1), reason: 'Keperluan keluarga' },
        });
        ids.absence = idOf(result, 'requestAbsence');
        return result;
      },
      decideAbsence: () => as('karawang.atasan', 'mutation ($id: ID!) { decideAbsence(id: $id, approve: true) { state } }', { id: ids.absence }),
      // The approved absence starts next week: its requester may still cancel it.
      cancelAbsence: () => as('karawang.pegawai', 'mutation ($id: ID!) { cancelAbsence(id: $id, note: "Keperluan keluarga batal") { state } }', { id: ids.absence }),
      addCalendarDay: () =>
        admin('mutation ($input: CalendarDayInput!) { addCalendarDay(input: $input) { date } }', { input: { date: holiday, kind: 'LIBUR_DAERAH', name: 'Hari Jadi Karawang', regionCode: '32.15' } }),
      removeCalendarDay: () => admin('mutation ($d: String!) { removeCalendarDay(date: $d, regionCode: "32.15") }', { d: holiday }),
      setRamadanPeriod: () =>
        as('nasional.admin', 'mutation ($input: RamadanPeriodInput!) { setRamadanPeriod(input: $input) { year } }', {
          input: { year: Number(holiday.slice(0, 4)), from: holiday, to: addDays(holiday, 1) },
        }),
      defineWorkSchedule: () =>
        admin('mutation ($input: DefineWorkScheduleInput!) { defineWorkSchedule(input: $input) { id } }', {
          input: { id: 'KRW_PUSKESMAS', name: 'Puskesmas Karawang', instansiId: 'inst-krw', week: [null, hours, hours, hours, hours, hours, null] },
        }),
      setDisciplineRule: () =>
        admin('mutation ($input: DisciplineRuleInput!) { setDisciplineRule(input: $input) }', { input: { instansiId: 'inst-krw', effectiveFrom: addDays(today, -30), upperBounds: [15, 30], missingBand: 4 } }),
    };
  },
});
