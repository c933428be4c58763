// TL/PSW bands as data (DOMAIN.md "Attendance and discipline"): default 1 = 1–30, 2 = 31–60,
// 3 = 61–90, 4 = > 90 minutes or no check-in/out; the regional 15-minute variant 1–15, 16–30, > 30,
// no record.

export interface BandTable {
  /** Inclusive upper bound of each band before the last, ascending: [30, 60, 90] → bands 1, 2, 3, then 4. */
  readonly upperBounds: readonly number[];
  /** Band of a missing check-in (TL) or check-out (PSW). */
  readonly missingBand: number;
  /** Lateness forgiven when made up by staying as long after the end (a regional variant; 0 = none). */
  readonly makeUpMinutes: number;
}

export const defaultBands: BandTable = { upperBounds: [30, 60, 90], missingBand: 4, makeUpMinutes: 0 };
export const fifteenMinuteBands: BandTable = { upperBounds: [15, 30], missingBand: 4, makeUpMinutes: 0 };

/** Band 1… for minutes late or early (> 0); 0 for none. */
export function bandOf(table: BandTable, minutes: number): number {
  if (minutes <= 0) return 0;
  const index = table.upperBounds.findIndex((bound) => minutes <= bound);
  return index === -1 ? table.upperBounds.length + 1 : index + 1;
}

export function bandTableProblems(table: BandTable): string[] {
  const problems: string[] = [];
  const bounds = table.upperBounds;
  if (bounds.length === 0) problems.push('Batas pita keterlambatan tidak boleh kosong');
  if (bounds.some((bound, i) => !Number.isInteger(bound) || bound <= 0 || (i > 0 && bound <= (bounds[i - 1] ?? 0)))) {
    problems.push('Batas pita harus bilangan bulat positif yang naik');
  }
  if (!Number.isInteger(table.missingBand) || table.missingBand < 1 || table.missingBand > bounds.length + 2) {
    problems.push('Pita untuk presensi yang tidak ada tidak valid');
  }
  if (!Number.isInteger(table.makeUpMinutes) || table.makeUpMinutes < 0 || table.makeUpMinutes > 120) {
    problems.push('Menit pengganti keterlambatan harus 0–120');
  }
  return problems;
}

/** The band table in force on a date: the latest effective on or before it, else the default. */
export function bandsOn<T extends BandTable & { effectiveFrom: string }>(rules: readonly T[], date: string, fallback: BandTable = defaultBands): BandTable {
  let best: T | null = null;
  for (const rule of rules) if (rule.effectiveFrom <= date && (best === null || rule.effectiveFrom > best.effectiveFrom)) best = rule;
  return best ?? fallback;
}
