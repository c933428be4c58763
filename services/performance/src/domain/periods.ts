// Evaluation periods (PermenPANRB 6/2022: periodic evaluation during the year and the annual evaluation;
// DOMAIN.md "Periods"): each has a code, start, end and entry deadline; default four quarters plus the
// annual evaluation, configurable per instansi (monthly, or a single final period). A period locks after its
// deadline; an admin may unlock it until a date (recorded). Dates are calendar dates in WIB (UTC+7), the
// reference time of the national systems.
import type { Versioned } from './configuration-in-force.ts';

export const periodSchemeKinds = ['QUARTERLY', 'MONTHLY', 'SINGLE'] as const;
export type PeriodSchemeKind = (typeof periodSchemeKinds)[number];

export interface PeriodScheme extends Versioned {
  readonly kind: PeriodSchemeKind;
  /** Days after a periodic period's end until its entry deadline (inclusive). */
  readonly deadlineDays: number;
  /** Days after 31 December until the annual evaluation's deadline (inclusive). */
  readonly annualDeadlineDays: number;
}

export const defaultPeriodScheme: PeriodScheme = { instansiId: null, effectiveFrom: '2022-01-01', kind: 'QUARTERLY', deadlineDays: 15, annualDeadlineDays: 31 };

export const ANNUAL_PERIOD = 'ANNUAL';

export interface EvaluationPeriod {
  /** Q1…Q4, M01…M12, FINAL or ANNUAL (the codes of PredikatFinalised.period). */
  readonly code: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly deadline: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const monthNames = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const quarterNames = ['I', 'II', 'III', 'IV'];

/** The periods of a year under a scheme, periodic first, the annual evaluation last. */
export function periodsOfYear(scheme: PeriodScheme, year: number): EvaluationPeriod[] {
  const periodic: EvaluationPeriod[] = [];
  const push = (code: string, name: string, start: string, end: string) => periodic.push({ code, name, start, end, deadline: addDays(end, scheme.deadlineDays) });
  if (scheme.kind === 'QUARTERLY') {
    for (let q = 0; q < 4; q++) push(`Q${q + 1}`, `Triwulan ${quarterNames[q]} ${year}`, `${year}-${pad(q * 3 + 1)}-01`, lastDayOfMonth(year, q * 3 + 3));
  } else if (scheme.kind === 'MONTHLY') {
    for (let m = 1; m <= 12; m++) push(`M${pad(m)}`, `${monthNames[m - 1]} ${year}`, `${year}-${pad(m)}-01`, lastDayOfMonth(year, m));
  } else {
    push('FINAL', `Periode akhir ${year}`, `${year}-01-01`, `${year}-12-31`);
  }
  const annual: EvaluationPeriod = { code: ANNUAL_PERIOD, name: `Evaluasi tahunan ${year}`, start: `${year}-01-01`, end: `${year}-12-31`, deadline: addDays(`${year}-12-31`, scheme.annualDeadlineDays) };
  return [...periodic, annual];
}

export function findPeriod(periods: readonly EvaluationPeriod[], code: string): EvaluationPeriod | null {
  return periods.find((p) => p.code === code) ?? null;
}

/** Today's date in WIB. */
export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export type PeriodState = 'NOT_STARTED' | 'OPEN' | 'LOCKED';

/**
 * OPEN from the start through the deadline, or while an admin's unlock runs (`unlockedUntil`, inclusive);
 * LOCKED after; NOT_STARTED before the start (no realisation or rating for a period that has not begun).
 */
export function periodState(period: EvaluationPeriod, today: string, unlockedUntil: string | null = null): PeriodState {
  if (today < period.start) return 'NOT_STARTED';
  if (today <= period.deadline) return 'OPEN';
  return unlockedUntil !== null && today <= unlockedUntil ? 'OPEN' : 'LOCKED';
}

export function validatePeriodScheme(scheme: { kind: string; deadlineDays: number; annualDeadlineDays: number }): string[] {
  const problems: string[] = [];
  if (!(periodSchemeKinds as readonly string[]).includes(scheme.kind)) problems.push('Jenis periode harus QUARTERLY, MONTHLY atau SINGLE');
  for (const [name, days] of [['Batas pengisian periode', scheme.deadlineDays], ['Batas pengisian tahunan', scheme.annualDeadlineDays]] as const) {
    if (!Number.isInteger(days) || days < 0 || days > 90) problems.push(`${name} harus 0–90 hari setelah akhir periode`);
  }
  return problems;
}

/** The number of whole months a period covers (for angka kredit of a partial year). */
export function monthsCovered(start: string, end: string): number {
  const [sy, sm] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const [ey, em] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  return (ey - sy) * 12 + (em - sm) + 1;
}
