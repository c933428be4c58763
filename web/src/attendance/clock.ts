// Times of day as the office reads them: `07:42` in the office's zone, whatever the browser's zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatClockIn(instant: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(instant)).replace('.', ':');
}
