// How many lanes a compute run gets (issue 12: ≥ 20,000 employees/s). Lanes are contiguous ranges of
// employee ids whose batches run side by side on their own connections, so the database's work of one
// batch overlaps the computation of another; a small run stays in one lane (ordered, one batch at a time).

/** At least this many batches per lane before a run is split. */
export const MIN_BATCHES_PER_LANE = 4;

export function laneCount(employees: number, batchSize: number, maxLanes: number): number {
  return Math.max(1, Math.min(maxLanes, Math.floor(employees / (batchSize * MIN_BATCHES_PER_LANE))));
}

/**
 * The lanes' ranges from the last employee id of each of `count` equal slices (ntile order):
 * lane i covers (after, until], the first from the start, the last to the end (employees added later).
 */
export function laneRanges(sliceEnds: readonly string[]): { lane: number; afterId: string; untilId: string | null }[] {
  if (sliceEnds.length === 0) return [{ lane: 0, afterId: '', untilId: null }];
  return sliceEnds.map((end, i) => ({ lane: i, afterId: i === 0 ? '' : sliceEnds[i - 1]!, untilId: i === sliceEnds.length - 1 ? null : end }));
}
