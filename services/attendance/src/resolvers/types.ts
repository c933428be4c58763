// Field resolvers of the types attendance owns or extends: thin (scope → load → shape).
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { datesOfMonth, isValidMonth } from '../domain/month.ts';
import type { WeekHours } from '../domain/schedule.ts';
import { hasRole } from '@kinerja/kit/auth';
import { regionReaderRoles } from '../commands/scope.ts';
import { shownAbsenceState } from '../domain/absence.ts';
import type {
  AbsenceRequestResolvers,
  AttendanceDayResolvers,
  AttendanceMonthResolvers,
  AttendanceOfficeResolvers,
  EmployeeResolvers,
  WorkScheduleResolvers,
} from '../generated/resolvers-types.ts';
import { countsOf } from './attendance-views.ts';
import type { Context } from './context.ts';
import { absencesOf, attendanceDayToday, attendanceMonth, attendanceVisible, devicesOfOffice, employeeById, geofencesOfOffice, officeOfEmployee, recapsOf } from './loaders.ts';

/** The employee when the caller may see their attendance; null when the read model does not know them. */
async function visibleEmployee(ctx: Context, employeeId: string) {
  const employee = await employeeById(ctx).load(employeeId);
  if (employee === null) return null;
  if (!(await attendanceVisible(ctx).load(employee.employeeId))) {
    throw forbidden('Anda tidak berwenang melihat kehadiran pegawai ini', 'employee_out_of_scope');
  }
  return employee;
}

export const Employee: EmployeeResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  attendance: async (parent, { month }, ctx) => {
    if (!isValidMonth(month)) throw badUserInput(`Bulan ${month} tidak valid (format YYYY-MM)`, 'invalid_month', { field: 'month' });
    const employee = await visibleEmployee(ctx, parent.id);
    return employee === null ? null : attendanceMonth(ctx, month, new Date()).load(employee.employeeId);
  },
  attendanceToday: async (parent, _, ctx) => {
    const employee = await visibleEmployee(ctx, parent.id);
    return employee === null ? null : attendanceDayToday(ctx, new Date()).load(employee.employeeId);
  },
  absenceRequests: async (parent, { month }, ctx) => {
    if (!isValidMonth(month)) throw badUserInput(`Bulan ${month} tidak valid (format YYYY-MM)`, 'invalid_month', { field: 'month' });
    const employee = await visibleEmployee(ctx, parent.id);
    if (employee === null) return [];
    // The month's own last day: `-31` is no date in a 30-day month (PostgreSQL refuses it).
    const dates = datesOfMonth(month);
    return absencesOf(ctx, dates[0] as string, dates[dates.length - 1] as string).load(employee.employeeId);
  },
  attendanceRecaps: async (parent, { month }, ctx) => {
    if (!isValidMonth(month)) throw badUserInput(`Bulan ${month} tidak valid (format YYYY-MM)`, 'invalid_month', { field: 'month' });
    const employee = await visibleEmployee(ctx, parent.id);
    return employee === null ? [] : recapsOf(ctx, month).load(employee.employeeId);
  },
  attendanceOffice: async (parent, _, ctx) => {
    const employee = await visibleEmployee(ctx, parent.id);
    return employee === null ? null : officeOfEmployee(ctx).load(employee.employeeId);
  },
};

export const AttendanceMonth: AttendanceMonthResolvers = {
  counts: (parent) => countsOf(parent),
};

export const AttendanceDay: AttendanceDayResolvers = {
  codes: (parent) => parent.codes,
};

export const AttendanceOffice: AttendanceOfficeResolvers = {
  geofences: (parent, _, ctx) => geofencesOfOffice(ctx).load(parent.id),
  // Serials are the push protocol's only credential (README "Fingerprint devices"): an employee reading
  // their own office (Employee.attendanceOffice) sees its fences, never its devices.
  devices: (parent, _, ctx) => {
    if (!hasRole(ctx.viewer, ...regionReaderRoles)) throw forbidden('Daftar mesin presensi memerlukan peran admin-kepegawaian, analis, pimpinan atau auditor', 'missing_role');
    return devicesOfOffice(ctx).load(parent.id);
  },
};

const weekText = (week: WeekHours): (string | null)[] => week.map((hours) => (hours === null ? null : `${hours.start}–${hours.end}`));

export const WorkSchedule: WorkScheduleResolvers = {
  worksOnHolidays: (parent) => parent.worksOnHolidays ?? false,
  week: (parent) => weekText(parent.week),
  ramadanWeek: (parent) => (parent.ramadanWeek ? weekText(parent.ramadanWeek) : null),
};

export const AbsenceRequest: AbsenceRequestResolvers = {
  employee: (parent) => ({ id: parent.employeeId }),
  state: (parent) => shownAbsenceState(parent, new Date()),
};
