// Absence requests (DOMAIN.md "Attendance and discipline"; PP 11/2017 leave types, izin, dinas luar,
// tugas belajar): filed by the employee, decided by the direct supervisor; pending requests expire after
// a configurable number of days; approval recomputes the days it covers (and revises a closed month).
import { randomUUID } from 'node:crypto';
import { hasRole, type Viewer } from '@kinerja/kit/auth';
import { viewerCovers } from '@kinerja/kit/scoping';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { absenceRequestRefusal, absenceStateOn, expiresOn, isAbsenceType, type AbsencePeriod, type AbsenceState, type AbsenceType } from '../domain/absence.ts';
import { positionProblem } from '../domain/geofence.ts';
import { monthOf } from '../domain/month.ts';
import { addDays, localDateOf } from '../domain/office-time.ts';
import { findEmployeePlaces } from '../repositories/day-inputs.ts';
import { queryRows, run, type Em } from '../repositories/sql.ts';
import { reviseClosedMonth } from './month-close.ts';
import { recomputeDays } from './recompute-days.ts';
import { adminRoles, viewerEmployee } from './scope.ts';

export interface AbsenceSettings {
  /** Days after filing a pending request expires (one regency: 3). */
  expiryDays: number;
}

export interface RequestAbsenceInput {
  type: string;
  from: string;
  to: string;
  reason: string;
  documentRef?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

interface AbsenceSqlRow {
  id: string;
  employee_id: string;
  type: AbsenceType;
  from_date: string;
  to_date: string;
  state: AbsenceState;
  expires_on: string;
}

const absenceColumns = 'id, employee_id, type, from_date::text as from_date, to_date::text as to_date, state, expires_on::text as expires_on';

async function localToday(em: Em, employeeId: string, now: Date): Promise<string> {
  const place = (await findEmployeePlaces(em, [employeeId])).get(employeeId);
  return localDateOf(now, place?.timeZone ?? 'Asia/Jakarta');
}

export async function requestAbsence(em: Em, viewer: Viewer, input: RequestAbsenceInput, settings: AbsenceSettings, now: Date): Promise<string> {
  const employee = await viewerEmployee(em, viewer);
  if (employee === null) throw forbidden('Pengajuan hanya untuk pegawai dengan NIP yang terdaftar', 'not_an_employee');
  if (!isAbsenceType(input.type)) throw badUserInput(`Jenis ketidakhadiran ${input.type} tidak dikenal`, 'invalid_absence_type', { field: 'type' });
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000) throw badUserInput('Alasan harus 3–1000 karakter', 'invalid_reason', { field: 'reason' });
  const documentRef = input.documentRef?.trim() || null;
  if (documentRef !== null && documentRef.length > 500) throw badUserInput('Rujukan dokumen paling panjang 500 karakter', 'invalid_document_ref', { field: 'documentRef' });
  const hasLocation = input.latitude != null || input.longitude != null;
  if (hasLocation) {
    if (input.type !== 'DINAS_LUAR') throw badUserInput('Lokasi hanya untuk dinas luar', 'location_not_allowed');
    const problem = positionProblem({ latitude: input.latitude ?? Number.NaN, longitude: input.longitude ?? Number.NaN }, 1);
    if (problem !== null) throw badUserInput(problem, 'invalid_position');
  }
  if (employee.supervisorId === null) throw conflict('Anda belum memiliki atasan langsung yang dapat menyetujui', 'no_supervisor');
  const today = await localToday(em, employee.employeeId, now);
  return em.transactional(async (tx) => {
    // Serialises requests of one employee so two overlapping requests cannot both pass the check.
    await queryRows(tx, 'select employee_id from employee where employee_id = ? for update', [employee.employeeId]);
    const rows = await queryRows<AbsenceSqlRow>(tx, `select ${absenceColumns} from absence_request where employee_id = ? and to_date >= ? and from_date <= ?`, [
      employee.employeeId,
      input.from,
      input.to,
    ]);
    const existing: AbsencePeriod[] = rows.map((row) => ({ id: row.id, type: row.type, from: row.from_date, to: row.to_date, state: absenceStateOn({ state: row.state, expiresOn: row.expires_on }, today) }));
    const refusal = absenceRequestRefusal({ type: input.type as AbsenceType, from: input.from, to: input.to }, existing);
    if (refusal !== null) {
      if (refusal.reason === 'absence_overlap') throw conflict(refusal.message, refusal.reason);
      throw badUserInput(refusal.message, refusal.reason);
    }
    const id = randomUUID();
    await run(
      tx,
      `insert into absence_request (id, employee_id, type, from_date, to_date, reason, document_ref, state, filed_on, expires_on, latitude, longitude)
       values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)`,
      [id, employee.employeeId, input.type, input.from, input.to, reason, documentRef, today, expiresOn(today, settings.expiryDays), input.latitude ?? null, input.longitude ?? null],
    );
    return id;
  });
}

/** Longest span whose days are recomputed on approval: the open months (later days compute when read). */
const RECOMPUTE_LIMIT_DAYS = 400;

/**
 * After an approval or the cancellation of an approved absence: recomputes its days up to today (later
 * days compute when read) and publishes the next recap version of each closed month among them.
 */
