// Reads of SKPs, RHK, indicators and history: plain rows, one statement per batch of keys.
import type { EntityManager } from '@kinerja/kit/db';
import type { BerakhlakBehaviour, IndicatorAspect, RhkKind } from '../domain/skp-plan.ts';
import type { SkpActingAs, SkpHistoryAction, SkpStatus } from '../domain/skp-lifecycle.ts';

export interface SkpRow {
  id: string;
  employeeId: string;
  year: number;
  positionId: string | null;
  unitId: string | null;
  instansiId: string | null;
  regionCode: string;
  raterEmployeeId: string | null;
  raterAdmin: string | null;
  status: SkpStatus;
}

export interface RhkRow {
  id: string;
  skpId: string;
  kind: RhkKind;
  text: string;
  supportsRhkId: string | null;
  goalId: string | null;
}

export interface IndicatorRow {
  id: string;
  rhkId: string;
  text: string;
  aspect: IndicatorAspect;
  target: number;
  unit: string;
  quarterlyTargets: number[] | null;
}

export interface SkpEventRow {
  skpId: string;
  action: SkpHistoryAction;
  fromStatus: SkpStatus | null;
  toStatus: SkpStatus;
  actorUsername: string;
  actorEmployeeId: string | null;
  actingAs: SkpActingAs;
  note: string | null;
  occurredAt: string;
}

export interface BehaviourRow {
  skpId: string;
  behaviour: BerakhlakBehaviour;
  expectation: string;
}

const skpColumns = `s.id, s.employee_id as "employeeId", s.year, s.position_id as "positionId", s.unit_id as "unitId",
  s.instansi_id as "instansiId", s.region_code as "regionCode", s.rater_employee_id as "raterEmployeeId", s.rater_admin as "raterAdmin", s.status`;
const rhkColumns = 'r.id, r.skp_id as "skpId", r.kind, r.text, r.supports_rhk_id as "supportsRhkId", r.goal_id as "goalId"';

export async function findSkps(em: EntityManager, ids: readonly string[]): Promise<SkpRow[]> {
  if (ids.length === 0) return [];
  return em.execute<SkpRow[]>(`select ${skpColumns} from skp s where s.id in (?)`, [ids]);
}

/** Every SKP of the employees, the latest year first, then the latest created. */
export async function findSkpsOfEmployees(em: EntityManager, employeeIds: readonly string[]): Promise<SkpRow[]> {
  if (employeeIds.length === 0) return [];
  return em.execute<SkpRow[]>(`select ${skpColumns} from skp s where s.employee_id in (?) order by s.year desc, s.created_at desc`, [employeeIds]);
}

export async function findSkpsOfYear(em: EntityManager, employeeIds: readonly string[], year: number, status: SkpStatus | null): Promise<SkpRow[]> {
  if (employeeIds.length === 0) return [];
  const statusSql = status === null ? '' : ' and s.status = ?';
  return em.execute<SkpRow[]>(`select ${skpColumns} from skp s where s.employee_id in (?) and s.year = ?${statusSql} order by s.employee_id, s.created_at`, [
    employeeIds,
    year,
    ...(status === null ? [] : [status]),
  ]);
}

export async function findRhk(em: EntityManager, ids: readonly string[]): Promise<RhkRow[]> {
  if (ids.length === 0) return [];
  return em.execute<RhkRow[]>(`select ${rhkColumns} from rhk r where r.id in (?)`, [ids]);
}

export async function findRhkOfSkps(em: EntityManager, skpIds: readonly string[]): Promise<RhkRow[]> {
  if (skpIds.length === 0) return [];
  return em.execute<RhkRow[]>(`select ${rhkColumns} from rhk r where r.skp_id in (?) order by r.sort_order, r.created_at`, [skpIds]);
}

/** The RHK of the employee's APPROVED SKPs of a year (what a subordinate's RHK may support). */
export async function findApprovedRhkOf(em: EntityManager, employeeId: string, year: number): Promise<RhkRow[]> {
  return em.execute<RhkRow[]>(
    `select ${rhkColumns} from rhk r join skp s on s.id = r.skp_id
     where s.employee_id = ? and s.year = ? and s.status = 'APPROVED' order by s.created_at, r.sort_order`,
    [employeeId, year],
  );
}

