// One status per working day per employee (DOMAIN.md "Attendance and discipline"): from the schedule,
// the calendar, the day's captures and approved absences. First capture of the day is in, last is out;
// TL/PSW bands from the band table (4 = > 90 minutes or no check-in/out by default).
import { statusOfAbsence, type AbsencePeriod } from './absence.ts';
import { bandOf, type BandTable } from './bands.ts';
import type { CalendarDay } from './calendar.ts';
import { DAY_MINUTES, formatClock, instantAt, minutesBetween } from './office-time.ts';
import type { ShiftWindow } from './schedule.ts';

export const DAY_STATUSES = [
  'HADIR',
  'TL1',
  'TL2',
  'TL3',
  'TL4',
  'PSW1',
  'PSW2',
  'PSW3',
  'PSW4',
  'TK',
  'CUTI',
  'CUTI_BESAR',
  'CLTN',
  'SAKIT',
  'IZIN',
  'DINAS_LUAR',
  'TUGAS_BELAJAR',
  'LIBUR',
  // Today before the shift is over with no check-in yet: not decided, not counted in a recap.
  'BELUM_PRESENSI',
] as const;
export type DayStatusCode = (typeof DAY_STATUSES)[number];

export type CaptureKind = 'IN' | 'OUT' | 'UNKNOWN';

export interface DayCapture {
  readonly at: Date;
  readonly kind: CaptureKind;
}

export interface DayInput {
  readonly date: string;
  readonly zone: string;
  /** The schedule's hours that day; null = not a working day under the schedule (or no schedule). */
  readonly shift: ShiftWindow | null;
  readonly worksOnHolidays: boolean;
  readonly holiday: CalendarDay | null;
  /** The approved absence covering the date, if any. */
  readonly absence: AbsencePeriod | null;
  /** Captures inside the day's window (captureWindowOf), in any order. */
  readonly captures: readonly DayCapture[];
  readonly bands: BandTable;
  /** The evaluation instant: a day whose shift has not ended yet is provisional. */
  readonly now: Date;
}

export interface DayResult {
  /** The day's one status: TLn before PSWn when both apply. */
  readonly status: DayStatusCode;
  /** Every code the day carries (each once): TL2 and PSW1 on the same day are two codes. */
  readonly codes: readonly DayStatusCode[];
  readonly lateMinutes: number;
  readonly earlyMinutes: number;
  readonly firstIn: Date | null;
  readonly lastOut: Date | null;
  /** Why, in Bahasa Indonesia, for the employee's calendar. */
  readonly reason: string;
  /** The shift is not over yet: the status may still change. */
  readonly provisional: boolean;
}

const LEAD_MINUTES = 4 * 60;
const TRAIL_MINUTES = 6 * 60;

/**
 * The instants whose captures belong to a date: the office's calendar day for a day shift; for a night
 * shift crossing midnight, from 4 h before its start to 6 h after its end (so the morning check-out counts
 * for the night it ends). A day after a night shift starts where that night's window ends.
 */
export function captureWindowOf(date: string, shift: ShiftWindow | null, previousShift: ShiftWindow | null, zone: string): { from: Date; to: Date } {
  let from = shift?.crossesMidnight ? shift.start - LEAD_MINUTES : 0;
  const to = shift?.crossesMidnight ? shift.end + TRAIL_MINUTES : DAY_MINUTES;
  if (previousShift?.crossesMidnight) from = Math.max(from, previousShift.end + TRAIL_MINUTES - DAY_MINUTES);
  return { from: instantAt(date, from, zone), to: instantAt(date, to, zone) };
}

const TL_CODES = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
const PSW_CODES = ['PSW1', 'PSW2', 'PSW3', 'PSW4'] as const;

function bandCode(codes: readonly DayStatusCode[], band: number): DayStatusCode {
  return codes[Math.min(band, codes.length) - 1] as DayStatusCode;
}

function single(status: DayStatusCode, reason: string, provisional = false): DayResult {
  return { status, codes: [status], lateMinutes: 0, earlyMinutes: 0, firstIn: null, lastOut: null, reason, provisional };
}

