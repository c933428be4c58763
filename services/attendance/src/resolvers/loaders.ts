// Per-request DataLoaders: each nested list is one statement per batch, however many parents ask.
import type DataLoader from 'dataloader';
import { byKeys, groupByKeys } from '@kinerja/kit/loaders';
import { findEmployees, type EmployeeRecord } from '../repositories/employee-rows.ts';
import { attendanceVisibleIds } from '../commands/scope.ts';
import { findOrgUnitRegions } from '../repositories/employee-rows.ts';
import { findDevices, findEmployeeOffices, findGeofences, findOffices, type DeviceRow, type GeofenceRow, type OfficeRow } from '../repositories/office-rows.ts';
import { findAbsencesOfEmployees, findRecapsOfEmployees, type AbsenceRow, type RecapRow } from '../repositories/request-rows.ts';
import { monthsOf, todaysOf } from './attendance-views.ts';
import type { Context } from './context.ts';
import type { DayParent, MonthParent } from './parents.ts';

export function employeeById(ctx: Context): DataLoader<string, EmployeeRecord | null> {
  return ctx.loaders.get('employeeById', async (ids: readonly string[]) => byKeys(ids, await findEmployees(ctx.em, ids), (row) => row.employeeId));
}

export function officeById(ctx: Context): DataLoader<string, OfficeRow | null> {
  return ctx.loaders.get('officeById', async (ids: readonly string[]) => byKeys(ids, await findOffices(ctx.em, ids), (row) => row.id));
}

export function geofencesOfOffice(ctx: Context): DataLoader<string, GeofenceRow[]> {
  return ctx.loaders.get('geofencesOfOffice', async (ids: readonly string[]) => groupByKeys(ids, await findGeofences(ctx.em, ids), (row) => row.officeId));
}

export function devicesOfOffice(ctx: Context): DataLoader<string, DeviceRow[]> {
  return ctx.loaders.get('devicesOfOffice', async (ids: readonly string[]) => groupByKeys(ids, await findDevices(ctx.em, ids), (row) => row.officeId));
}

/** Whether the viewer may see an employee's attendance (one statement for every employee of the request). */
export function attendanceVisible(ctx: Context): DataLoader<string, boolean> {
  return ctx.loaders.get('attendanceVisible', async (ids: readonly string[]) => {
    const visible = await attendanceVisibleIds(ctx.em, ctx.viewer, ids);
    return ids.map((id) => visible.has(id));
  });
}

/** An employee's absence requests overlapping [from, to]. */
export function absencesOf(ctx: Context, from: string, to: string): DataLoader<string, AbsenceRow[]> {
  return ctx.loaders.get(`absencesOf:${from}:${to}`, async (ids: readonly string[]) => groupByKeys(ids, await findAbsencesOfEmployees(ctx.em, ids, from, to), (row) => row.employeeId));
}

export function recapsOf(ctx: Context, month: string): DataLoader<string, RecapRow[]> {
  return ctx.loaders.get(`recapsOf:${month}`, async (ids: readonly string[]) =>
    groupByKeys(ids, await findRecapsOfEmployees(ctx.em, ids, month), (row) => row.employeeId).map((rows) => rows.map(({ employeeId: _, ...recap }) => recap)),
  );
}

export function officeOfEmployee(ctx: Context): DataLoader<string, OfficeRow | null> {
  return ctx.loaders.get('officeOfEmployee', async (ids: readonly string[]) =>
    byKeys(ids, await findEmployeeOffices(ctx.em, ids), (row) => row.employeeId).map((row) => (row === null ? null : (({ employeeId: _, ...office }) => office)(row))),
  );
}

/** The region a unit's employees share (who may read the unit's figures). */
export function unitRegion(ctx: Context): DataLoader<string, string | null> {
  return ctx.loaders.get('unitRegion', async (ids: readonly string[]) => {
    const regions = await findOrgUnitRegions(ctx.em, ids);
    return ids.map((id) => regions.get(id) ?? null);
  });
}

/** Employee.attendance(month) over a page of employees: the same statements for 10 as for 100. */
export function attendanceMonth(ctx: Context, month: string, now: Date): DataLoader<string, MonthParent> {
  return ctx.loaders.get(`attendanceMonth:${month}`, async (ids: readonly string[]) => monthsOf(ctx.em, ids, month, now));
}

export function attendanceDayToday(ctx: Context, now: Date): DataLoader<string, DayParent | null> {
  return ctx.loaders.get('attendanceDayToday', async (ids: readonly string[]) => todaysOf(ctx.em, ids, now));
}
