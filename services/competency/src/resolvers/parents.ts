// What resolvers hand to field resolvers (codegen's mappers, codegen.ts), and the shaping shared by them.
import { regionCovers } from '@kinerja/kit/scoping';
import type { MappingScheme } from '../domain/category.ts';
import { competencies, findCompetency, type Competency } from '../domain/dictionary.ts';
import type { DerivedProfile } from '../domain/profile.ts';
import type { StandardCandidate, StandardSource } from '../domain/standards.ts';
import type { EmployeeRecord } from '../repositories/employee-rows.ts';
import type { SummaryRecord } from '../repositories/gap-summary-rows.ts';
import type { ProgrammeRecord } from '../repositories/programme-rows.ts';
import type { MappingRuleRecord } from '../repositories/standard-rows.ts';

/** Entities personnel owns arrive here as their keys only (`__resolveReference` returns the reference). */
export interface EmployeeParent {
  id: string;
}

export interface RegionParent {
  code: string;
}

export interface OrgUnitParent {
  id: string;
}

export interface StandardParent {
  standard: StandardCandidate;
  source: StandardSource;
}

/** A mapping rule as served: a recorded row, or the built-in default (effectiveFrom null) when none applies. */
export interface MappingRuleParent {
  instansiId: string | null;
  effectiveFrom: string | null;
  capSurplus: boolean;
  scheme: MappingScheme;
}

export interface ProfileParent {
  employee: EmployeeRecord;
  derived: DerivedProfile;
}

export interface TrainingNeedParent {
  employeeId: string;
  employeeRegionCode: string;
  competencyCode: string;
  required: number;
  assessed: number;
  gap: number;
  programmeId: string | null;
  hours: number;
}

export function competencyOf(code: string): Competency {
  const competency = findCompetency(code);
  if (competency === undefined) throw new Error(`unknown competency code in stored data: ${code}`);
  return competency;
}

export function standardParent(standard: StandardCandidate, source?: StandardSource): StandardParent {
  return { standard, source: source ?? (standard.positionId !== null ? 'POSITION' : standard.instansiId !== null ? 'INSTANSI' : 'NATIONAL') };
}

export function mappingRuleParent(rule: MappingRuleRecord): MappingRuleParent {
  return { instansiId: rule.instansiId, effectiveFrom: rule.effectiveFrom, capSurplus: rule.jpmRule.capSurplus, scheme: rule.scheme };
}

/** A programme is offered to an employee when its catalogue region contains the employee's region. */
export function programmeOffered(programme: ProgrammeRecord, employeeRegionCode: string): boolean {
  return regionCovers(programme.regionCode, employeeRegionCode);
}

export function shapeSummaries(records: readonly SummaryRecord[], competencyFilter: string | null) {
  const byCode = new Map(records.map((record) => [record.competencyCode, record]));
  return competencies
    .filter((competency) => competencyFilter === null || competency.code === competencyFilter)
    .map((competency) => {
      const record = byCode.get(competency.code);
      const assessed = record?.assessedEmployees ?? 0;
      const below = record?.belowStandard ?? 0;
      return {
        competency,
        assessedEmployees: assessed,
        employeesBelowStandard: below,
        averageGap: assessed > 0 && record ? Math.round(record.gapSumHundredths / assessed) / 100 : null,
        averageShortfall: below > 0 && record ? Math.round(record.shortfallSumHundredths / below) / 100 : null,
        byNeedLevel: [1, 2, 3, 4, 5].map((level) => ({ level, employees: record?.needByLevel[level - 1] ?? 0 })),
      };
    });
}
