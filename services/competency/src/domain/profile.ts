// An employee's competency profile from loaded data: the standard in force, the effective assessment, the
// gaps, JPM and category (PermenPANRB 38/2017, Peraturan BKN 26/2019). Pure: the read path (batched
// loaders) and the write path (commands/rederive-employee.ts) assemble it the same way.
import type { AssessmentRecord } from '../repositories/assessment-rows.ts';
import type { EmployeeRecord } from '../repositories/employee-rows.ts';
import type { MappingRuleRecord } from '../repositories/standard-rows.ts';
import { selectEffectiveAssessment } from './assessment-lifecycle.ts';
import { categorise, optimalityScheme, type CategoryBand, type MappingScheme } from './category.ts';
import { computeGaps, type CompetencyGap } from './gap.ts';
import { computeJpm, defaultJpmRule, type JpmRule } from './jpm.ts';
import { selectStandard, type StandardCandidate, type StandardSource } from './standards.ts';

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

