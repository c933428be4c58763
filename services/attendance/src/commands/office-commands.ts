// Office administration (admin-kepegawaian of the office's region): offices, geofences, devices, PINs,
// placing employees and assigning schedules. Each validates first, then writes in one transaction.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import { badUserInput, conflict, notFound } from '@kinerja/kit/errors';
import { DEFAULT_GEOFENCE_RADIUS_METERS, positionProblem } from '../domain/geofence.ts';
import { addDays, isOfficeTimeZone, isValidDate } from '../domain/office-time.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { findOffices, type OfficeRow } from '../repositories/office-rows.ts';
import { queryRows, run, type Em } from '../repositories/sql.ts';
import { recomputeDays } from './recompute-days.ts';
import { assertAdminOf } from './scope.ts';

const REGION_CODE_PATTERN = /^\d{2}(\.\d{2}){0,3}$/;
const SERIAL_PATTERN = /^[A-Za-z0-9_-]{4,40}$/;
const PIN_PATTERN = /^[0-9A-Za-z]{1,24}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireName(value: string, field: string): string {
  const name = value.trim();
  if (name.length < 2 || name.length > 200) throw badUserInput(`${field} harus 2–200 karakter`, 'invalid_name', { field });
  return name;
}

/** The office, checked to be in the caller's region for administration. */
export async function officeForAdmin(em: Em, viewer: Viewer, officeId: string): Promise<OfficeRow> {
  const [office] = UUID_PATTERN.test(officeId) ? await findOffices(em, [officeId]) : [];
  if (office === undefined) throw notFound(`Kantor ${officeId} tidak ditemukan`, 'office_not_found');
  assertAdminOf(viewer, office.regionCode);
  return office;
}

export async function registerOffice(em: Em, viewer: Viewer, input: { instansiId: string; name: string; regionCode: string; timeZone: string }): Promise<string> {
  if (!REGION_CODE_PATTERN.test(input.regionCode)) throw badUserInput(`Kode wilayah ${input.regionCode} tidak valid (contoh: 32.15)`, 'invalid_region_code', { field: 'regionCode' });
  assertAdminOf(viewer, input.regionCode);
  const name = requireName(input.name, 'Nama kantor');
  if (!isOfficeTimeZone(input.timeZone)) {
    throw badUserInput('Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)', 'invalid_time_zone', { field: 'timeZone' });
  }
  const instansiId = input.instansiId.trim();
  if (instansiId === '') throw badUserInput('Instansi wajib diisi', 'invalid_instansi', { field: 'instansiId' });
  const id = randomUUID();
  await em.transactional(async (tx) => {
    await run(tx, 'insert into office (id, instansi_id, name, region_code, time_zone, created_by) values (?, ?, ?, ?, ?, ?)', [id, instansiId, name, input.regionCode, input.timeZone, viewer.username]);
  });
  return id;
}

export async function addGeofence(
  em: Em,
  viewer: Viewer,
  input: { officeId: string; name: string; latitude: number; longitude: number; radiusMeters?: number | null },
): Promise<string> {
  const office = await officeForAdmin(em, viewer, input.officeId);
  const name = requireName(input.name, 'Nama titik lokasi');
  const problem = positionProblem(input, 1);
  if (problem !== null) throw badUserInput(problem, 'invalid_position');
  const radius = input.radiusMeters ?? DEFAULT_GEOFENCE_RADIUS_METERS;
  if (!Number.isInteger(radius) || radius < 10 || radius > 5000) throw badUserInput('Radius harus 10–5000 meter', 'invalid_radius', { field: 'radiusMeters' });
  await em.transactional(async (tx) => {
    await run(tx, 'insert into geofence (id, office_id, name, latitude, longitude, radius_meters) values (?, ?, ?, ?, ?, ?)', [randomUUID(), office.id, name, input.latitude, input.longitude, radius]);
  });
  return office.id;
}

export async function registerDevice(em: Em, viewer: Viewer, input: { officeId: string; serial: string; name: string }): Promise<string> {
  const office = await officeForAdmin(em, viewer, input.officeId);
  const serial = input.serial.trim();
  if (!SERIAL_PATTERN.test(serial)) throw badUserInput('Nomor seri mesin harus 4–40 huruf, angka, - atau _', 'invalid_serial', { field: 'serial' });
  const name = requireName(input.name, 'Nama mesin');
  await em.transactional(async (tx) => {
    const [existing] = await queryRows<{ office_id: string }>(tx, 'select office_id from device where serial = ?', [serial]);
    if (existing !== undefined) throw conflict(`Mesin ${serial} sudah terdaftar`, 'device_already_registered');
    await run(tx, 'insert into device (serial, office_id, name, registered_by) values (?, ?, ?, ?)', [serial, office.id, name, viewer.username]);
  });
  return office.id;
}

