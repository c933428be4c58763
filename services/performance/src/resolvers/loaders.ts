// Per-request DataLoaders: every reference and nested list is one SQL statement per batch, however many
// parents ask (DESIGN.md "Federation").
import type DataLoader from 'dataloader';
import { byKeys, groupByKeys } from '@kinerja/kit/loaders';
import type { ConfigurationKind, ConfigurationKinds } from '../domain/configuration-kinds.ts';
import type { PredikatCounts } from '../domain/distribution-limits.ts';
import { findFinalisationsOfUnits, summaryCounts, unitHeadEvaluations, type FinalisationRow } from '../repositories/calibration-rows.ts';
import type { EvaluationRow } from '../repositories/evaluation-rows.ts';
import { findConfigurationVersions, inForce } from '../repositories/configuration-rows.ts';
import { findEmployeeByNip, findEmployees, regionsOfUnits, visibleEmployeeIds, type EmployeeRow } from '../repositories/employee-rows.ts';
import type { CascadeRhk } from '../domain/cascade.ts';
import { approvedRhkOfEmployees, employeeIdsInUnits, findGoalsOfUnits, type GoalRow } from '../repositories/goal-rows.ts';
import { findFeedbackCodesOfUnits, unitsSatisfaction, type FeedbackCodeRow } from '../repositories/public-feedback-rows.ts';
import { findPotentials, talentPairsOfRegions, talentPairsOfUnits, type PairCount, type PotentialRow } from '../repositories/talent-rows.ts';
import {
  findBehavioursOfSkps,
  findHistoryOfSkps,
  findIndicatorsOfRhk,
  findRhk,
  findRhkOfSkps,
  findSkps,
  findSkpsOfEmployees,
  type BehaviourRow,
  type IndicatorRow,
  type RhkRow,
  type SkpEventRow,
  type SkpRow,
} from '../repositories/skp-rows.ts';
import type { PerformanceContext } from './context.ts';

export function employeeById(ctx: PerformanceContext): DataLoader<string, EmployeeRow | null> {
  return ctx.loaders.get('employeeById', async (ids: readonly string[]) => byKeys(ids, await findEmployees(ctx.em, ids), (row) => row.employeeId));
}

/** Whether the viewer may see the employee's performance records (one statement per batch). */
export function employeeVisible(ctx: PerformanceContext): DataLoader<string, boolean> {
  return ctx.loaders.get('employeeVisible', async (ids: readonly string[]) => {
    const visible = await visibleEmployeeIds(ctx.em, ctx.viewer, ids);
    return ids.map((id) => visible.has(id));
  });
}

/** The caller's own record (by the token's NIP), or null. */
export function viewerSelf(ctx: PerformanceContext): DataLoader<string, EmployeeRow | null> {
  return ctx.loaders.get('viewerSelf', async (nips: readonly string[]) => Promise.all(nips.map((nip) => findEmployeeByNip(ctx.em, nip))));
}

export function skpById(ctx: PerformanceContext): DataLoader<string, SkpRow | null> {
  return ctx.loaders.get('skpById', async (ids: readonly string[]) => byKeys(ids, await findSkps(ctx.em, ids), (row) => row.id));
}

export function skpsOfEmployee(ctx: PerformanceContext): DataLoader<string, SkpRow[]> {
  return ctx.loaders.get('skpsOfEmployee', async (ids: readonly string[]) => groupByKeys(ids, await findSkpsOfEmployees(ctx.em, ids), (row) => row.employeeId));
}

export function rhkById(ctx: PerformanceContext): DataLoader<string, RhkRow | null> {
  return ctx.loaders.get('rhkById', async (ids: readonly string[]) => byKeys(ids, await findRhk(ctx.em, ids), (row) => row.id));
}

export function rhkOfSkp(ctx: PerformanceContext): DataLoader<string, RhkRow[]> {
  return ctx.loaders.get('rhkOfSkp', async (ids: readonly string[]) => groupByKeys(ids, await findRhkOfSkps(ctx.em, ids), (row) => row.skpId));
}

export function indicatorsOfRhk(ctx: PerformanceContext): DataLoader<string, IndicatorRow[]> {
  return ctx.loaders.get('indicatorsOfRhk', async (ids: readonly string[]) => groupByKeys(ids, await findIndicatorsOfRhk(ctx.em, ids), (row) => row.rhkId));
}

export function historyOfSkp(ctx: PerformanceContext): DataLoader<string, SkpEventRow[]> {
  return ctx.loaders.get('historyOfSkp', async (ids: readonly string[]) => groupByKeys(ids, await findHistoryOfSkps(ctx.em, ids), (row) => row.skpId));
}

export function behavioursOfSkp(ctx: PerformanceContext): DataLoader<string, BehaviourRow[]> {
  return ctx.loaders.get('behavioursOfSkp', async (ids: readonly string[]) => groupByKeys(ids, await findBehavioursOfSkps(ctx.em, ids), (row) => row.skpId));
}

/** The regions of the employees in a unit's subtree (who may see the unit's figures), every unit of a request at once. */
export function regionsOfUnit(ctx: PerformanceContext): DataLoader<string, string[]> {
  return ctx.loaders.get('regionsOfUnit', async (ids: readonly string[]) =>
    groupByKeys(ids, await regionsOfUnits(ctx.em, ids), (row) => row.unitId).map((rows) => rows.map((row) => row.region)),
  );
}