/** Splits the captures into in and out: first is in, last is out; a lone capture is in before mid-shift, out after (or as its kind says). */
function inAndOut(captures: readonly DayCapture[], midShift: Date): { firstIn: Date | null; lastOut: Date | null } {
  const sorted = [...captures].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return { firstIn: null, lastOut: null };
  if (sorted.length > 1) return { firstIn: first.at, lastOut: last.at };
  const isOut = first.kind === 'OUT' || (first.kind === 'UNKNOWN' && first.at.getTime() >= midShift.getTime());
  return isOut ? { firstIn: null, lastOut: first.at } : { firstIn: first.at, lastOut: null };
}

export function computeDayStatus(input: DayInput): DayResult {
  const { shift, holiday, absence } = input;
  if (shift === null) return single('LIBUR', 'Bukan hari kerja menurut jadwal');
  if (holiday !== null && !input.worksOnHolidays) {
    return single('LIBUR', holiday.kind === 'CUTI_BERSAMA' ? `Cuti bersama: ${holiday.name}` : `Hari libur: ${holiday.name}`);
  }
  if (absence !== null) return single(statusOfAbsence[absence.type], `${absence.type} ${absence.from} s.d. ${absence.to}`);

  const start = instantAt(input.date, shift.start, input.zone);
  const end = instantAt(input.date, shift.end, input.zone);
  const over = input.now.getTime() >= end.getTime();
  const midShift = new Date((start.getTime() + end.getTime()) / 2);
  const { firstIn, lastOut } = inAndOut(input.captures, midShift);
  const hours = `jadwal ${formatClock(shift.start)}–${formatClock(shift.end)}`;

  if (firstIn === null && lastOut === null) {
    return over ? single('TK', `Tidak ada presensi (${hours})`) : single('BELUM_PRESENSI', `Belum ada presensi (${hours})`, true);
  }

  const reasons: string[] = [];
  let lateMinutes = firstIn === null ? 0 : Math.max(0, minutesBetween(start, firstIn));
  let earlyMinutes = lastOut === null ? 0 : Math.max(0, minutesBetween(lastOut, end));
  let lateBand = firstIn === null ? input.bands.missingBand : bandOf(input.bands, lateMinutes);
  if (lateBand > 0 && firstIn !== null && lastOut !== null && lateMinutes <= input.bands.makeUpMinutes && minutesBetween(end, lastOut) >= lateMinutes) {
    reasons.push(`Terlambat ${lateMinutes} menit, diganti dengan pulang ${lateMinutes} menit lebih lama`);
    lateBand = 0;
    lateMinutes = 0;
  }
  // Before the shift ends, a missing or early check-out is not judged yet (the last capture may be a re-scan).
  const pswBand = !over ? 0 : lastOut === null ? input.bands.missingBand : bandOf(input.bands, earlyMinutes);
  if (pswBand === 0) earlyMinutes = 0;

  const codes: DayStatusCode[] = [];
  if (lateBand > 0) {
    codes.push(bandCode(TL_CODES, lateBand));
    reasons.push(firstIn === null ? `Tidak ada presensi masuk (${hours})` : `Terlambat ${lateMinutes} menit (masuk ${formatLocal(firstIn, input)}, ${hours})`);
  }
  if (pswBand > 0) {
    codes.push(bandCode(PSW_CODES, pswBand));
    reasons.push(lastOut === null ? `Tidak ada presensi pulang (${hours})` : `Pulang ${earlyMinutes} menit sebelum waktunya (pulang ${formatLocal(lastOut, input)}, ${hours})`);
  }
  if (codes.length === 0) codes.push('HADIR');
  if (codes[0] === 'HADIR' && reasons.length === 0) reasons.push(`Hadir sesuai ${hours}`);
  return {
    status: codes[0] as DayStatusCode,
    codes,
    lateMinutes,
    earlyMinutes,
    firstIn,
    lastOut,
    reason: reasons.join('; '),
    provisional: !over,
  };
}

function formatLocal(instant: Date, input: Pick<DayInput, 'date' | 'zone'>): string {
  const midnight = instantAt(input.date, 0, input.zone);
  return formatClock(minutesBetween(midnight, instant));
}
