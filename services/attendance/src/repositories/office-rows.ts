// Offices with their geofences and devices, and the lookups the capture paths need (device by serial,
// PIN to employee, an employee's office and fences).
import type { Viewer } from '@kinerja/kit/auth';
import { regionSql } from '@kinerja/kit/scoping';
import { inList, isoInstant, queryBound, queryRows, type Em } from './sql.ts';

export interface OfficeRow {
  id: string;
  instansiId: string;
  name: string;
  regionCode: string;
  timeZone: string;
}

export interface GeofenceRow {
  id: string;
  officeId: string;
  name: string;
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

export interface DeviceRow {
  serial: string;
  officeId: string;
  name: string;
  lastSeenAt: string | null;
}

interface OfficeSqlRow {
  id: string;
  instansi_id: string;
  name: string;
  region_code: string;
  time_zone: string;
}

const officeColumns = 'id, instansi_id, name, region_code, time_zone';
const toOffice = (row: OfficeSqlRow): OfficeRow => ({ id: row.id, instansiId: row.instansi_id, name: row.name, regionCode: row.region_code, timeZone: row.time_zone });

export async function findOffices(em: Em, ids: readonly string[]): Promise<OfficeRow[]> {
  return (await queryRows<OfficeSqlRow>(em, `select ${officeColumns} from office where id::text in (?)`, [inList(ids)])).map(toOffice);
}

/** Offices inside the viewer's region and under `regionCode` (a prefix), by name. */
export async function listOffices(em: Em, viewer: Viewer, regionCode: string | null): Promise<OfficeRow[]> {
  if (viewer.regionCode === null) return [];
  const scope = regionSql('region_code', viewer.regionCode);
  const params: unknown[] = [...scope.params];
  let extra = '';
  if (regionCode !== null && regionCode !== '' && regionCode !== 'ID') {
    extra = 'and (region_code = ? or region_code like ?)';
    params.push(regionCode, `${regionCode}.%`);
  }
  return (await queryRows<OfficeSqlRow>(em, `select ${officeColumns} from office where ${scope.sql} ${extra} order by name, id`, params)).map(toOffice);
}

export async function findGeofences(em: Em, officeIds: readonly string[]): Promise<GeofenceRow[]> {
  const rows = await queryRows<{ id: string; office_id: string; name: string; latitude: number; longitude: number; radius_meters: number }>(
    em,
    'select id, office_id, name, latitude, longitude, radius_meters from geofence where office_id::text in (?) order by name, id',
    [inList(officeIds)],
  );
  return rows.map((row) => ({ id: row.id, officeId: row.office_id, name: row.name, latitude: row.latitude, longitude: row.longitude, radiusMeters: row.radius_meters }));
}

export async function findDevices(em: Em, officeIds: readonly string[]): Promise<DeviceRow[]> {
  const rows = await queryRows<{ serial: string; office_id: string; name: string; last_seen_at: string | Date | null }>(
    em,
    'select serial, office_id, name, last_seen_at from device where office_id::text in (?) order by serial',
    [inList(officeIds)],
  );
  return rows.map((row) => ({ serial: row.serial, officeId: row.office_id, name: row.name, lastSeenAt: row.last_seen_at === null ? null : isoInstant(row.last_seen_at) }));
}

export interface DeviceOffice {
  serial: string;
  officeId: string;
  timeZone: string;
  regionCode: string;
}

export async function findDeviceOffices(em: Em, serials: readonly string[]): Promise<Map<string, DeviceOffice>> {
  const rows = await queryRows<{ serial: string; office_id: string; time_zone: string; region_code: string }>(
    em,
    'select d.serial, d.office_id, o.time_zone, o.region_code from device d join office o on o.id = d.office_id where d.serial in (?)',
    [inList(serials)],
  );
  return new Map(rows.map((row) => [row.serial, { serial: row.serial, officeId: row.office_id, timeZone: row.time_zone, regionCode: row.region_code }]));
}

/** Employee ids of the (office, PIN) pairs given, keyed `officeId|pin` (a push names a few hundred of an office's thousands). */
export async function findPinEmployees(em: Em, pairs: readonly { officeId: string; pin: string }[]): Promise<Map<string, string>> {
  const unique = [...new Map(pairs.map((pair) => [`${pair.officeId}|${pair.pin}`, pair])).values()];
  const rows = await queryBound<{ office_id: string; pin: string; employee_id: string }>(
    em,
    'select p.office_id::text as office_id, p.pin, p.employee_id from device_pin p join unnest($1::uuid[], $2::text[]) as k(office_id, pin) on p.office_id = k.office_id and p.pin = k.pin',
    [unique.map((pair) => pair.officeId), unique.map((pair) => pair.pin)],
  );
  return new Map(rows.map((row) => [`${row.office_id}|${row.pin}`, row.employee_id]));
}

export async function findEmployeeOffice(em: Em, employeeId: string): Promise<OfficeRow | null> {
  return (await findEmployeeOffices(em, [employeeId]))[0] ?? null;
}

/** The offices several employees are assigned to, in one statement. */
export async function findEmployeeOffices(em: Em, employeeIds: readonly string[]): Promise<(OfficeRow & { employeeId: string })[]> {
  if (employeeIds.length === 0) return [];
  const rows = await queryRows<OfficeSqlRow & { employee_id: string }>(
    em,
    `select eo.employee_id, o.id, o.instansi_id, o.name, o.region_code, o.time_zone from employee_office eo join office o on o.id = eo.office_id where eo.employee_id in (?)`,
    [inList(employeeIds)],
  );
  return rows.map((row) => ({ ...toOffice(row), employeeId: row.employee_id }));
}