export async function enrolDevicePin(em: Em, viewer: Viewer, input: { officeId: string; pin: string; employeeId: string }): Promise<string> {
  const office = await officeForAdmin(em, viewer, input.officeId);
  const pin = input.pin.trim();
  if (!PIN_PATTERN.test(pin)) throw badUserInput('PIN harus 1–24 huruf atau angka', 'invalid_pin', { field: 'pin' });
  const [employee] = await findEmployees(em, [input.employeeId]);
  if (employee === undefined) throw notFound(`Pegawai ${input.employeeId} tidak ditemukan`, 'employee_not_found');
  assertAdminOf(viewer, employee.regionCode);
  await em.transactional(async (tx) => {
    const [existing] = await queryRows<{ employee_id: string }>(tx, 'select employee_id from device_pin where office_id = ? and pin = ?', [office.id, pin]);
    if (existing !== undefined && existing.employee_id !== employee.employeeId) throw conflict(`PIN ${pin} sudah dipakai pegawai lain di kantor ini`, 'pin_taken');
    await run(tx, 'insert into device_pin (office_id, pin, employee_id) values (?, ?, ?) on conflict do nothing', [office.id, pin, employee.employeeId]);
  });
  return office.id;
}

export async function placeEmployee(em: Em, viewer: Viewer, employeeId: string, officeId: string): Promise<string> {
  const office = await officeForAdmin(em, viewer, officeId);
  const [employee] = await findEmployees(em, [employeeId]);
  if (employee === undefined) throw notFound(`Pegawai ${employeeId} tidak ditemukan`, 'employee_not_found');
  assertAdminOf(viewer, employee.regionCode);
  await em.transactional(async (tx) => {
    await run(tx, 'insert into employee_office (employee_id, office_id) values (?, ?) on conflict (employee_id) do update set office_id = excluded.office_id', [employeeId, office.id]);
  });
  return office.id;
}

/** Longest span recomputed at once when a schedule changes in the past (the open months). */
const RECOMPUTE_HORIZON_DAYS = 62;

export async function assignWorkSchedule(
  em: Em,
  viewer: Viewer,
  input: { employeeId: string; scheduleId: string; effectiveFrom: string; effectiveTo?: string | null },
  now: Date,
): Promise<void> {
  const [employee] = await findEmployees(em, [input.employeeId]);
  if (employee === undefined) throw notFound(`Pegawai ${input.employeeId} tidak ditemukan`, 'employee_not_found');
  assertAdminOf(viewer, employee.regionCode);
  const effectiveTo = input.effectiveTo ?? null;
  if (!isValidDate(input.effectiveFrom) || (effectiveTo !== null && (!isValidDate(effectiveTo) || effectiveTo < input.effectiveFrom))) {
    throw badUserInput('Tanggal berlaku harus YYYY-MM-DD dan tanggal selesai tidak sebelum tanggal mulai', 'invalid_date_range');
  }
  await em.transactional(async (tx) => {
    const [schedule] = await queryRows<{ id: string }>(tx, 'select id from schedule where id = ?', [input.scheduleId]);
    if (schedule === undefined) throw badUserInput(`Jadwal ${input.scheduleId} tidak dikenal`, 'schedule_not_found', { field: 'scheduleId' });
    await run(tx, 'insert into schedule_assignment (id, employee_id, schedule_id, effective_from, effective_to, assigned_by) values (?, ?, ?, ?, ?, ?)', [
      randomUUID(),
      employee.employeeId,
      schedule.id,
      input.effectiveFrom,
      effectiveTo,
      viewer.username,
    ]);
    // Days already computed inside the new span change with it; later days are computed when they come.
    const rows = await queryRows<{ date: string }>(
      tx,
      'select date::text as date from day_status where employee_id = ? and date >= ? and date >= ? and (?::date is null or date <= ?::date)',
      [employee.employeeId, input.effectiveFrom, addDays(now.toISOString().slice(0, 10), -RECOMPUTE_HORIZON_DAYS), effectiveTo, effectiveTo],
    );
    const keys = rows.map((row) => ({ employeeId: employee.employeeId, date: row.date }));
    await recomputeDays(tx, keys, now);
  });
}
