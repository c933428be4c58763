// The monthly recap per employee (DOMAIN.md "Attendance and discipline": feeds TPP and discipline
// dashboards; the same code counted once a day; a correction after closing is a new version).
import type { DayStatusCode } from './daily-status.ts';

export interface RecapDay {
  readonly date: string;
  readonly codes: readonly DayStatusCode[];
  readonly lateMinutes: number;
  readonly earlyMinutes: number;
}

export interface CodeCount {
  readonly code: DayStatusCode;
  readonly count: number;
}

/** Days counted per code (each code once a day); LIBUR and undecided days are not working days and not counted. */
export function countCodes(days: readonly RecapDay[]): CodeCount[] {
  const counts = new Map<DayStatusCode, number>();
  for (const day of days) {
    for (const code of new Set(day.codes)) {
      if (code === 'LIBUR' || code === 'BELUM_PRESENSI') continue;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ code, count }));
}

/** Fingerprint of a recap's content: a re-close with the same content publishes nothing new. */
export function recapDigest(days: readonly RecapDay[]): string {
  return days
    .filter((day) => day.codes.some((code) => code !== 'HADIR' && code !== 'LIBUR'))
    .map((day) => `${day.date}:${[...day.codes].sort().join('+')}:${day.lateMinutes}:${day.earlyMinutes}`)
    .sort()
    .join(',');
}
