// How a compute run is split into lanes (src/domain/run-lanes.ts): a small run stays one ordered lane;
// a large one gets up to the configured number of contiguous id ranges that together cover every id.
import { describe, expect, it } from 'vitest';
import { laneCount, laneRanges } from '../../src/domain/run-lanes.ts';

describe('lanes of a compute run', () => {
  it.each([
    [3, 1, 2, 1, 'three employees, batches of one: one lane'],
    [7_999, 1_000, 2, 1, 'under four batches per lane: one lane'],
    [8_000, 1_000, 2, 2, 'four batches per lane: two'],
    [100_000, 1_000, 2, 2, 'never more than the maximum'],
    [100_000, 1_000, 1, 1, 'a maximum of one keeps the run ordered'],
    [0, 1_000, 2, 1, 'an empty instansi: one lane that finishes at once'],
  ])('%i employees, batch %i, max %i → %i (%s)', (employees, batchSize, maxLanes, lanes) => {
    expect(laneCount(employees, batchSize, maxLanes)).toBe(lanes);
  });

  it('ranges follow the slices: the first from the start, the last open to ids added later', () => {
    expect(laneRanges(['e-049', 'e-099'])).toEqual([
      { lane: 0, afterId: '', untilId: 'e-049' },
      { lane: 1, afterId: 'e-049', untilId: null },
    ]);
    expect(laneRanges([])).toEqual([{ lane: 0, afterId: '', untilId: null }]);
  });
});
