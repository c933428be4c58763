// Months are the unit of the recap (DOMAIN.md "Attendance and discipline": a monthly recap per employee).
import { addDays, parseDate } from './office-time.ts';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isValidMonth(month: string): boolean {
  return MONTH_PATTERN.test(month);
}

/** Every date of a YYYY-MM month, in order. */
export function datesOfMonth(month: string): string[] {
  if (!isValidMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const dates: string[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function monthOf(date: string): string {
  parseDate(date);
  return date.slice(0, 7);
}

export function previousMonth(month: string): string {
  return monthOf(addDays(`${month}-01`, -1));
}

export function nextMonth(month: string): string {
  return monthOf(addDays(`${month}-28`, 4));
}

/**
 * The date a month closes: `closeDay` of the following month (e.g. 5 → corrections and late leave of
 * March can still come in until 5 April); 1–28, so every month has that day.
 */
export function closingDateOf(month: string, closeDay: number): string {
  if (!Number.isInteger(closeDay) || closeDay < 1 || closeDay > 28) throw new RangeError(`close day must be 1–28: ${closeDay}`);
  return `${nextMonth(month)}-${String(closeDay).padStart(2, '0')}`;
}
