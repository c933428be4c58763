// Organisation goals and the cascade tree of a unit (issue 10 "Organisation goals and the cascade").
import { byKeys } from '@kinerja/kit/loaders';
import type DataLoader from 'dataloader';
import { cascadeTree, coverage, type CascadeNode as DomainCascadeNode } from '../domain/cascade.ts';
import type { CascadeNodeResolvers, OrgGoalResolvers, PerformanceCascadeResolvers } from '../generated/resolvers-types.ts';
import { findGoals, type GoalRow } from '../repositories/goal-rows.ts';
import type { PerformanceContext } from './context.ts';
import { approvedRhkOf, employeesOfUnit, goalsOfUnit, referenced, rhkById } from './loaders.ts';

export interface CascadeParent {
  year: number;
  goals: GoalRow[];
  nodes: DomainCascadeNode[];
  employees: number;
  aligned: number;
  coverage: number;
  notAligned: string[];
}

export function goalById(ctx: PerformanceContext): DataLoader<string, GoalRow | null> {
  return ctx.loaders.get('goalById', async (ids: readonly string[]) => byKeys(ids, await findGoals(ctx.em, ids), (row) => row.id));
}

export async function cascadeOf(ctx: PerformanceContext, unitId: string, year: number): Promise<CascadeParent> {
  const [goals, employeeIds] = await Promise.all([goalsOfUnit(ctx, year).load(unitId), employeesOfUnit(ctx).load(unitId)]);
  for (const goal of goals) goalById(ctx).prime(goal.id, goal);
  const nodes = cascadeTree(
    goals.map((g) => g.id),
    (await Promise.all(employeeIds.map((id) => approvedRhkOf(ctx, year).load(id)))).flat(),
  );
  const { employees, aligned, share, notAligned } = coverage(employeeIds, nodes);
  return { year, goals, nodes, employees, aligned, coverage: share, notAligned };
}

export const OrgGoal: OrgGoalResolvers<PerformanceContext> = {
  unit: (goal) => ({ id: goal.unitId }),
};

export const PerformanceCascade: PerformanceCascadeResolvers<PerformanceContext> = {
  notAligned: (cascade) => cascade.notAligned.map((id) => ({ id })),
};

export const CascadeNode: CascadeNodeResolvers<PerformanceContext> = {
  rhk: (node, _, ctx) => referenced(rhkById(ctx).load(node.rhkId), 'rhk', node.rhkId),
  employee: (node) => ({ id: node.employeeId }),
  goal: (node, _, ctx) => referenced(goalById(ctx).load(node.goalId), 'goal', node.goalId),
  parent: (node, _, ctx) => (node.parentRhkId === null ? null : rhkById(ctx).load(node.parentRhkId)),
};
