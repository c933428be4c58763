// DOMAIN.md "Competency": Gap = assessed − required per competency (negative = development need).
import { describe, expect, it } from 'vitest';
import { computeGaps } from '../../src/domain/gap.ts';

describe('computeGaps (DOMAIN.md "Competency", Gap)', () => {
  const cases: { name: string; required: Record<string, number>; scores: Record<string, number>; gaps: [string, number][] }[] = [
    { name: 'shortfall is negative and exact', required: { 'SK.1': 3 }, scores: { 'SK.1': 2.66 }, gaps: [['SK.1', -0.34]] },
    { name: 'surplus is positive', required: { 'M.1': 2 }, scores: { 'M.1': 3.25 }, gaps: [['M.1', 1.25]] },
    { name: 'match is zero', required: { 'M.4': 3 }, scores: { 'M.4': 3 }, gaps: [['M.4', 0]] },
    {
      name: 'dictionary order whatever the input order',
      required: { 'SK.1': 1, 'M.8': 1, 'M.1': 1 },
      scores: { 'M.1': 1, 'SK.1': 1, 'M.8': 1.5 },
      gaps: [['M.1', 0], ['M.8', 0.5], ['SK.1', 0]],
    },
    { name: 'unscored competency is left out', required: { 'M.1': 3, 'M.2': 3 }, scores: { 'M.1': 3 }, gaps: [['M.1', 0]] },
  ];
  it.each(cases)('$name', ({ required, scores, gaps }) => {
    expect(computeGaps(required, scores).map((gap) => [gap.competencyCode, gap.gap])).toEqual(gaps);
  });
});
