/** Latency percentiles in milliseconds (nearest-rank over every recorded response). */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summariseLatencies(valuesMs: readonly number[]): LatencySummary {
  if (valuesMs.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(rank(50)),
    p95: round(rank(95)),
    p99: round(rank(99)),
    mean: round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    max: round(sorted[sorted.length - 1] as number),
  };
}
