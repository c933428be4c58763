// What each generated employee "did": SKP ratings per evaluation period and a status per working day.
// One deterministic source for the three services that must agree on it: performance loads the ratings
// (and finalises them), attendance loads captures and absences that give these day statuses, and
// remuneration's read models hold the same predikat and recaps it would have received as events
// (PredikatFinalised, AttendanceRecapClosed), so the seeded TPP follows from the seeded performance and
// discipline. Pure: no I/O; the same (employee, seed, today) always gives the same outcomes.
import { defaultPeriodScheme, periodsOfYear } from '@kinerja/performance/domain/periods';
import { defaultPredikatCells, predikatOf } from '@kinerja/performance/domain/predikat-matrix';
import type { Predikat, RatingLevel } from '@kinerja/performance/domain/rating';
import { createRandom, type Random } from './random.ts';
import type { EmployeeRow } from './rows.ts';

export type { Predikat, RatingLevel };

/** The day codes the seed produces (a subset of attendance's DayStatusCode; LIBUR days are not listed). */
export type SeedDayCode =
  | 'HADIR' | 'TL1' | 'TL2' | 'TL3' | 'TL4' | 'PSW1' | 'PSW2' | 'PSW3' | 'PSW4'
  | 'TK' | 'CUTI' | 'SAKIT' | 'IZIN' | 'DINAS_LUAR';

export interface RatingOutcome {
  year: number;
  /** Q1…Q4 or ANNUAL (performance's default quarterly scheme, DOMAIN.md "Performance"). */
  period: string;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  hasilKerja: RatingLevel;
  perilakuKerja: RatingLevel;
  /** From the default predikat matrix (PermenPANRB 6/2022). */
  predikat: Predikat;
}

export interface DayOutcome {
  /** YYYY-MM-DD, a working day (Monday–Friday, not a seed holiday). */
  date: string;
  /** One code, or a TL and a PSW code on the same day; absences (CUTI, SAKIT, …) stand alone. */
  codes: SeedDayCode[];
  /** Minutes after the schedule's start at the first check-in (TL days; 0 otherwise). */
  lateMinutes: number;
  /** Minutes before the schedule's end at the last check-out (PSW days; 0 otherwise). */
  earlyMinutes: number;
  /** TL4/PSW4 from a missing check-in/out rather than from minutes (> 90). */
  missingIn: boolean;
  missingOut: boolean;
}

export interface MonthOutcome {
  /** YYYY-MM */
  month: string;
  /** The previous calendar month is closed (its recap published); the current month is still open. */
  closed: boolean;
  /** Every working day up to yesterday (current month) or to the month's end (previous month). */
  days: DayOutcome[];
}

export interface EmployeeOutcomes {
  employeeId: string;
  /** Empty for an employee without an SKP (about one in ten). */
  ratings: RatingOutcome[];
  /** The previous full calendar month and the current month so far (DOMAIN.md / issue 11 demo data). */
  months: MonthOutcome[];
}

export interface OutcomeOptions {
  seed: string | number;
  /** YYYY-MM-DD (WIB): periods that ended before it are rated; days before it have statuses. */
  today: string;
  /** NIPs that always get an SKP and a month with something to explain (the demo users). */
  alwaysRated?: readonly string[];
  /** NIPs that always get an SKP, with nothing else forced (the demo kepala, top of the demo cascade). */
  alwaysWithSkp?: readonly string[];
}

/**
 * National holidays and cuti bersama the seed keeps as non-working days (and attendance loads into its
 * calendar). Only days whose date does not move with the lunar calendars are listed, so the list stays
 * right without each year's SKB; regions and admins add the rest through the calendar mutations.
 */
export function seedHolidays(year: number): { date: string; name: string }[] {
  return [
    { date: `${year}-01-01`, name: 'Tahun Baru Masehi' },
    { date: `${year}-05-01`, name: 'Hari Buruh Internasional' },
    { date: `${year}-06-01`, name: 'Hari Lahir Pancasila' },
    { date: `${year}-08-17`, name: 'Hari Kemerdekaan Republik Indonesia' },
    { date: `${year}-12-25`, name: 'Hari Raya Natal' },
  ];
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Monday–Friday days of a month that are not seed holidays, before `until` (exclusive) when given. */
export function seedWorkingDays(year: number, month: number, until?: string): string[] {
  const holidays = new Set(seedHolidays(year).map((h) => h.date));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const days: string[] = [];
  for (let d = 1; d <= last; d++) {
    const date = isoDate(year, month, d);
    if (until !== undefined && date >= until) break;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.has(date)) continue;
    days.push(date);
  }
  return days;
}

// Shares per working day for an employee of average discipline; a personal factor scales the
// infractions so a few employees carry most of them, as BKPSDM reports describe.
const LATE_BANDS: readonly { code: SeedDayCode; min: number; max: number; weight: number }[] = [
  { code: 'TL1', min: 1, max: 30, weight: 0.045 },
  { code: 'TL2', min: 31, max: 60, weight: 0.012 },
  { code: 'TL3', min: 61, max: 90, weight: 0.006 },
  { code: 'TL4', min: 91, max: 180, weight: 0.004 },
];
const EARLY_BANDS: readonly { code: SeedDayCode; min: number; max: number; weight: number }[] = [
  { code: 'PSW1', min: 1, max: 30, weight: 0.015 },
  { code: 'PSW2', min: 31, max: 60, weight: 0.005 },
  { code: 'PSW3', min: 61, max: 90, weight: 0.002 },
  { code: 'PSW4', min: 91, max: 180, weight: 0.002 },
];
const TK_SHARE = 0.004;
/** Absences come in runs (a cuti of a few days, a trip): probability a run starts on a given day. */
const ABSENCE_RUNS: readonly { code: SeedDayCode; start: number; minDays: number; maxDays: number }[] = [
  { code: 'CUTI', start: 0.006, minDays: 1, maxDays: 4 },
  { code: 'DINAS_LUAR', start: 0.006, minDays: 1, maxDays: 3 },
  { code: 'SAKIT', start: 0.004, minDays: 1, maxDays: 2 },
  { code: 'IZIN', start: 0.002, minDays: 1, maxDays: 1 },
];

