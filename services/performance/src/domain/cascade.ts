// The cascade from the organisation's goals down to every RHK (SAKIP: Renstra → Perjanjian Kinerja →
// sasaran; PermenPANRB 6/2022 intervensi; DOMAIN.md "Performance"): a unit head's RHK support the goals
// the unit (or a unit above it) recorded for the year; everyone else's RHK support their supervisor's.
import type { Problem } from './skp-plan.ts';

export const MAX_GOAL_TEXT = 1000;
export const MAX_GOALS_PER_UNIT_YEAR = 50;

export interface GoalInput {
  text: string;
  indicator: string;
  target: number | null;
  unit: string | null;
}

export function goalProblems(input: GoalInput): Problem[] {
  const problems: Problem[] = [];
  const text = input.text.trim();
  const indicator = input.indicator.trim();
  if (text.length < 3 || text.length > MAX_GOAL_TEXT) problems.push({ reason: 'invalid_goal_text', message: `Rumusan sasaran harus 3–${MAX_GOAL_TEXT} karakter` });
  if (indicator.length < 3 || indicator.length > MAX_GOAL_TEXT) problems.push({ reason: 'invalid_goal_indicator', message: `Indikator kinerja utama harus 3–${MAX_GOAL_TEXT} karakter` });
  if (input.target !== null && (!Number.isFinite(input.target) || input.target <= 0)) problems.push({ reason: 'invalid_goal_target', message: 'Target sasaran harus lebih dari 0' });
  if ((input.target === null) !== (input.unit === null || input.unit.trim() === '')) problems.push({ reason: 'invalid_goal_unit', message: 'Target dan satuannya diisi bersama' });
  return problems;
}

/** An RHK may support a goal of the owner's own unit or a unit above it, of the SKP's year. */
export function goalLinkProblem(owner: { unitPath: readonly string[]; unitId: string | null; year: number }, goal: { unitId: string; year: number }): Problem | null {
  if (goal.unitId !== owner.unitId && !owner.unitPath.includes(goal.unitId)) {
    return { reason: 'goal_outside_unit', message: 'Sasaran organisasi harus milik unit pegawai atau unit di atasnya' };
  }
  if (goal.year !== owner.year) return { reason: 'goal_other_year', message: `Sasaran organisasi harus untuk tahun ${owner.year}` };
  return null;
}

export interface CascadeRhk {
  id: string;
  employeeId: string;
  supportsRhkId: string | null;
  goalId: string | null;
}

export interface CascadeNode {
  rhkId: string;
  employeeId: string;
  goalId: string;
  parentRhkId: string | null;
  depth: number;
}

/**
 * Walks from the goals down the supports links (breadth first, each RHK once), giving every RHK reachable
 * from a goal with its depth (1 = supports the goal directly).
 */
export function cascadeTree(goalIds: readonly string[], rhk: readonly CascadeRhk[]): CascadeNode[] {
  const goals = new Set(goalIds);
  const children = new Map<string, CascadeRhk[]>();
  for (const r of rhk) if (r.supportsRhkId !== null) children.set(r.supportsRhkId, [...(children.get(r.supportsRhkId) ?? []), r]);
  const nodes: CascadeNode[] = [];
  const seen = new Set<string>();
  let frontier: CascadeNode[] = rhk
    .filter((r) => r.goalId !== null && goals.has(r.goalId))
    .map((r) => ({ rhkId: r.id, employeeId: r.employeeId, goalId: r.goalId!, parentRhkId: null, depth: 1 }));
  while (frontier.length > 0) {
    const next: CascadeNode[] = [];
    for (const node of frontier) {
      if (seen.has(node.rhkId)) continue;
      seen.add(node.rhkId);
      nodes.push(node);
      for (const child of children.get(node.rhkId) ?? []) next.push({ rhkId: child.id, employeeId: child.employeeId, goalId: node.goalId, parentRhkId: node.rhkId, depth: node.depth + 1 });
    }
    frontier = next;
  }
  return nodes;
}

/** Share of the unit's employees whose approved SKP links into the tree. */
export function coverage(employeeIds: readonly string[], nodes: readonly CascadeNode[]): { employees: number; aligned: number; share: number; notAligned: string[] } {
  const aligned = new Set(nodes.map((n) => n.employeeId));
  const notAligned = employeeIds.filter((id) => !aligned.has(id));
  const count = employeeIds.length - notAligned.length;
  return { employees: employeeIds.length, aligned: count, share: employeeIds.length === 0 ? 0 : count / employeeIds.length, notAligned };
}
