const dateFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2025-03-07` → `7 Maret 2025`; anything that is not a calendar date is shown as it is. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2025-02-30 over into March; such a value is not a date, so it is shown as it is.
  return date.getUTCMonth() === Number(match[2]) - 1 ? dateFormat.format(date) : isoDate;
}

const instantFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

/** A moment (ISO timestamp) in Western Indonesia Time: `29 November 2026 pukul 17.30`. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : instantFormat.format(date);
}
