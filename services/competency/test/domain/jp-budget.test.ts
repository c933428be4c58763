// DOMAIN.md "Competency": training units want how many people need which competency, the programmes that
// close it, and the JP budget it implies.
import { describe, expect, it } from 'vitest';
import { totalJpBudget } from '../../src/domain/jp-budget.ts';

describe('totalJpBudget', () => {
  const cases = [
    { name: 'nothing needed', needs: [], people: 0, count: 0, totalJp: 0, uncovered: 0 },
    {
      name: 'people counted once, JP per need',
      needs: [
        { employeeId: 'a', competencyCode: 'M.3', suggestedHoursJp: 24 },
        { employeeId: 'a', competencyCode: 'SK.1', suggestedHoursJp: 20 },
        { employeeId: 'b', competencyCode: 'M.3', suggestedHoursJp: 24 },
      ],
      people: 2,
      count: 3,
      totalJp: 68,
      uncovered: 0,
    },
    {
      name: 'a need without programme adds no JP but is counted',
      needs: [
        { employeeId: 'a', competencyCode: 'M.8', suggestedHoursJp: null },
        { employeeId: 'b', competencyCode: 'M.3', suggestedHoursJp: 16 },
      ],
      people: 2,
      count: 2,
      totalJp: 16,
      uncovered: 1,
    },
  ];
  it.each(cases)('$name', ({ needs, people, count, totalJp, uncovered }) => {
    const budget = totalJpBudget(needs);
    expect([budget.people, budget.needs, budget.totalJp, budget.needsWithoutProgramme]).toEqual([people, count, totalJp, uncovered]);
  });

  it('breaks the budget down per competency', () => {
    const budget = totalJpBudget([
      { employeeId: 'a', competencyCode: 'M.3', suggestedHoursJp: 24 },
      { employeeId: 'b', competencyCode: 'M.3', suggestedHoursJp: 24 },
      { employeeId: 'a', competencyCode: 'SK.1', suggestedHoursJp: 20 },
    ]);
    expect(budget.byCompetency).toEqual([
      { competencyCode: 'M.3', people: 2, totalJp: 48 },
      { competencyCode: 'SK.1', people: 1, totalJp: 20 },
    ]);
  });
});