/** Maintained predikat counts of regions or units for one year and period (a dashboard's 38 or 514 regions in one read). */
export function predikatCounts(ctx: PerformanceContext, scope: 'REGION' | 'UNIT', year: number, period: string): DataLoader<string, PredikatCounts> {
  return ctx.loaders.get(`predikatCounts:${scope}:${year}:${period}`, async (keys: readonly string[]) => {
    const counts = await summaryCounts(ctx.em, scope, keys, year, period);
    return keys.map((key) => counts.get(key)!);
  });
}

/** The unit head's evaluation of a period (the unit's predikat), every unit of a request at once. */
export function unitHead(ctx: PerformanceContext, year: number, period: string): DataLoader<string, EvaluationRow | null> {
  return ctx.loaders.get(`unitHead:${year}:${period}`, async (ids: readonly string[]) => {
    const heads = await unitHeadEvaluations(ctx.em, ids, year, period);
    return ids.map((id) => heads.get(id) ?? null);
  });
}

export function finalisationsOfUnit(ctx: PerformanceContext, year: number, period: string): DataLoader<string, FinalisationRow[]> {
  return ctx.loaders.get(`finalisationsOfUnit:${year}:${period}`, async (ids: readonly string[]) =>
    groupByKeys(ids, await findFinalisationsOfUnits(ctx.em, ids, year, period), (row) => row.unitId),
  );
}

/** A unit's goals of a year. */
export function goalsOfUnit(ctx: PerformanceContext, year: number): DataLoader<string, GoalRow[]> {
  return ctx.loaders.get(`goalsOfUnit:${year}`, async (ids: readonly string[]) => groupByKeys(ids, await findGoalsOfUnits(ctx.em, ids, year), (row) => row.unitId));
}

export function potentialOf(ctx: PerformanceContext): DataLoader<string, PotentialRow | null> {
  return ctx.loaders.get('potentialOf', async (ids: readonly string[]) => byKeys(ids, await findPotentials(ctx.em, ids), (row) => row.employeeId));
}

/** The versions of `kind` an instansi's rules come from (the national default's and its own), every instansi of a request at once; '' is none. */
export function configurationVersionsOf<K extends ConfigurationKind>(ctx: PerformanceContext, kind: K): DataLoader<string, ConfigurationKinds[K][]> {
  return ctx.loaders.get(`configurationVersions:${kind}`, async (instansiIds: readonly string[]) => {
    const versions = await findConfigurationVersions(ctx.em, kind, instansiIds.map((id) => id || null));
    return instansiIds.map((id) => versions.filter((v) => v.instansiId === null || v.instansiId === id));
  });
}

/** Active employees of a unit's subtree (the cascade's coverage). */
export function employeesOfUnit(ctx: PerformanceContext): DataLoader<string, string[]> {
  return ctx.loaders.get('employeesOfUnit', async (ids: readonly string[]) =>
    groupByKeys(ids, await employeeIdsInUnits(ctx.em, ids), (row) => row.unitId).map((rows) => rows.map((row) => row.employeeId)),
  );
}

/** RHK of an employee's APPROVED SKPs of a year. */
export function approvedRhkOf(ctx: PerformanceContext, year: number): DataLoader<string, CascadeRhk[]> {
  return ctx.loaders.get(`approvedRhkOf:${year}`, async (ids: readonly string[]) => groupByKeys(ids, await approvedRhkOfEmployees(ctx.em, ids, year), (row) => row.employeeId));
}

export function feedbackCodesOfUnit(ctx: PerformanceContext): DataLoader<string, FeedbackCodeRow[]> {
  return ctx.loaders.get('feedbackCodesOfUnit', async (ids: readonly string[]) => groupByKeys(ids, await findFeedbackCodesOfUnits(ctx.em, ids), (row) => row.unitId));
}

export function satisfactionOfUnit(ctx: PerformanceContext, month: string): DataLoader<string, { responses: number; sum: number }> {
  return ctx.loaders.get(`satisfactionOfUnit:${month}`, async (ids: readonly string[]) => {
    const found = await unitsSatisfaction(ctx.em, ids, month);
    return ids.map((id) => found.get(id) ?? { responses: 0, sum: 0 });
  });
}

/** (annual predikat, potential category) counts of a unit's subtree or a region, every one of a request at once. */
export function talentPairsOf(ctx: PerformanceContext, scope: 'UNIT' | 'REGION', year: number): DataLoader<string, PairCount[]> {
  return ctx.loaders.get(`talentPairs:${scope}:${year}`, async (keys: readonly string[]) =>
    groupByKeys(keys, await (scope === 'UNIT' ? talentPairsOfUnits : talentPairsOfRegions)(ctx.em, keys, year), (row) => row.key),
  );
}

/** configurationInForce through the request's loader: the instansi of a whole batch in one read. */
export async function configurationInForceOf<K extends ConfigurationKind>(ctx: PerformanceContext, kind: K, instansiId: string | null, onDate: string): Promise<ConfigurationKinds[K]> {
  return inForce(kind, await configurationVersionsOf(ctx, kind).load(instansiId ?? ''), instansiId, onDate);
}

/** The row a foreign key points at: a miss is a server fault. */
export async function referenced<Row>(row: Promise<Row | null>, what: string, key: string): Promise<Row> {
  const found = await row;
  if (found === null) throw new Error(`${what} ${key} is referenced but not found`);
  return found;
}
