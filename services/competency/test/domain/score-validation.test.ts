// DOMAIN.md "Competency": an assessment scores each competency 1–5 (decimals allowed); the issue asks
// that scores outside 1–5, unknown competencies and finalising an incomplete assessment are refused.
import { describe, expect, it } from 'vitest';
import { missingCompetencies, validateScores } from '../../src/domain/score-validation.ts';
import { competencies, competencyCodes } from '../../src/domain/dictionary.ts';

describe('validateScores', () => {
  const cases: { name: string; scores: { competencyCode: string; score: number }[]; reasons: string[] }[] = [
    { name: 'lower bound 1.00', scores: [{ competencyCode: 'M.1', score: 1 }], reasons: [] },
    { name: 'upper bound 5.00', scores: [{ competencyCode: 'M.1', score: 5 }], reasons: [] },
    { name: 'two decimals', scores: [{ competencyCode: 'M.1', score: 2.66 }], reasons: [] },
    { name: 'below 1', scores: [{ competencyCode: 'M.1', score: 0.99 }], reasons: ['score_out_of_range'] },
    { name: 'above 5', scores: [{ competencyCode: 'M.1', score: 5.01 }], reasons: ['score_out_of_range'] },
    { name: 'not a number', scores: [{ competencyCode: 'M.1', score: Number.NaN }], reasons: ['score_out_of_range'] },
    { name: 'three decimals', scores: [{ competencyCode: 'M.1', score: 2.665 }], reasons: ['score_precision'] },
    { name: 'unknown competency', scores: [{ competencyCode: 'M.9', score: 3 }], reasons: ['unknown_competency'] },
    { name: 'duplicate competency', scores: [{ competencyCode: 'M.2', score: 3 }, { competencyCode: 'M.2', score: 4 }], reasons: ['duplicate_competency'] },
  ];
  it.each(cases)('$name', ({ scores, reasons }) => {
    expect(validateScores(scores).map((problem) => problem.reason)).toEqual(reasons);
  });
});

describe('missingCompetencies (complete before finalise)', () => {
  const cases: { name: string; scored: string[]; missing: string[] }[] = [
    { name: 'all nine', scored: [...competencyCodes], missing: [] },
    { name: 'SK.1 missing', scored: competencyCodes.filter((c) => c !== 'SK.1'), missing: ['SK.1'] },
    { name: 'nothing scored', scored: [], missing: [...competencyCodes] },
  ];
  it.each(cases)('$name', ({ scored, missing }) => {
    expect(missingCompetencies(scored)).toEqual(missing);
  });
});

describe('the dictionary (PermenPANRB 38/2017)', () => {
  it('holds M.1–M.8 and SK.1, each with five levels and indicators', () => {
    expect(competencyCodes).toEqual(['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1']);
    for (const competency of competencies) {
      expect(competency.levels.map((level) => level.level)).toEqual([1, 2, 3, 4, 5]);
      for (const level of competency.levels) expect(level.indicators.length).toBeGreaterThan(0);
    }
  });
});
