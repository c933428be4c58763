// Dates cross the API as `YYYY-MM-DD` strings (TMT, effective dates); they must be real calendar days.

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
