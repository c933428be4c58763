// The request context the kit's server builds, plus this service's batched loaders.
import { byKeys, groupByKeys, type RequestContext } from '@kinerja/kit';
import { selectEffectiveAssessment } from '../domain/assessment-lifecycle.ts';
import { deriveProfile, type DerivedProfile } from '../derived/employee-derivation.ts';
import { findAssessments, findAssessmentsOfEmployees, findScores, findSeries, type AssessmentRecord, type ScoreRecord } from '../store/assessment-store.ts';
import { findEmployeeByNip, findEmployees, findOrgUnitRegions, type EmployeeRecord } from '../store/employee-store.ts';
import { loadSummaries, type SummaryRecord } from '../store/gap-summary-store.ts';
import { findProgrammes, listProgrammes, type ProgrammeRecord } from '../store/programme-store.ts';
import { todayIso } from '../store/sql.ts';
import { findStandards, loadMappingRules, loadStandardCandidates } from '../store/standard-store.ts';
import type { StandardCandidate } from '../domain/standards.ts';

export type Context = RequestContext;

/** Per-request loaders: every list of N employees, regions or assessments costs O(1) statements. */
export function loadersOf(ctx: Context) {
  const { em, loaders } = ctx;
  const employee = loaders.get<string, EmployeeRecord | null>('employee', async (ids) =>
    byKeys(ids, await findEmployees(em, ids), (row) => row.employeeId),
  );
  const viewerSelf = loaders.get<string, EmployeeRecord | null>('employeeByNip', async (nips) =>
    Promise.all(nips.map((nip) => findEmployeeByNip(em, nip))),
  );
  const assessment = loaders.get<string, AssessmentRecord | null>('assessment', async (ids) =>
    byKeys(ids, await findAssessments(em, ids), (row) => row.id),
  );
  const assessmentsOfEmployee = loaders.get<string, AssessmentRecord[]>('assessmentsOfEmployee', async (ids) =>
    groupByKeys(ids, await findAssessmentsOfEmployees(em, ids), (row) => row.employeeId),
  );
  const series = loaders.get<string, AssessmentRecord[]>('series', async (seriesIds) =>
    Promise.all(seriesIds.map((id) => findSeries(em, id))),
  );
  const scores = loaders.get<string, ScoreRecord[]>('scores', async (ids) =>
    groupByKeys(ids, await findScores(em, ids), (row) => row.assessmentId),
  );
  const standard = loaders.get<string, StandardCandidate | null>('standard', async (ids) =>
    byKeys(ids, await findStandards(em, ids), (row) => row.id),
  );
  const programme = loaders.get<string, ProgrammeRecord | null>('programme', async (ids) =>
    byKeys(ids, await findProgrammes(em, ids), (row) => row.id),
  );
  // The active catalogue is small (hundreds of rows) and every profile's needs read it: load it once.
  const catalogue = loaders.get<'active', ProgrammeRecord[]>('catalogue', async (keys) => {
    const all = await listProgrammes(em);
    return keys.map(() => all);
  });
  const regionSummaries = loaders.get<string, SummaryRecord[]>('regionSummaries', async (codes) =>
    groupByKeys(codes, await loadSummaries(em, 'REGION', codes), (row) => row.scopeKey),
  );
  const unitSummaries = loaders.get<string, SummaryRecord[]>('unitSummaries', async (ids) =>
    groupByKeys(ids, await loadSummaries(em, 'UNIT', ids), (row) => row.scopeKey),
  );
  const unitRegion = loaders.get<string, string | null>('unitRegion', async (ids) => {
    const regions = await findOrgUnitRegions(em, ids);
    return ids.map((id) => regions.get(id) ?? null);
  });
  const profile = loaders.get<string, DerivedProfile | null>('profile', async (ids) => {
    const employees = (await employee.loadMany(ids)).filter((e): e is EmployeeRecord => e !== null && !(e instanceof Error));
    const [standards, assessments, rules] = await Promise.all([
      loadStandardCandidates(em, employees),
      findAssessmentsOfEmployees(em, employees.map((e) => e.employeeId), true),
      loadMappingRules(em),
    ]);
    const effectiveIds = employees
      .map((e) => selectEffectiveAssessment(assessments.filter((a) => a.employeeId === e.employeeId))?.id)
      .filter((id): id is string => id !== undefined);
    const scoresByAssessment = new Map<string, Record<string, number>>();
    for (const score of await findScores(em, effectiveIds)) {
      const entry = scoresByAssessment.get(score.assessmentId) ?? {};
      entry[score.competencyCode] = score.score;
      scoresByAssessment.set(score.assessmentId, entry);
    }
    const onDate = todayIso();
    const byId = new Map(employees.map((e) => [e.employeeId, deriveProfile({ employee: e, standards, assessments, scoresByAssessment, rules, onDate })]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { employee, viewerSelf, assessment, assessmentsOfEmployee, series, scores, standard, programme, catalogue, regionSummaries, unitSummaries, unitRegion, profile };
}

export async function viewerSelfOf(ctx: Context): Promise<EmployeeRecord | null> {
  return ctx.viewer.nip === null ? null : loadersOf(ctx).viewerSelf.load(ctx.viewer.nip);
}
