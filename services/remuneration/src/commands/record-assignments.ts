// recordPltAssignment / recordDisciplinarySanction (issue 12 "Rules" exceptions; DOMAIN.md "TPP": "a Plt
// receives a share (e.g. 20%) of the Plt position's TPP"; "disciplinary sanctions (Permentan 68/2012:
// ringan 20/30/40% for 1/2/3 months …)"). Personnel's events carry no Plt assignments or sanctions, so the
// instansi's admin records them here as data with dates and the decision's reference: validate → one
// transaction (the record, the affected open statements marked stale). Nothing is written when refused.
import { randomUUID } from 'node:crypto';
import { badUserInput, conflict, notFound, type Viewer } from '@kinerja/kit';
import { isIsoDate } from '@kinerja/kit/dates';
import type { EntityManager } from '@kinerja/kit/db';
import { isJenisJabatan } from '@kinerja/kit/vocabulary';
import { addMonths, isMonth, monthOfDay } from '../domain/month.ts';
import type { PltAssignmentInput, SanctionInput } from '../domain/monthly-inputs.ts';
import { markStale } from '../events/stale-statements.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { findLockedMonths, ruleFor } from '../repositories/rule-rows.ts';
import { assertInstansiAdmin } from '../resolvers/scope.ts';

/** What the admin records: the run's Plt input (domain) without its id, for an employee. */
export type PltAssignmentCommand = Omit<PltAssignmentInput, 'id'> & { employeeId: string };

export interface PltAssignmentRow extends PltAssignmentCommand {
  id: string;
  instansiId: string;
  recordedBy: string;
  recordedAt: string;
}

export type SanctionCommand = Omit<SanctionInput, 'id'> & { employeeId: string };

export interface SanctionRow extends SanctionCommand {
  id: string;
  instansiId: string;
  label: string;
  reductionBp: number;
  months: number;
  untilMonth: string;
  recordedBy: string;
  recordedAt: string;
}

function decisionReference(value: string): string {
  const reference = value.trim();
  if (reference === '' || reference.length > 200) throw badUserInput('Nomor surat keputusan wajib diisi (paling banyak 200 karakter)', 'invalid_decision_reference');
  return reference;
}

/** The employee's instansi, with the viewer an admin of it. */
async function employeeInstansi(em: EntityManager, viewer: Viewer, employeeId: string): Promise<string> {
  const [employee] = await findEmployees(em, [employeeId]);
  if (!employee?.instansiId) throw notFound(`Pegawai ${employeeId} belum dikenal (belum ada datanya dari layanan kepegawaian)`, 'unknown_employee');
  await assertInstansiAdmin(em, viewer, employee.instansiId);
  return employee.instansiId;
}

async function refuseLockedMonths(em: EntityManager, instansiId: string, from: string, until: string): Promise<void> {
  const locked = await findLockedMonths(em, instansiId, from, until);
  if (locked.length > 0) throw conflict(`Bulan ${locked.join(', ')} sudah dikunci; buka kunci dengan alasan sebelum mencatat perubahan yang memengaruhinya`, 'month_locked');
}

