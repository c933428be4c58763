// Per-request DataLoaders, one function per loader (as personnel's): every list of N employees, regions
// or assessments costs O(1) statements (DESIGN.md "Federation").
import type DataLoader from 'dataloader';
import { todayIso } from '@kinerja/kit/dates';
import { byKeys, groupByKeys } from '@kinerja/kit/loaders';
import { employeeAccess } from '@kinerja/kit/scoping';
import { selectEffectiveAssessment } from '../domain/assessment-lifecycle.ts';
import { deriveProfile, type DerivedProfile } from '../domain/profile.ts';
import { findAssessments, findAssessmentsOfEmployees, findScores, findSeries, type AssessmentRecord, type ScoreRecord } from '../repositories/assessment-rows.ts';
import { findEmployees, findOrgUnitRegions, findVisibleEmployeeIds, type EmployeeRecord } from '../repositories/employee-rows.ts';
import { loadSummaries, type SummaryRecord } from '../repositories/gap-summary-rows.ts';
import { findProgrammes, listProgrammes, type ProgrammeRecord } from '../repositories/programme-rows.ts';
import { loadMappingRules, loadStandardCandidates } from '../repositories/standard-rows.ts';
import type { Context } from './context.ts';

export function employeeById(ctx: Context): DataLoader<string, EmployeeRecord | null> {
  return ctx.loaders.get('employeeById', async (ids: readonly string[]) => byKeys(ids, await findEmployees(ctx.em, ids), (row) => row.employeeId));
}

/** Whether the viewer may see the employee: the kit's one rule (region, self, the whole chain below an atasan) in SQL on the read model. */
export function employeeVisible(ctx: Context): DataLoader<string, boolean> {
  return ctx.loaders.get('employeeVisible', async (ids: readonly string[]) => {
    const visible = new Set(await findVisibleEmployeeIds(ctx.em, employeeAccess(ctx.viewer), ids));
    return ids.map((id) => visible.has(id));
  });
}

export function assessmentById(ctx: Context): DataLoader<string, AssessmentRecord | null> {
  return ctx.loaders.get('assessmentById', async (ids: readonly string[]) => byKeys(ids, await findAssessments(ctx.em, ids), (row) => row.id));
}

export function assessmentsOfEmployee(ctx: Context): DataLoader<string, AssessmentRecord[]> {
  return ctx.loaders.get('assessmentsOfEmployee', async (ids: readonly string[]) =>
    groupByKeys(ids, await findAssessmentsOfEmployees(ctx.em, ids), (row) => row.employeeId),
  );
}

export function assessmentSeries(ctx: Context): DataLoader<string, AssessmentRecord[]> {
  return ctx.loaders.get('assessmentSeries', async (seriesIds: readonly string[]) => Promise.all(seriesIds.map((id) => findSeries(ctx.em, id))));
}

export function scoresOfAssessment(ctx: Context): DataLoader<string, ScoreRecord[]> {
  return ctx.loaders.get('scoresOfAssessment', async (ids: readonly string[]) => groupByKeys(ids, await findScores(ctx.em, ids), (row) => row.assessmentId));
}

export function programmeById(ctx: Context): DataLoader<string, ProgrammeRecord | null> {
  return ctx.loaders.get('programmeById', async (ids: readonly string[]) => byKeys(ids, await findProgrammes(ctx.em, ids), (row) => row.id));
}

/** The active catalogue is small (hundreds of rows) and every profile's needs read it: load it once per request. */
export function activeCatalogue(ctx: Context): DataLoader<'active', ProgrammeRecord[]> {
  return ctx.loaders.get('activeCatalogue', async (keys: readonly 'active'[]) => {
    const all = await listProgrammes(ctx.em);
    return keys.map(() => all);
  });
}

export function regionSummaries(ctx: Context): DataLoader<string, SummaryRecord[]> {
  return ctx.loaders.get('regionSummaries', async (codes: readonly string[]) => groupByKeys(codes, await loadSummaries(ctx.em, 'REGION', codes), (row) => row.scopeKey));
}

export function unitSummaries(ctx: Context): DataLoader<string, SummaryRecord[]> {
  return ctx.loaders.get('unitSummaries', async (ids: readonly string[]) => groupByKeys(ids, await loadSummaries(ctx.em, 'UNIT', ids), (row) => row.scopeKey));
}

export function unitRegion(ctx: Context): DataLoader<string, string | null> {
  return ctx.loaders.get('unitRegion', async (ids: readonly string[]) => {
    const regions = await findOrgUnitRegions(ctx.em, ids);
    return ids.map((id) => regions.get(id) ?? null);
  });
}

/** Each employee's derived profile (standard, effective assessment, gaps, JPM, category), batched. */
export function profileOf(ctx: Context): DataLoader<string, DerivedProfile | null> {
  return ctx.loaders.get('profileOf', async (ids: readonly string[]) => {
    const employees = (await employeeById(ctx).loadMany(ids)).filter((e): e is EmployeeRecord => e !== null && !(e instanceof Error));
    const [standards, assessments, rules] = await Promise.all([
      loadStandardCandidates(ctx.em, employees),
      findAssessmentsOfEmployees(ctx.em, employees.map((e) => e.employeeId), true),
      loadMappingRules(ctx.em),
    ]);
    const effectiveIds = employees
      .map((e) => selectEffectiveAssessment(assessments.filter((a) => a.employeeId === e.employeeId))?.id)
      .filter((id): id is string => id !== undefined);
    const scoresByAssessment = new Map<string, Record<string, number>>();
    for (const score of await findScores(ctx.em, effectiveIds)) {
      const entry = scoresByAssessment.get(score.assessmentId) ?? {};
      entry[score.competencyCode] = score.score;
      scoresByAssessment.set(score.assessmentId, entry);
    }
    const onDate = todayIso();
    const byId = new Map(employees.map((e) => [e.employeeId, deriveProfile({ employee: e, standards, assessments, scoresByAssessment, rules, onDate })]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
