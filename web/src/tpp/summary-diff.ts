// "Differences from the previous version" on the compute page: the instansi's month summary before the
// run and after it, figure by figure.
export interface TppSummaryFigures {
  headcountPaid: number;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
}

export const summaryFigureKeys = ['headcountPaid', 'gross', 'deductions', 'tax', 'net'] as const;
export type SummaryFigureKey = (typeof summaryFigureKeys)[number];

export interface SummaryDifference {
  key: SummaryFigureKey;
  before: number;
  after: number;
  difference: number;
}

export function summaryDifferences(before: TppSummaryFigures, after: TppSummaryFigures): SummaryDifference[] {
  return summaryFigureKeys.map((key) => ({ key, before: before[key], after: after[key], difference: after[key] - before[key] }));
}

/** Share of the run done, 0–100 (a run with nobody to compute is complete). */
export function runPercent(run: { processed: number; total: number; status: string }): number {
  if (run.status === 'DONE') return 100;
  if (run.total <= 0) return 0;
  return Math.min(100, Math.floor((run.processed / run.total) * 100));
}