async function recomputeAbsenceDays(tx: Em, row: AbsenceSqlRow, today: string, reason: string, actor: string, now: Date): Promise<void> {
  const last = row.to_date < today ? row.to_date : today;
  const keys = [];
  for (let date = row.from_date; date <= last && keys.length < RECOMPUTE_LIMIT_DAYS; date = addDays(date, 1)) keys.push({ employeeId: row.employee_id, date });
  await recomputeDays(tx, keys, now);
  for (const month of new Set(keys.map((key) => monthOf(key.date)))) await reviseClosedMonth(tx, row.employee_id, month, reason, actor, now);
}

export async function decideAbsence(em: Em, viewer: Viewer, id: string, approve: boolean, note: string | null, now: Date): Promise<string> {
  const self = await viewerEmployee(em, viewer);
  return em.transactional(async (tx) => {
    const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await queryRows<AbsenceSqlRow>(tx, `select ${absenceColumns} from absence_request where id = ? for update`, [id]) : [];
    if (row === undefined) throw notFound(`Pengajuan ${id} tidak ditemukan`, 'absence_not_found');
    const [owner] = await queryRows<{ supervisor_id: string | null }>(tx, 'select supervisor_id from employee where employee_id = ?', [row.employee_id]);
    if (self === null || owner?.supervisor_id !== self.employeeId) {
      throw forbidden('Hanya atasan langsung pegawai yang dapat memutuskan pengajuan ini', 'not_direct_supervisor');
    }
    const today = await localToday(tx, row.employee_id, now);
    const state = absenceStateOn({ state: row.state, expiresOn: row.expires_on }, today);
    if (state === 'EXPIRED') throw conflict(`Pengajuan sudah kedaluwarsa pada ${row.expires_on}`, 'absence_expired');
    if (state !== 'PENDING') throw conflict(`Pengajuan sudah ${state}`, 'absence_already_decided');
    const decisionNote = note?.trim() || null;
    if (!approve && decisionNote === null) throw badUserInput('Penolakan harus disertai alasan', 'rejection_needs_note', { field: 'note' });
    await run(tx, 'update absence_request set state = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ?', [
      approve ? 'APPROVED' : 'REJECTED',
      self.employeeId,
      now.toISOString(),
      decisionNote,
      id,
    ]);
    if (approve) await recomputeAbsenceDays(tx, row, today, `Persetujuan ${row.type} ${row.from_date} s.d. ${row.to_date}`, viewer.username, now);
    return id;
  });
}


/**
 * Cancels a request: its requester while it is pending or, approved, before its first day; an
 * admin-kepegawaian of the employee's region a pending or approved one at any time. Cancelling an approved
 * absence whose days have begun recomputes them (a closed month gets its next recap version).
 */
export async function cancelAbsence(em: Em, viewer: Viewer, id: string, note: string | null, now: Date): Promise<string> {
  const self = await viewerEmployee(em, viewer);
  const cancellationNote = note?.trim() || null;
  if (cancellationNote !== null && cancellationNote.length > 1000) throw badUserInput('Catatan pembatalan paling panjang 1000 karakter', 'invalid_note', { field: 'note' });
  return em.transactional(async (tx) => {
    const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await queryRows<AbsenceSqlRow>(tx, `select ${absenceColumns} from absence_request where id = ? for update`, [id]) : [];
    if (row === undefined) throw notFound(`Pengajuan ${id} tidak ditemukan`, 'absence_not_found');
    const [owner] = await queryRows<{ region_code: string }>(tx, 'select region_code from employee where employee_id = ?', [row.employee_id]);
    const isRequester = self !== null && self.employeeId === row.employee_id;
    const isAdmin = hasRole(viewer, ...adminRoles) && owner !== undefined && viewerCovers(viewer, owner.region_code);
    if (!isRequester && !isAdmin) throw forbidden('Hanya pemohon atau admin kepegawaian wilayahnya yang dapat membatalkan pengajuan ini', 'not_requester_or_admin');
    const today = await localToday(tx, row.employee_id, now);
    const state = absenceStateOn({ state: row.state, expiresOn: row.expires_on }, today);
    if (state !== 'PENDING' && state !== 'APPROVED') throw conflict(`Pengajuan berstatus ${state} tidak dapat dibatalkan`, 'absence_not_cancellable');
    if (state === 'APPROVED' && !isAdmin && row.from_date <= today) {
      throw conflict(`Pengajuan yang disetujui hanya dapat dibatalkan pemohon sebelum ${row.from_date}; hubungi admin kepegawaian`, 'absence_already_started');
    }
    await run(tx, "update absence_request set state = 'CANCELLED', cancelled_by = ?, cancelled_at = ?, cancellation_note = ? where id = ?", [
      viewer.username,
      now.toISOString(),
      cancellationNote,
      id,
    ]);
    if (state === 'APPROVED' && row.from_date <= today) {
      await recomputeAbsenceDays(tx, row, today, `Pembatalan ${row.type} ${row.from_date} s.d. ${row.to_date}`, viewer.username, now);
    }
    return id;
  });
}
