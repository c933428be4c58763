// Which evaluation period a form offers first: the open quarter (not the annual evaluation) when there is
// one, else any open period.
export interface PeriodChoice {
  readonly code: string;
  readonly state: string;
}

export function openPeriods<T extends PeriodChoice>(periods: readonly T[]): T[] {
  return periods.filter((p) => p.state === 'OPEN');
}

export function defaultOpenPeriod(periods: readonly PeriodChoice[]): string {
  const open = openPeriods(periods);
  return (open.find((p) => p.code !== 'ANNUAL') ?? open[0])?.code ?? '';
}

/**
 * The period a results page shows first: the latest quarter that has ended (Q3 in November), or the
 * previous year's annual evaluation early in the year before the first quarter ends.
 */
export function latestEndedPeriod(today: Date): { year: number; period: string } {
  const year = today.getFullYear();
  // Months 0–2 → no quarter of this year has ended; 3–5 → Q1; … 9–11 → Q3.
  const lastEnded = Math.floor(today.getMonth() / 3);
  return lastEnded === 0 ? { year: year - 1, period: 'ANNUAL' } : { year, period: `Q${lastEnded}` };
}