export async function recordPltAssignment(em: EntityManager, viewer: Viewer, command: PltAssignmentCommand): Promise<PltAssignmentRow> {
  const positionTitle = command.positionTitle.trim();
  if (positionTitle === '' || positionTitle.length > 200) throw badUserInput('Nama jabatan Plt wajib diisi (paling banyak 200 karakter)', 'invalid_position_title');
  if (!Number.isInteger(command.kelasJabatan) || command.kelasJabatan < 1 || command.kelasJabatan > 17) throw badUserInput('Kelas jabatan Plt harus 1–17', 'invalid_kelas_jabatan');
  if (command.jenisJabatan !== null && !isJenisJabatan(command.jenisJabatan)) throw badUserInput(`Jenis jabatan ${command.jenisJabatan} tidak dikenal`, 'invalid_jenis_jabatan');
  for (const [name, day] of [['startDate', command.startDate], ['endDate', command.endDate]] as const) {
    if (!isIsoDate(day)) throw badUserInput(`${name} ${day} tidak valid; gunakan YYYY-MM-DD`, 'invalid_date');
  }
  if (command.endDate < command.startDate) throw badUserInput('Tanggal selesai Plt tidak boleh sebelum tanggal mulai', 'invalid_date_range');
  const reference = decisionReference(command.decisionReference);
  const instansiId = await employeeInstansi(em, viewer, command.employeeId);

  const id = randomUUID();
  const recordedAt = new Date();
  await em.transactional(async (tx) => {
    // One writer per employee at a time, so two admins cannot both pass the overlap check.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('plt_assignment:' || ?::text))`, [command.employeeId]);
    const [overlap] = await tx.execute<{ start_date: string; end_date: string; decision_reference: string }[]>(
      `select "start_date", "end_date", "decision_reference" from "plt_assignment" where "employee_id" = ? and "start_date" <= ? and "end_date" >= ? limit 1`,
      [command.employeeId, command.endDate, command.startDate],
    );
    if (overlap) throw conflict(`Penugasan Plt bertumpang tindih dengan ${overlap.decision_reference} (${overlap.start_date} s.d. ${overlap.end_date})`, 'overlapping_plt');
    await refuseLockedMonths(tx, instansiId, monthOfDay(command.startDate), monthOfDay(command.endDate));
    await tx.execute(
      `insert into "plt_assignment" ("id", "employee_id", "instansi_id", "position_title", "kelas_jabatan", "jenis_jabatan", "start_date", "end_date", "decision_reference", "recorded_by", "recorded_at")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, command.employeeId, instansiId, positionTitle, command.kelasJabatan, command.jenisJabatan, command.startDate, command.endDate, reference, viewer.username, recordedAt],
    );
    await markStale(tx, command.employeeId, monthOfDay(command.startDate), monthOfDay(command.endDate));
  });
  return { ...command, positionTitle, decisionReference: reference, id, instansiId, recordedBy: viewer.username, recordedAt: recordedAt.toISOString() };
}

export async function recordDisciplinarySanction(em: EntityManager, viewer: Viewer, command: SanctionCommand): Promise<SanctionRow> {
  if (!isMonth(command.fromMonth)) throw badUserInput(`Bulan ${command.fromMonth} tidak valid; gunakan YYYY-MM`, 'invalid_month');
  const reference = decisionReference(command.decisionReference);
  const instansiId = await employeeInstansi(em, viewer, command.employeeId);
  // The percentage and the number of months are the rule's (data per instansi and effective month).
  const rule = await ruleFor(em, instansiId, command.fromMonth);
  const kind = rule?.data.exceptions.sanctions.find((s) => s.code === command.code);
  if (!rule || !kind) throw badUserInput(`Kode sanksi ${command.code} tidak ada dalam aturan TPP yang berlaku ${command.fromMonth}`, 'unknown_sanction');
  const untilMonth = addMonths(command.fromMonth, kind.months - 1);

  const id = randomUUID();
  const recordedAt = new Date();
  await em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('disciplinary_sanction:' || ?::text))`, [command.employeeId]);
    const [same] = await tx.execute(`select 1 from "disciplinary_sanction" where "employee_id" = ? and "code" = ? and "from_month" = ?`, [command.employeeId, command.code, command.fromMonth]);
    if (same) throw conflict(`Sanksi ${command.code} mulai ${command.fromMonth} sudah tercatat untuk pegawai ini`, 'duplicate_sanction');
    await refuseLockedMonths(tx, instansiId, command.fromMonth, untilMonth);
    await tx.execute(
      `insert into "disciplinary_sanction" ("id", "employee_id", "instansi_id", "code", "from_month", "decision_reference", "recorded_by", "recorded_at") values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, command.employeeId, instansiId, command.code, command.fromMonth, reference, viewer.username, recordedAt],
    );
    await markStale(tx, command.employeeId, command.fromMonth, untilMonth);
  });
  return {
    ...command, decisionReference: reference, id, instansiId, label: kind.label, reductionBp: kind.reductionBp, months: kind.months, untilMonth,
    recordedBy: viewer.username, recordedAt: recordedAt.toISOString(),
  };
}
