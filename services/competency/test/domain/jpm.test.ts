// DOMAIN.md "Competency": JPM = Σ min(assessed, required) ÷ Σ required × 100, capped by default,
// two decimals; worked example: nine competencies required at 3 (Σ 27), assessed Σ 26.66 → 98.74%.
import { describe, expect, it } from 'vitest';
import { computeGaps } from '../../src/domain/gap.ts';
import { computeJpm } from '../../src/domain/jpm.ts';
import { uniformLevels } from '../../src/domain/standards.ts';

const codes = ['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'];
const scoresOf = (values: number[]): Record<string, number> => Object.fromEntries(codes.map((code, i) => [code, values[i] as number]));

describe('computeJpm (DOMAIN.md "Competency", JPM)', () => {
  const cases: { name: string; required: number; scores: number[]; capSurplus: boolean; jpm: number }[] = [
    // The worked example: 8 × 3 + 2.66 = 26.66 of 27.
    { name: 'worked example 26.66 / 27', required: 3, scores: [3, 3, 3, 3, 3, 3, 3, 3, 2.66], capSurplus: true, jpm: 98.74 },
    { name: 'exact match', required: 3, scores: [3, 3, 3, 3, 3, 3, 3, 3, 3], capSurplus: true, jpm: 100 },
    // Surplus on one competency cannot hide a shortfall on another when capped.
    { name: 'surplus capped', required: 3, scores: [4, 4, 4, 4, 3, 3, 3, 3, 2], capSurplus: true, jpm: 96.3 },
    { name: 'surplus counted when the rule says so', required: 3, scores: [4, 4, 4, 4, 3, 3, 3, 3, 2], capSurplus: false, jpm: 111.11 },
    { name: 'all at level 1 for Administrator (3)', required: 3, scores: [1, 1, 1, 1, 1, 1, 1, 1, 1], capSurplus: true, jpm: 33.33 },
    // 21 of 27 = 77.777… → 77.78 (half up at the second decimal).
    { name: 'rounds to two decimals', required: 3, scores: [3, 3, 3, 3, 3, 3, 1, 1, 1], capSurplus: true, jpm: 77.78 },
    { name: 'JPT Pratama level 4', required: 4, scores: [3.5, 3.5, 4, 4, 4, 4, 4, 4, 4], capSurplus: true, jpm: 97.22 },
  ];
  it.each(cases)('$name → $jpm', ({ required, scores, capSurplus, jpm }) => {
    const gaps = computeGaps(uniformLevels(required), scoresOf(scores));
    expect(computeJpm(gaps, { capSurplus })).toBe(jpm);
  });

  it('is null when nothing is required', () => {
    expect(computeJpm([])).toBeNull();
  });
});
