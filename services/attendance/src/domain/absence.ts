// Absences (DOMAIN.md "Attendance and discipline"; leave types of PP 11/2017): requested by the employee,
// approved by the direct supervisor; pending requests expire after a configurable number of days (one
// regency: rejected after 3 days); a request may not overlap another pending or approved one.
import { addDays, isValidDate, localDateOf, parseDate } from './office-time.ts';

export const ABSENCE_TYPES = [
  'CUTI_TAHUNAN',
  'CUTI_BESAR',
  'CUTI_SAKIT',
  'CUTI_MELAHIRKAN',
  'CUTI_ALASAN_PENTING',
  'CLTN',
  'SAKIT',
  'IZIN',
  'DINAS_LUAR',
  'TUGAS_BELAJAR',
] as const;
export type AbsenceType = (typeof ABSENCE_TYPES)[number];

export type AbsenceState = 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'CANCELLED';

/** The day status an approved absence gives. Cuti besar and CLTN keep their own codes: TPP rules treat them apart. */
export const statusOfAbsence: Record<AbsenceType, 'CUTI' | 'CUTI_BESAR' | 'CLTN' | 'SAKIT' | 'IZIN' | 'DINAS_LUAR' | 'TUGAS_BELAJAR'> = {
  CUTI_TAHUNAN: 'CUTI',
  CUTI_BESAR: 'CUTI_BESAR',
  CUTI_SAKIT: 'SAKIT',
  CUTI_MELAHIRKAN: 'CUTI',
  CUTI_ALASAN_PENTING: 'CUTI',
  CLTN: 'CLTN',
  SAKIT: 'SAKIT',
  IZIN: 'IZIN',
  DINAS_LUAR: 'DINAS_LUAR',
  TUGAS_BELAJAR: 'TUGAS_BELAJAR',
};

export function isAbsenceType(value: string): value is AbsenceType {
  return (ABSENCE_TYPES as readonly string[]).includes(value);
}

export interface AbsencePeriod {
  readonly id: string;
  readonly type: AbsenceType;
  readonly from: string;
  readonly to: string;
  readonly state: AbsenceState;
}

/** Longest single request per type, in calendar days (PP 11/2017: cuti besar ≤ 3 months, melahirkan ≤ 3 months, CLTN ≤ 3 years). */
export const maxDaysOf: Record<AbsenceType, number> = {
  CUTI_TAHUNAN: 24,
  CUTI_BESAR: 92,
  CUTI_SAKIT: 365,
  CUTI_MELAHIRKAN: 92,
  CUTI_ALASAN_PENTING: 31,
  CLTN: 3 * 366,
  SAKIT: 14,
  IZIN: 3,
  DINAS_LUAR: 31,
  TUGAS_BELAJAR: 5 * 366,
};

export type AbsenceRefusal =
  | { reason: 'invalid_date_range'; message: string }
  | { reason: 'absence_too_long'; message: string }
  | { reason: 'absence_overlap'; message: string; overlapping: string };

/** Why a new request cannot be filed (null = it can): dates, length, overlap with a live request. */
export function absenceRequestRefusal(request: { type: AbsenceType; from: string; to: string }, existing: readonly AbsencePeriod[]): AbsenceRefusal | null {
  if (!isValidDate(request.from) || !isValidDate(request.to) || request.from > request.to) {
    return { reason: 'invalid_date_range', message: 'Tanggal mulai dan selesai harus tanggal yang valid (YYYY-MM-DD) dan mulai tidak setelah selesai' };
  }
  const days = daysInclusive(request.from, request.to);
  if (days > maxDaysOf[request.type]) {
    return { reason: 'absence_too_long', message: `${request.type} paling lama ${maxDaysOf[request.type]} hari per pengajuan (diajukan ${days} hari)` };
  }
  const overlapping = existing.find((other) => (other.state === 'PENDING' || other.state === 'APPROVED') && other.from <= request.to && request.from <= other.to);
  if (overlapping !== undefined) {
    return {
      reason: 'absence_overlap',
      message: `Tanggal ${request.from} s.d. ${request.to} bertumpuk dengan pengajuan ${overlapping.type} ${overlapping.from} s.d. ${overlapping.to}`,
      overlapping: overlapping.id,
    };
  }
  return null;
}

export function daysInclusive(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / 86_400_000) + 1;
}

/** A pending request expires `expiryDays` after it was filed (office-local dates). */
export function expiresOn(filedOn: string, expiryDays: number): string {
  return addDays(filedOn, expiryDays);
}

export function isExpired(filedOn: string, expiryDays: number, today: string): boolean {
  return today >= expiresOn(filedOn, expiryDays);
}

/**
 * The state a request is in on `today` (the employee's own calendar date): a PENDING request whose expiry
 * date has come is EXPIRED before anything rewrites its row.
 */
export function absenceStateOn(row: { state: AbsenceState; expiresOn: string }, today: string): AbsenceState {
  return row.state === 'PENDING' && today >= row.expiresOn ? 'EXPIRED' : row.state;
}

/**
 * The state a reader is shown at `now`, on the employee's calendar (their office's time zone), as the
 * commands decide it. UTC's date would be a day behind in Indonesia from 17:00 UTC (WIB midnight) on.
 */
export function shownAbsenceState(row: { state: AbsenceState; expiresOn: string; timeZone: string }, now: Date): AbsenceState {
  return absenceStateOn(row, localDateOf(now, row.timeZone));
}

/** The approved absence covering a date, if any (approved requests never overlap). */
export function approvedAbsenceOn<T extends AbsencePeriod>(absences: readonly T[], date: string): T | null {
  return absences.find((absence) => absence.state === 'APPROVED' && absence.from <= date && date <= absence.to) ?? null;
}
