// Recording an organisation goal of a year: an admin-kepegawaian of the unit's region or the unit's head.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict } from '@kinerja/kit/errors';
import { goalProblems, MAX_GOALS_PER_UNIT_YEAR, type GoalInput } from '../domain/cascade.ts';
import { yearProblem } from '../domain/skp-plan.ts';
import { todayWib } from '../domain/periods.ts';
import { OrgGoal } from '../entities/index.ts';
import { findGoalsOfUnits } from '../repositories/goal-rows.ts';
import { actorOf, assertUnitHeadOrAdmin } from './command-input.ts';

export async function recordOrgGoal(em: EntityManager, viewer: Viewer, unitId: string, year: number, input: GoalInput): Promise<string> {
  const unit = unitId.trim();
  const problem = yearProblem(year, Number(todayWib().slice(0, 4)));
  if (problem !== null) throw badUserInput(problem.message, problem.reason, { field: 'year' });
  const problems = goalProblems(input);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  return em.transactional(async (tx) => {
    await assertUnitHeadOrAdmin(tx, viewer, unit, 'Sasaran organisasi dicatat oleh admin-kepegawaian wilayahnya atau kepala unit');
    if ((await findGoalsOfUnits(tx, [unit], year)).length >= MAX_GOALS_PER_UNIT_YEAR) {
      throw conflict(`Satu unit paling banyak ${MAX_GOALS_PER_UNIT_YEAR} sasaran per tahun`, 'too_many_goals');
    }
    const id = randomUUID();
    tx.create(OrgGoal, {
      id,
      unitId: unit,
      year,
      text: input.text.trim(),
      indicator: input.indicator.trim(),
      target: input.target,
      targetUnit: input.unit?.trim() || null,
      createdBy: actorOf(viewer),
    });
    return id;
  });
}
