// Derives an employee's standard, effective assessment, gaps, JPM and category from stored data with the
// pure domain rules, and keeps employee_gap and the summaries in step. Used by the finalise mutation, the
// personnel.employee.v1 consumer and setCompetencyStandard.
import { selectEffectiveAssessment } from '../domain/assessment-lifecycle.ts';
import { categorise, optimalityScheme, type CategoryBand, type MappingScheme } from '../domain/category.ts';
import { computeGaps, type CompetencyGap } from '../domain/gap.ts';
import { summaryDeltas } from '../domain/gap-summary.ts';
import { computeJpm, defaultJpmRule, type JpmRule } from '../domain/jpm.ts';
import { selectStandard, type StandardCandidate, type StandardSource } from '../domain/standards.ts';
import { findAssessmentsOfEmployees, findScores, type AssessmentRecord } from '../store/assessment-store.ts';
import { lockEmployee, type EmployeeRecord } from '../store/employee-store.ts';
import { applySummaryDeltas, loadEmployeeGaps, replaceEmployeeGaps } from '../store/gap-summary-store.ts';
import { todayIso, type Em } from '../store/sql.ts';
import { loadMappingRules, loadStandardCandidates, type MappingRuleRecord } from '../store/standard-store.ts';

export interface DerivedProfile {
  standard: { standard: StandardCandidate; source: StandardSource } | null;
  assessment: AssessmentRecord | null;
  scores: Record<string, number>;
  gaps: CompetencyGap[];
  jpm: number | null;
  band: CategoryBand | null;
}

/** The mapping-rule row in force for an instansi on a date: its own, else the national one, latest effective; null when none is recorded. */
export function selectMappingRuleRecord(rules: readonly MappingRuleRecord[], instansiId: string | null, onDate: string): MappingRuleRecord | null {
  const applicable = rules
    .filter((rule) => rule.effectiveFrom <= onDate && (rule.instansiId === null || rule.instansiId === instansiId))
    .sort((a, b) => Number(b.instansiId !== null) - Number(a.instansiId !== null) || b.effectiveFrom.localeCompare(a.effectiveFrom));
  return applicable[0] ?? null;
}

/** The JPM rule and mapping scheme in force for an instansi: its own row, else the national one, latest effective. */
export function selectMappingRule(rules: readonly MappingRuleRecord[], instansiId: string | null, onDate: string): { jpmRule: JpmRule; scheme: MappingScheme } {
  const rule = selectMappingRuleRecord(rules, instansiId, onDate);
  return rule ? { jpmRule: rule.jpmRule, scheme: rule.scheme } : { jpmRule: defaultJpmRule, scheme: optimalityScheme };
}

/** Pure assembly from loaded data (shared by the batched read path and the write path). */
export function deriveProfile(input: {
  employee: EmployeeRecord;
  standards: readonly StandardCandidate[];
  assessments: readonly AssessmentRecord[];
  scoresByAssessment: ReadonlyMap<string, Record<string, number>>;
  rules: readonly MappingRuleRecord[];
  onDate: string;
}): DerivedProfile {
  const { employee } = input;
  const standard = selectStandard(input.standards, employee, input.onDate);
  const assessment = selectEffectiveAssessment(input.assessments.filter((a) => a.employeeId === employee.employeeId));
  const scores = assessment ? (input.scoresByAssessment.get(assessment.id) ?? {}) : {};
  const gaps = standard && assessment ? computeGaps(standard.standard.levels, scores) : [];
  const { jpmRule, scheme } = selectMappingRule(input.rules, employee.instansiId, input.onDate);
  const jpm = gaps.length > 0 ? computeJpm(gaps, jpmRule) : null;
  return { standard, assessment, scores, gaps, jpm, band: jpm === null ? null : categorise(jpm, scheme) };
}

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
