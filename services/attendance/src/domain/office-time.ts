// Instants are stored; days are computed in the office's zone (DOMAIN.md "Attendance and discipline":
// a working day is the office's day). Indonesia's three zones have had no daylight saving since 1964,
// but the offset still comes from the platform's tz database rather than a hand-kept table.

export const OFFICE_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
/** WIB, WITA, WIT. */
export type OfficeTimeZone = (typeof OFFICE_TIME_ZONES)[number];

export function isOfficeTimeZone(value: string): value is OfficeTimeZone {
  return (OFFICE_TIME_ZONES as readonly string[]).includes(value);
}

const MINUTE_MS = 60_000;
export const DAY_MINUTES = 24 * 60;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// Formatting parts is the slow step of every status computation (the seed computes 300 000 days, the
// ingest path one per capture), while an offset only changes at a zone's rare transitions, which fall
// on quarter hours: so it is kept per zone and UTC quarter hour (a bounded map, cleared when full).
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const OFFSET_CACHE_LIMIT = 200_000;
const offsets = new Map<string, Map<number, number>>();

/** Minutes the zone is ahead of UTC at `instant` (WIB 420, WITA 480, WIT 540). */
export function zoneOffsetMinutes(zone: string, instant: Date): number {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  let zoneOffsets = offsets.get(zone);
  const known = zoneOffsets?.get(quarter);
  if (known !== undefined) return known;
  const parts = Object.fromEntries(formatterOf(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  const offset = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / MINUTE_MS);
  if (zoneOffsets === undefined || zoneOffsets.size >= OFFSET_CACHE_LIMIT) {
    zoneOffsets = new Map();
    offsets.set(zone, zoneOffsets);
  }
  zoneOffsets.set(quarter, offset);
  return offset;
}

/** The office's calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: Date, zone: string): string {
  return new Date(instant.getTime() + zoneOffsetMinutes(zone, instant) * MINUTE_MS).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time in the office's zone; `minutes` may exceed a day (night shifts end tomorrow). */
export function instantAt(date: string, minutes: number, zone: string): Date {
  const guess = new Date(parseDate(date).getTime() + minutes * MINUTE_MS);
  return new Date(guess.getTime() - zoneOffsetMinutes(zone, guess) * MINUTE_MS);
}

/** Valid dates seen, as milliseconds (bounded like the offsets): parsing is on every status computation's path. */
const parsedDates = new Map<string, number>();

/** A YYYY-MM-DD date that exists, as midnight UTC; throws RangeError otherwise. */
export function parseDate(date: string): Date {
  const known = parsedDates.get(date);
  if (known !== undefined) return new Date(known);
  const match = DATE_PATTERN.exec(date);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (value.toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: ${date}`);
  if (parsedDates.size >= OFFSET_CACHE_LIMIT) parsedDates.clear();
  parsedDates.set(date, value.getTime());
  return value;
}

export function isValidDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return new Date(parseDate(date).getTime() + days * DAY_MINUTES * MINUTE_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(date: string): number {
  return parseDate(date).getUTCDay();
}

/** Whole minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / MINUTE_MS);
}

/** "HH:MM" → minutes after midnight; throws RangeError for anything else. */
export function parseClock(clock: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (match === null) throw new RangeError(`not an HH:MM time: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatClock(minutes: number): string {
  const within = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(within / 60)).padStart(2, '0')}:${String(within % 60).padStart(2, '0')}`;
}
