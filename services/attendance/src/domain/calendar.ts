// The yearly calendar as data (DOMAIN.md "Attendance and discipline": cuti bersama from the yearly
// calendar): national holidays and cuti bersama (SKB of the Ministers of Religion, Manpower and
// PANRB each year) and the Ramadan period for Ramadan hours. Regions add their own days.

export type CalendarDayKind = 'LIBUR_NASIONAL' | 'CUTI_BERSAMA' | 'LIBUR_DAERAH';

export interface CalendarDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: string;
  /** Kemendagri region code the day applies to; `ID` = national. */
  readonly regionCode: string;
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export interface Calendar {
  readonly days: readonly CalendarDay[];
  /** Ramadan periods (first and last day of fasting), for Ramadan working hours. */
  readonly ramadan: readonly DateRange[];
}

export const emptyCalendar: Calendar = { days: [], ramadan: [] };

function appliesTo(day: CalendarDay, regionCode: string): boolean {
  return day.regionCode === 'ID' || regionCode === day.regionCode || regionCode.startsWith(`${day.regionCode}.`);
}

/** The holiday or cuti bersama on a date for an office in `regionCode`, if any. */
export function holidayOn(calendar: Calendar, date: string, regionCode: string): CalendarDay | null {
  return calendar.days.find((day) => day.date === date && appliesTo(day, regionCode)) ?? null;
}

export function isInRange(date: string, range: DateRange): boolean {
  return range.from <= date && date <= range.to;
}

export function isRamadan(calendar: Calendar, date: string): boolean {
  return calendar.ramadan.some((range) => isInRange(date, range));
}
