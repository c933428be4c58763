// Derives an employee's standard, effective assessment, gaps, JPM and category from stored data with the
// pure domain rules (domain/profile.ts), and keeps employee_gap and the summaries in step. Used by the
// finalise command, the personnel.employee.v1 consumer, setCompetencyStandard and the configuration job.
import { selectEffectiveAssessment } from '../domain/assessment-lifecycle.ts';
import { summaryDeltas } from '../domain/gap-summary.ts';
import { deriveProfile, type DerivedProfile } from '../domain/profile.ts';
import { findAssessmentsOfEmployees, findScores } from '../repositories/assessment-rows.ts';
import { lockEmployee, type EmployeeRecord } from '../repositories/employee-rows.ts';
import { applySummaryDeltas, loadEmployeeGaps, replaceEmployeeGaps } from '../repositories/gap-summary-rows.ts';
import { todayIso } from '@kinerja/kit/dates';
import type { Em } from '../repositories/sql.ts';
import { loadMappingRules, loadStandardCandidates } from '../repositories/standard-rows.ts';

export async function loadDerivedProfile(em: Em, employee: EmployeeRecord, onDate = todayIso()): Promise<DerivedProfile> {
  const [standards, assessments, rules] = await Promise.all([
    loadStandardCandidates(em, [employee]),
    findAssessmentsOfEmployees(em, [employee.employeeId], true),
    loadMappingRules(em),
  ]);
  const effective = selectEffectiveAssessment(assessments);
  const scoresByAssessment = new Map<string, Record<string, number>>();
  if (effective) {
    const scores = await findScores(em, [effective.id]);
    scoresByAssessment.set(effective.id, Object.fromEntries(scores.map((s) => [s.competencyCode, s.score])));
  }
  return deriveProfile({ employee, standards, assessments, scoresByAssessment, rules, onDate });
}

/**
 * Re-derives one employee's gaps and moves the summaries by the difference. Must run inside a transaction;
 * the employee's read-model row is locked first, so concurrent derivations of the same employee (a
 * finalise and a position change) cannot both subtract the same old contribution.
 */
export async function rederiveEmployee(em: Em, employeeId: string, onDate = todayIso()): Promise<DerivedProfile | null> {
  return (await rederiveEmployeeReportingChange(em, employeeId, onDate)).derived;
}

/** rederiveEmployee, also telling whether the stored gaps (and so the summaries) changed. */
export async function rederiveEmployeeReportingChange(em: Em, employeeId: string, onDate = todayIso()): Promise<{ derived: DerivedProfile | null; changed: boolean }> {
  const employee = await lockEmployee(em, employeeId);
  const before = await loadEmployeeGaps(em, employeeId);
  let derived: DerivedProfile | null = null;
  let after: Awaited<ReturnType<typeof loadEmployeeGaps>> = null;
  if (employee !== null && employee.status === 'ACTIVE') {
    derived = await loadDerivedProfile(em, employee, onDate);
    if (derived.standard && derived.assessment && derived.gaps.length > 0) {
      const assessmentId = derived.assessment.id;
      const standardId = derived.standard.standard.id;
      after = {
        placement: { regionCode: employee.regionCode, unitId: employee.unitId, instansiId: employee.instansiId, unitPath: employee.unitPath },
        gaps: derived.gaps.map((gap) => ({ ...gap, assessmentId, standardId })),
      };
    }
  }
  const deltas = summaryDeltas(before, after);
  const sameRows =
    deltas.length === 0 &&
    before !== null &&
    after !== null &&
    before.gaps.every((gap) => after.gaps.some((g) => g.competencyCode === gap.competencyCode && g.assessmentId === gap.assessmentId && g.standardId === gap.standardId));
  const changed = !sameRows && !(before === null && after === null);
  if (changed) {
    await applySummaryDeltas(em, deltas);
    await replaceEmployeeGaps(em, employeeId, after);
  }
  return { derived, changed };
}
