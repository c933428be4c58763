// Calendar months as `YYYY-MM` strings: the unit TPP is computed, locked and exported in.

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed `YYYY-MM` between 2000-01 and 2999-12. */
export function isMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2999;
}

function parts(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The month `count` months after `month` (negative goes back). */
export function addMonths(month: string, count: number): string {
  const { year, month: m } = parts(month);
  const index = year * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** First day, `YYYY-MM-DD`. */
export function monthStart(month: string): string {
  parts(month);
  return `${month}-01`;
}

/** Last day, `YYYY-MM-DD` (28–31). */
export function monthEnd(month: string): string {
  const { year, month: m } = parts(month);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(lastDay).padStart(2, '0')}`;
}

/** The month a `YYYY-MM-DD` day falls in. */
export const monthOfDay = (day: string): string => day.slice(0, 7);

/**
 * A month is in the future when it starts after the given day: TPP for the current month may be
 * simulated and computed (provisionally, until locked), a month that has not begun may not.
 */
export const isFutureMonth = (month: string, todayIso: string): boolean => monthStart(month) > todayIso;
