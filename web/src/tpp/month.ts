// TPP is paid per calendar month (`YYYY-MM`); the month a person means by "this month" is the one in
// Western Indonesia Time, whatever the browser's time zone.
const wibMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' });
const monthLabel = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The current month in WIB, `YYYY-MM`. */
export function currentMonth(now: Date = new Date()): string {
  return wibMonth.format(now).slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last month that has ended: the one the seeded and the usual monthly statements are for. */
export function previousMonth(now: Date = new Date()): string {
  return addMonths(currentMonth(now), -1);
}

/** `2026-10` → `Oktober 2026`. */
export function formatMonth(month: string): string {
  if (!isMonth(month)) return month;
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthLabel.format(new Date(Date.UTC(year, m - 1, 1)));
}

/** The months a switcher offers, newest first: `count` months up to and including `latest`. */
export function recentMonths(latest: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(latest, -i));
}
