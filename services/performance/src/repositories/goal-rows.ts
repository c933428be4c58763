// Reads of the organisation's goals and of what the cascade tree of a unit needs (one statement each).
import type { EntityManager } from '@kinerja/kit/db';
import type { CascadeRhk } from '../domain/cascade.ts';

export interface GoalRow {
  id: string;
  unitId: string;
  year: number;
  text: string;
  indicator: string;
  target: number | null;
  targetUnit: string | null;
}

const goalColumns = 'g.id, g.unit_id as "unitId", g.year, g.text, g.indicator, g.target, g.target_unit as "targetUnit"';

type RawGoal = Omit<GoalRow, 'target'> & { target: string | number | null };

function toGoal(row: RawGoal): GoalRow {
  return { ...row, target: row.target === null ? null : Number(row.target) };
}

export async function findGoals(em: EntityManager, ids: readonly string[]): Promise<GoalRow[]> {
  if (ids.length === 0) return [];
  return (await em.execute<RawGoal[]>(`select ${goalColumns} from org_goal g where g.id in (?)`, [ids])).map(toGoal);
}

export async function findGoalsOfUnits(em: EntityManager, unitIds: readonly string[], year: number): Promise<GoalRow[]> {
  if (unitIds.length === 0) return [];
  return (await em.execute<RawGoal[]>(`select ${goalColumns} from org_goal g where g.unit_id in (?) and g.year = ? order by g.created_at, g.id`, [unitIds, year])).map(toGoal);
}

/** Active employees of several units' subtrees, in one statement. */
export async function employeeIdsInUnits(em: EntityManager, unitIds: readonly string[]): Promise<{ unitId: string; employeeId: string }[]> {
  if (unitIds.length === 0) return [];
  return em.execute<{ unitId: string; employeeId: string }[]>(
    `select u.unit_id as "unitId", e.employee_id as "employeeId" from unnest(array[?]::text[]) as u(unit_id)
     join employee e on e.status = 'ACTIVE' and (e.unit_id = u.unit_id or u.unit_id = any(e.unit_path)) order by u.unit_id, e.employee_id`,
    [[...unitIds]],
  );
}

/** RHK of the APPROVED SKPs of a year of the given employees. */
export async function approvedRhkOfEmployees(em: EntityManager, employeeIds: readonly string[], year: number): Promise<CascadeRhk[]> {
  if (employeeIds.length === 0) return [];
  return em.execute<CascadeRhk[]>(
    `select r.id, s.employee_id as "employeeId", r.supports_rhk_id as "supportsRhkId", r.goal_id as "goalId"
     from rhk r join skp s on s.id = r.skp_id where s.employee_id in (?) and s.year = ? and s.status = 'APPROVED'`,
    [employeeIds, year],
  );
}

/** Employees heading the unit: in the unit, with no supervisor or one outside it. */
export async function unitHeadIds(em: EntityManager, unitId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select e.employee_id as id from employee e left join employee s on s.employee_id = e.supervisor_id
     where e.unit_id = ? and e.status = 'ACTIVE' and (s.employee_id is null or s.unit_id is distinct from e.unit_id)`,
    [unitId],
  );
  return rows.map((row) => row.id);
}
