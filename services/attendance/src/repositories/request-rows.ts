// Absence and correction requests as the API shows them, recaps by version.
import type { AbsenceState, AbsenceType } from '../domain/absence.ts';
import type { CodeCount } from '../domain/recap.ts';
import type { SqlFragment } from '@kinerja/kit/scoping';
import { DEFAULT_TIME_ZONE } from './day-inputs.ts';
import { inList, isoInstant, queryRows, type Em } from './sql.ts';

export interface AbsenceRow {
  id: string;
  employeeId: string;
  type: AbsenceType;
  from: string;
  to: string;
  reason: string;
  documentRef: string | null;
  /** As stored: a PENDING row past expiresOn is shown EXPIRED by the resolver. */
  state: AbsenceState;
  filedOn: string;
  expiresOn: string;
  decidedBy: string | null;
  decisionNote: string | null;
  cancelledBy: string | null;
  cancellationNote: string | null;
  /** The employee's office time zone: expiry is a date there (as the commands decide it). */
  timeZone: string;
}

const absenceSelect = `select id, employee_id as "employeeId", type, from_date::text as "from", to_date::text as "to", reason, document_ref as "documentRef",
  state, filed_on::text as "filedOn", expires_on::text as "expiresOn", decided_by as "decidedBy", decision_note as "decisionNote",
  cancelled_by as "cancelledBy", cancellation_note as "cancellationNote",
  coalesce((select o.time_zone from employee_office eo join office o on o.id = eo.office_id where eo.employee_id = absence_request.employee_id limit 1),
    '${DEFAULT_TIME_ZONE}') as "timeZone"
  from absence_request`;

export async function findAbsence(em: Em, id: string): Promise<AbsenceRow | null> {
  const [row] = await queryRows<AbsenceRow>(em, `${absenceSelect} where id = ?`, [id]);
  return row ?? null;
}

/** The requests of several employees overlapping [from, to], in one statement. */
export async function findAbsencesOfEmployees(em: Em, employeeIds: readonly string[], from: string, to: string): Promise<AbsenceRow[]> {
  if (employeeIds.length === 0) return [];
  return queryRows<AbsenceRow>(em, `${absenceSelect} where employee_id in (?) and to_date >= ? and from_date <= ? order by from_date, id`, [inList(employeeIds), from, to]);
}

/** Pending requests of the direct subordinates of `supervisorId` (expired ones included: the caller filters). */
export async function findPendingAbsencesForSupervisor(em: Em, supervisorId: string): Promise<AbsenceRow[]> {
  return queryRows<AbsenceRow>(
    em,
    `${absenceSelect} where state = 'PENDING' and employee_id in (select employee_id from employee where supervisor_id = ?) order by filed_at, id limit 500`,
    [supervisorId],
  );
}

export interface CorrectionRow {
  id: string;
  employeeId: string;
  date: string;
  kind: 'IN' | 'OUT';
  time: string;
  reason: string;
  documentRef: string | null;
  state: 'PENDING' | 'VERIFIED' | 'REJECTED';
  verifiedBy: string | null;
  verificationNote: string | null;
}

const correctionSelect = `select c.id, c.employee_id as "employeeId", c.date::text as "date", c.kind, c.local_time as "time", c.reason, c.document_ref as "documentRef",
  c.state, c.verified_by as "verifiedBy", c.verification_note as "verificationNote" from correction_request c`;

export async function findCorrection(em: Em, id: string): Promise<CorrectionRow | null> {
  const [row] = await queryRows<CorrectionRow>(em, `${correctionSelect} where c.id = ?`, [id]);
  return row ?? null;
}

/** Pending corrections of employees whose region matches the SQL filter given. */
export async function findPendingCorrections(em: Em, regionFilter: SqlFragment): Promise<CorrectionRow[]> {
  return queryRows<CorrectionRow>(
    em,
    `${correctionSelect} join employee e on e.employee_id = c.employee_id where c.state = 'PENDING' and ${regionFilter.sql} order by c.requested_at, c.id limit 500`,
    regionFilter.params,
  );
}

export interface RecapRow {
  month: string;
  version: number;
  counts: CodeCount[];
  reason: string;
  closedAt: string;
}

/** Every version of the month's recap of several employees, in one statement. */
export async function findRecapsOfEmployees(em: Em, employeeIds: readonly string[], month: string): Promise<(RecapRow & { employeeId: string })[]> {
  if (employeeIds.length === 0) return [];
  const rows = await queryRows<{ employee_id: string; month: string; version: number; counts: CodeCount[]; reason: string; closed_at: string | Date }>(
    em,
    'select employee_id, month, version, counts, reason, closed_at from attendance_recap where employee_id in (?) and month = ? order by employee_id, version',
    [inList(employeeIds), month],
  );
  return rows.map((row) => ({ employeeId: row.employee_id, month: row.month, version: row.version, counts: row.counts, reason: row.reason, closedAt: isoInstant(row.closed_at) }));
}