export async function findIndicators(em: EntityManager, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<(Omit<IndicatorRow, 'target'> & { target: string | number })[]>(
    `select i.id, i.rhk_id as "rhkId", i.text, i.aspect, i.target, i.unit, i.quarterly_targets as "quarterlyTargets" from indicator i where i.id in (?)`,
    [ids],
  );
  return rows.map((row) => ({ ...row, target: Number(row.target) }));
}

export async function findIndicatorsOfRhk(em: EntityManager, rhkIds: readonly string[]): Promise<IndicatorRow[]> {
  if (rhkIds.length === 0) return [];
  const rows = await em.execute<(Omit<IndicatorRow, 'target'> & { target: string | number })[]>(
    `select i.id, i.rhk_id as "rhkId", i.text, i.aspect, i.target, i.unit, i.quarterly_targets as "quarterlyTargets"
     from indicator i where i.rhk_id in (?) order by i.sort_order`,
    [rhkIds],
  );
  return rows.map((row) => ({ ...row, target: Number(row.target) }));
}

export async function findHistoryOfSkps(em: EntityManager, skpIds: readonly string[]): Promise<SkpEventRow[]> {
  if (skpIds.length === 0) return [];
  const rows = await em.execute<(Omit<SkpEventRow, 'occurredAt'> & { occurredAt: Date | string })[]>(
    `select e.skp_id as "skpId", e.action, e.from_status as "fromStatus", e.to_status as "toStatus", e.actor_username as "actorUsername",
       e.actor_employee_id as "actorEmployeeId", e.acting_as as "actingAs", e.note, e.occurred_at as "occurredAt"
     from skp_event e where e.skp_id in (?) order by e.occurred_at, e.id`,
    [skpIds],
  );
  return rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString() }));
}

export async function findBehavioursOfSkps(em: EntityManager, skpIds: readonly string[]): Promise<BehaviourRow[]> {
  if (skpIds.length === 0) return [];
  return em.execute<BehaviourRow[]>(`select b.skp_id as "skpId", b.behaviour, b.expectation from behaviour_expectation b where b.skp_id in (?)`, [skpIds]);
}

/** How many RHK of other SKPs support each of these RHK (an RHK others cascade from cannot be removed). */
export async function countSupporters(em: EntityManager, rhkId: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>('select count(*)::int as n from rhk where supports_rhk_id = ?', [rhkId]);
  return row?.n ?? 0;
}

/** RHK kind, indicator count and links of one SKP, for the submit check. */
export async function plannedRhkOf(em: EntityManager, skpId: string): Promise<{ kind: RhkKind; indicatorCount: number; supportsRhkId: string | null; goalId: string | null }[]> {
  return em.execute(
    `select r.kind, (select count(*)::int from indicator i where i.rhk_id = r.id) as "indicatorCount",
       r.supports_rhk_id as "supportsRhkId", r.goal_id as "goalId"
     from rhk r where r.skp_id = ?`,
    [skpId],
  );
}

/** Row-locks the SKP for the rest of the transaction, so two transitions of one SKP run one after the other. */
export async function lockSkp(em: EntityManager, id: string): Promise<SkpRow | null> {
  const [row] = await em.execute<SkpRow[]>(`select ${skpColumns} from skp s where s.id = ? for update`, [id]);
  return row ?? null;
}

/**
 * SKPs of a year whose employee has no supervisor in the read model (the top of the chain, which an
 * admin-kepegawaian approves and rates), in a region scope; at most `limit`, by region and employee.
 */
export async function findTopOfChainSkps(em: EntityManager, region: { sql: string; params: unknown[] }, year: number, status: SkpStatus | null, limit: number): Promise<SkpRow[]> {
  const statusSql = status === null ? '' : ' and s.status = ?';
  return em.execute<SkpRow[]>(
    `select ${skpColumns} from skp s join employee e on e.employee_id = s.employee_id
     where e.supervisor_id is null and s.year = ? and ${region.sql}${statusSql} order by s.region_code, s.employee_id limit ?`,
    [year, ...region.params, ...(status === null ? [] : [status]), limit],
  );
}
