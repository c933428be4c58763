// DOMAIN.md "Competency", Training needs (AKPK): each negative gap maps to training programmes for that
// competency and target level; the issue asks for the needs ordered by gap size.
import { describe, expect, it } from 'vitest';
import { programmesClosingGap, rankTrainingNeeds } from '../../src/domain/training-needs.ts';
import type { TrainingProgramme } from '../../src/domain/training-needs.ts';
import type { CompetencyGap } from '../../src/domain/gap.ts';

const programme = (id: string, competencyCode: string, targetLevel: number, hoursJp: number, active = true): TrainingProgramme => ({
  id,
  name: `Pelatihan ${id}`,
  competencyCode,
  targetLevel,
  hoursJp,
  deliveryMode: 'KLASIKAL',
  active,
});

const catalogue = [
  programme('m3-l2', 'M.3', 2, 16),
  programme('m3-l3-long', 'M.3', 3, 40),
  programme('m3-l3-short', 'M.3', 3, 24),
  programme('m3-l4', 'M.3', 4, 32),
  programme('m8-l3-retired', 'M.8', 3, 20, false),
  programme('sk1-l3', 'SK.1', 3, 20),
];

describe('programmesClosingGap (DOMAIN.md "Competency", Training needs)', () => {
  const cases: { name: string; competencyCode: string; required: number; expected: string[] }[] = [
    { name: 'reaches the required level, closest level then fewest JP first', competencyCode: 'M.3', required: 3, expected: ['m3-l3-short', 'm3-l3-long', 'm3-l4'] },
    { name: 'a lower target level never closes the gap', competencyCode: 'M.3', required: 4, expected: ['m3-l4'] },
    { name: 'inactive programmes are not offered', competencyCode: 'M.8', required: 3, expected: [] },
    { name: 'other competencies are not offered', competencyCode: 'M.1', required: 1, expected: [] },
  ];
  it.each(cases)('$name', ({ competencyCode, required, expected }) => {
    expect(programmesClosingGap({ competencyCode, required }, catalogue).map((p) => p.id)).toEqual(expected);
  });
});

describe('rankTrainingNeeds (ordered by gap size)', () => {
  const gap = (competencyCode: string, required: number, assessed: number): CompetencyGap => ({
    competencyCode,
    required,
    assessed,
    gap: Math.round((assessed - required) * 100) / 100,
  });
  const cases: { name: string; gaps: CompetencyGap[]; expected: [string, number, string | null][] }[] = [
    {
      name: 'largest shortfall first, surplus and zero gaps are not needs',
      gaps: [gap('M.1', 3, 3.5), gap('M.3', 3, 2.5), gap('SK.1', 3, 1.75), gap('M.4', 3, 3)],
      expected: [['SK.1', -1.25, 'sk1-l3'], ['M.3', -0.5, 'm3-l3-short']],
    },
    {
      name: 'equal gaps in dictionary order; a need without a programme stays listed',
      gaps: [gap('M.8', 3, 2), gap('M.3', 3, 2)],
      expected: [['M.3', -1, 'm3-l3-short'], ['M.8', -1, null]],
    },
    { name: 'no negative gap, no need', gaps: [gap('M.1', 1, 4)], expected: [] },
  ];
  it.each(cases)('$name', ({ gaps, expected }) => {
    expect(rankTrainingNeeds(gaps, catalogue).map((need) => [need.competencyCode, need.gap, need.programmes[0]?.id ?? null])).toEqual(expected);
  });
});