function pickBand(rng: Random, bands: typeof LATE_BANDS, factor: number): (typeof LATE_BANDS)[number] | null {
  let roll = rng.next();
  for (const band of bands) {
    roll -= band.weight * factor;
    if (roll < 0) return band;
  }
  return null;
}

function monthDays(rng: Random, dates: readonly string[], discipline: number): DayOutcome[] {
  const days: DayOutcome[] = [];
  let runCode: SeedDayCode | null = null;
  let runLeft = 0;
  for (const date of dates) {
    if (runLeft === 0) {
      runCode = null;
      for (const run of ABSENCE_RUNS) {
        if (rng.chance(run.start)) {
          runCode = run.code;
          runLeft = rng.int(run.minDays, run.maxDays);
          break;
        }
      }
    }
    if (runCode !== null && runLeft > 0) {
      runLeft--;
      days.push({ date, codes: [runCode], lateMinutes: 0, earlyMinutes: 0, missingIn: false, missingOut: false });
      continue;
    }
    if (rng.chance(TK_SHARE * discipline)) {
      days.push({ date, codes: ['TK'], lateMinutes: 0, earlyMinutes: 0, missingIn: true, missingOut: true });
      continue;
    }
    const day: DayOutcome = { date, codes: [], lateMinutes: 0, earlyMinutes: 0, missingIn: false, missingOut: false };
    const late = pickBand(rng, LATE_BANDS, discipline);
    if (late) {
      day.codes.push(late.code);
      // A TL4 is either very late or a forgotten check-in (the day still has a check-out).
      if (late.code === 'TL4' && rng.chance(0.4)) day.missingIn = true;
      else day.lateMinutes = rng.int(late.min, late.max);
    }
    const early = pickBand(rng, EARLY_BANDS, discipline);
    if (early && !day.missingIn) {
      day.codes.push(early.code);
      if (early.code === 'PSW4' && rng.chance(0.4)) day.missingOut = true;
      else day.earlyMinutes = rng.int(early.min, early.max);
    }
    if (day.codes.length === 0) day.codes.push('HADIR');
    days.push(day);
  }
  return days;
}

/** The demo pegawai's previous month always shows a late day, an early leave and a day of cuti. */
function ensureSomethingToExplain(days: DayOutcome[]): void {
  const plain = days.filter((d) => d.codes.length === 1 && d.codes[0] === 'HADIR');
  const [late, early, leave] = [plain[2], plain[7], plain[12]];
  if (late) Object.assign(late, { codes: ['TL1'], lateMinutes: 17 });
  if (early) Object.assign(early, { codes: ['PSW1'], earlyMinutes: 25 });
  if (leave) Object.assign(leave, { codes: ['CUTI'] });
}

const LEVELS: readonly RatingLevel[] = ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'];

function level(rng: Random, merit: number): RatingLevel {
  // Most employees meet expectations; merit shifts the odds (about 12 % above, 7 % below overall).
  const score = merit + rng.normal(0, 0.55);
  return LEVELS[score > 1.05 ? 2 : score < -1.1 ? 0 : 1] as RatingLevel;
}

function ratings(rng: Random, today: string): RatingOutcome[] {
  const year = Number(today.slice(0, 4));
  const merit = rng.normal(0, 0.6);
  const result: RatingOutcome[] = [];
  for (const y of [year - 1, year]) {
    for (const period of periodsOfYear(defaultPeriodScheme, y)) {
      if (period.end >= today) continue;
      const hasilKerja = level(rng, merit);
      const perilakuKerja = level(rng, merit + 0.2);
      result.push({ year: y, period: period.code, start: period.start, end: period.end, hasilKerja, perilakuKerja, predikat: predikatOf(defaultPredikatCells, hasilKerja, perilakuKerja) });
    }
  }
  return result;
}

export function outcomesFor(employee: EmployeeRow, options: OutcomeOptions): EmployeeOutcomes {
  const rng = createRandom(options.seed, `outcomes/${employee.id}`);
  const always = options.alwaysRated?.includes(employee.nip) ?? false;
  const hasSkp = rng.chance(0.9) || always || (options.alwaysWithSkp?.includes(employee.nip) ?? false);
  const employeeRatings = ratings(rng, options.today);
  // Discipline factor: most near 1, a long tail of habitual latecomers.
  const discipline = Math.max(0.2, Math.exp(rng.normal(0, 0.7)));
  const year = Number(options.today.slice(0, 4));
  const month = Number(options.today.slice(5, 7));
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const previousDays = monthDays(rng, seedWorkingDays(previous.year, previous.month), discipline);
  if (always) ensureSomethingToExplain(previousDays);
  const currentDays = monthDays(rng, seedWorkingDays(year, month, options.today), discipline);
  return {
    employeeId: employee.id,
    ratings: hasSkp ? employeeRatings : [],
    months: [
      { month: `${previous.year}-${pad(previous.month)}`, closed: true, days: previousDays },
      { month: `${year}-${pad(month)}`, closed: false, days: currentDays },
    ],
  };
}

/** Days per code of a month (each code once a day), as attendance's recap and AttendanceRecapClosed count them. */
export function countDayCodes(days: readonly DayOutcome[]): { code: SeedDayCode; count: number }[] {
  const counts = new Map<SeedDayCode, number>();
  for (const day of days) for (const code of new Set(day.codes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ code, count }));
}
