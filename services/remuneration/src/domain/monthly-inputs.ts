// The monthly run's inputs for one employee, assembled from the read models exactly as tppPreview
// assembles the simulation's (issue 12: the same pure rules), and what makes a new statement version:
// a change in any input (rule version, predikat version, recap version, position, golongan, a Plt
// assignment or a disciplinary sanction).
import { monthStart } from './month.ts';
import { predikatForMonth, type FinalisedPredikat } from './predikat-for-month.ts';
import type { AttendanceMonth, StatementInputs } from './tpp-statement.ts';
import type { TppRule } from './tpp-rule.ts';

export interface EmployeeForTpp {
  employeeId: string;
  kelasJabatan: number | null;
  jenisJabatan: string | null;
  golongan: string | null;
}

/** A position the employee held from a day (TMT) on, from personnel.employee.v1. */
export interface PositionFrom {
  effectiveFrom: string;
  kelasJabatan: number | null;
  jenisJabatan: string | null;
}

export interface PltAssignmentInput {
  id: string;
  positionTitle: string;
  kelasJabatan: number;
  jenisJabatan: string | null;
  startDate: string;
  endDate: string;
  decisionReference: string;
}

export interface SanctionInput {
  id: string;
  code: string;
  fromMonth: string;
  decisionReference: string;
}

/** Everything beyond the employee's snapshot; all lists may be empty. */
export interface MonthlyExtras {
  positions: readonly PositionFrom[];
  plt: readonly PltAssignmentInput[];
  sanctions: readonly SanctionInput[];
}

export const noExtras: MonthlyExtras = { positions: [], plt: [], sanctions: [] };

/** DOMAIN.md "TPP": "the position held on the 15th decides the month". */
export const decisiveDay = (month: string): string => `${month}-15`;

/**
 * The position on the month's 15th: the latest history entry effective on or before that day. Without
 * one (no history yet, or only changes after the 15th of a first month) the employee's snapshot holds.
 */
export function positionForMonth(history: readonly PositionFrom[], month: string, snapshot: { kelasJabatan: number | null; jenisJabatan: string | null }): { kelasJabatan: number | null; jenisJabatan: string | null } {
  const day = decisiveDay(month);
  let held: PositionFrom | null = null;
  for (const entry of history) if (entry.effectiveFrom <= day && (held === null || entry.effectiveFrom > held.effectiveFrom)) held = entry;
  return held ?? snapshot;
}

/**
 * The Plt assignment that pays the month's supplement: the one in force on the 15th (the same day that
 * decides the month's own position, DOMAIN.md "TPP"); of two, the higher kelas jabatan.
 */
export function pltForMonth(assignments: readonly PltAssignmentInput[], month: string): PltAssignmentInput | null {
  const day = decisiveDay(month);
  let chosen: PltAssignmentInput | null = null;
  for (const a of assignments) {
    if (a.startDate <= day && day <= a.endDate && (chosen === null || a.kelasJabatan > chosen.kelasJabatan)) chosen = a;
  }
  return chosen;
}

export function monthlyInputs(
  rule: TppRule,
  month: string,
  employee: EmployeeForTpp,
  ratings: readonly FinalisedPredikat[],
  recap: AttendanceMonth | null,
  extras: MonthlyExtras = noExtras,
): StatementInputs {
  const position = positionForMonth(extras.positions, month, employee);
  const plt = pltForMonth(extras.plt, month);
  return {
    month,
    position: { kelasJabatan: position.kelasJabatan ?? 0, jenisJabatan: position.jenisJabatan },
    golongan: employee.golongan,
    baseAmount: null,
    predikat: predikatForMonth(ratings, month, rule.data.predikatPeriod),
    attendance: recap,
    plt: plt ? { kelasJabatan: plt.kelasJabatan, jenisJabatan: plt.jenisJabatan, title: plt.positionTitle, reference: plt.decisionReference, id: plt.id } : null,
    // Only sanctions that began by the month's end can be in force; the domain checks their length.
    sanctions: extras.sanctions
      .filter((s) => monthStart(s.fromMonth) <= monthStart(month))
      .map((s) => ({ code: s.code, fromMonth: s.fromMonth, reference: s.decisionReference, id: s.id })),
  };
}

/** Identifies the inputs a statement came from; equal fingerprints mean a recomputation changes nothing. */
export function inputsFingerprint(ruleId: string, inputs: StatementInputs): string {
  const p = inputs.predikat;
  const parts = [
    ruleId,
    inputs.position.kelasJabatan,
    inputs.position.jenisJabatan ?? '',
    inputs.golongan ?? '',
    p ? `${p.year}/${p.period}/${p.predikat}/v${p.version}` : 'no-rating',
    inputs.attendance?.version != null ? `recap-v${inputs.attendance.version}` : 'no-recap',
  ];
  // Tagged and only when present, so statements of employees without them keep their fingerprint.
  const plt = inputs.plt;
  if (plt) parts.push(`plt=${plt.id ?? ''}/${plt.kelasJabatan}`);
  const sanctions = inputs.sanctions ?? [];
  if (sanctions.length > 0) parts.push(`sanksi=${sanctions.map((s) => s.id ?? s.code).sort().join(',')}`);
  return parts.join('|');
}

const tagged = (fingerprint: string, tag: string): string | undefined => fingerprint.split('|').find((part) => part.startsWith(`${tag}=`));

/** Why a new version exists, in words for the history (Bahasa Indonesia). */
export function versionReason(previous: string | null, next: string): string {
  if (previous === null) return 'Perhitungan pertama';
  const [pr, pk, pj, pg, pp, pa] = previous.split('|');
  const [nr, nk, nj, ng, np, na] = next.split('|');
  const reasons: string[] = [];
  if (pr !== nr) reasons.push('aturan TPP berubah');
  if (pk !== nk || pj !== nj) reasons.push('jabatan berubah');
  if (pg !== ng) reasons.push('golongan berubah');
  if (pp !== np) reasons.push(np === 'no-rating' ? 'predikat ditarik' : `predikat baru (${np})`);
  if (pa !== na) reasons.push(`rekap kehadiran baru (${na})`);
  if (tagged(previous, 'plt') !== tagged(next, 'plt')) reasons.push('penugasan Plt berubah');
  if (tagged(previous, 'sanksi') !== tagged(next, 'sanksi')) reasons.push('sanksi disiplin berubah');
  return reasons.length > 0 ? `Dihitung ulang: ${reasons.join(', ')}` : 'Dihitung ulang';
}
