// Corrections (moderasi) of a day's record (DOMAIN.md "Attendance and discipline": corrections need an
// admin's verification): the employee requests a missing check-in or check-out time with a reason; an
// admin-kepegawaian of the employee's region verifies it, which appends a capture (source CORRECTION,
// published like any capture) and recomputes the day; in a closed month it publishes the next recap
// version. Nothing changes a day before the admin step.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { captureTimeProblem } from '../domain/capture-time.ts';
import { monthOf } from '../domain/month.ts';
import { instantAt, isValidDate, parseClock } from '../domain/office-time.ts';
import { findEmployeePlaces } from '../repositories/day-inputs.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { queryRows, run, type Em } from '../repositories/sql.ts';
import { reviseClosedMonth } from './month-close.ts';
import { recordCaptures } from './record-captures.ts';
import { assertAdminOf, viewerEmployee } from './scope.ts';

export interface RequestCorrectionInput {
  date: string;
  kind: 'IN' | 'OUT' | 'UNKNOWN';
  time: string;
  reason: string;
  documentRef?: string | null;
}

function clockOrThrow(time: string): number {
  try {
    return parseClock(time);
  } catch {
    throw badUserInput('Jam harus berformat HH:MM', 'invalid_time', { field: 'time' });
  }
}

export async function requestCorrection(em: Em, viewer: Viewer, input: RequestCorrectionInput, now: Date): Promise<string> {
  const employee = await viewerEmployee(em, viewer);
  if (employee === null) throw forbidden('Koreksi hanya untuk pegawai dengan NIP yang terdaftar', 'not_an_employee');
  if (input.kind === 'UNKNOWN') throw badUserInput('Jenis koreksi harus IN atau OUT', 'invalid_kind', { field: 'kind' });
  if (!isValidDate(input.date)) throw badUserInput('Tanggal harus YYYY-MM-DD', 'invalid_date', { field: 'date' });
  const minutes = clockOrThrow(input.time);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000) throw badUserInput('Alasan harus 3–1000 karakter', 'invalid_reason', { field: 'reason' });
  const place = (await findEmployeePlaces(em, [employee.employeeId])).get(employee.employeeId);
  const problem = captureTimeProblem(instantAt(input.date, minutes, place?.timeZone ?? 'Asia/Jakarta'), now, { maxFutureMinutes: 0, maxPastDays: 62 });
  if (problem !== null) throw badUserInput(problem.message, problem.reason);
  const id = randomUUID();
  await em.transactional(async (tx) => {
    await run(tx, `insert into correction_request (id, employee_id, date, kind, local_time, reason, document_ref, state) values (?, ?, ?, ?, ?, ?, ?, 'PENDING')`, [
      id,
      employee.employeeId,
      input.date,
      input.kind,
      input.time,
      reason,
      input.documentRef?.trim() || null,
    ]);
  });
  return id;
}

export async function verifyCorrection(em: Em, viewer: Viewer, id: string, approve: boolean, note: string | null, now: Date): Promise<string> {
  return em.transactional(async (tx) => {
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await queryRows<{ employee_id: string; date: string; kind: 'IN' | 'OUT'; local_time: string; state: string }>(
          tx,
          'select employee_id, date::text as date, kind, local_time, state from correction_request where id = ? for update',
          [id],
        )
      : [];
    if (row === undefined) throw notFound(`Koreksi ${id} tidak ditemukan`, 'correction_not_found');
    const [employee] = await findEmployees(tx, [row.employee_id]);
    if (employee === undefined) throw notFound(`Pegawai ${row.employee_id} tidak ditemukan`, 'employee_not_found');
    assertAdminOf(viewer, employee.regionCode);
    if (viewer.nip !== null && viewer.nip === employee.nip) throw forbidden('Koreksi sendiri harus diverifikasi admin lain', 'self_verification');
    if (row.state !== 'PENDING') throw conflict(`Koreksi sudah ${row.state}`, 'correction_already_verified');
    const verificationNote = note?.trim() || null;
    if (!approve && verificationNote === null) throw badUserInput('Penolakan harus disertai alasan', 'rejection_needs_note', { field: 'note' });
    let captureId: string | null = null;
    if (approve) {
      const place = (await findEmployeePlaces(tx, [employee.employeeId])).get(employee.employeeId);
      const at = instantAt(row.date, parseClock(row.local_time), place?.timeZone ?? 'Asia/Jakarta');
      const recorded = await recordCaptures(
        tx,
        [{ employeeId: employee.employeeId, capturedAt: at, source: 'CORRECTION', kind: row.kind, deviceSerial: null, officeId: place?.officeId ?? null, latitude: null, longitude: null, accuracyMeters: null, clientTime: null }],
        now,
      );
      captureId = recorded.inserted[0]?.id ?? null;
      await reviseClosedMonth(tx, employee.employeeId, monthOf(row.date), `Koreksi ${row.kind} ${row.date} ${row.local_time}: ${verificationNote ?? 'diverifikasi'}`, viewer.username, now);
    }
    await run(tx, 'update correction_request set state = ?, verified_by = ?, verified_at = ?, verification_note = ?, capture_id = ? where id = ?', [
      approve ? 'VERIFIED' : 'REJECTED',
      viewer.username,
      now.toISOString(),
      verificationNote,
      captureId,
      id,
    ]);
    return id;
  });
}
