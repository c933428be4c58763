// Field resolvers of the object types: parents are the stores' records, shaped here for the schema.
import { isInRegion } from '@kinerja/kit';
import { findCompetency, competencies, type Competency } from '../domain/dictionary.ts';
import { missingCompetencies } from '../domain/score-validation.ts';
import { rankTrainingNeeds } from '../domain/training-needs.ts';
import type { DerivedProfile } from '../derived/employee-derivation.ts';
import type { StandardCandidate, StandardSource } from '../domain/standards.ts';
import type { MappingScheme } from '../domain/category.ts';
import type { EmployeeRecord } from '../store/employee-store.ts';
import type { SummaryRecord } from '../store/gap-summary-store.ts';
import type { ProgrammeRecord } from '../store/programme-store.ts';
import { NATIONAL_REGION_CODE } from '../domain/region-rollup.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { loadersOf } from './context.ts';

export function competencyOf(code: string): Competency {
  const competency = findCompetency(code);
  if (competency === undefined) throw new Error(`unknown competency code in stored data: ${code}`);
  return competency;
}

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

export function standardParent(standard: StandardCandidate, source?: StandardSource): StandardParent {
  return { standard, source: source ?? (standard.positionId !== null ? 'POSITION' : standard.instansiId !== null ? 'INSTANSI' : 'NATIONAL') };
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

/** A programme is offered to an employee when its catalogue region contains the employee's region. */
export function programmeOffered(programme: ProgrammeRecord, employeeRegionCode: string): boolean {
  if (programme.regionCode === NATIONAL_REGION_CODE) return true;
  return isInRegion(programme.regionCode, employeeRegionCode);
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

export const typeResolvers: Pick<Resolvers, 'MappingScheme' | 'MappingBand' | 'CompetencyStandard' | 'CompetencyProfile' | 'CompetencyAssessment' | 'TrainingProgramme' | 'TrainingNeed'> = {
  MappingScheme: {
    bands: (parent) => [...parent.bands].sort((a, b) => b.minJpm - a.minJpm),
  },
  MappingBand: {
    talentPotential: (parent) => parent.potential,
  },
  CompetencyStandard: {
    id: (parent) => parent.standard.id,
    source: (parent) => parent.source,
    instansiId: (parent) => parent.standard.instansiId,
    jenisJabatan: (parent) => parent.standard.jenisJabatan,
    positionId: (parent) => parent.standard.positionId,
    effectiveFrom: (parent) => parent.standard.effectiveFrom,
    levels: (parent) =>
      competencies.flatMap((competency) => {
        const level = parent.standard.levels[competency.code];
        return level === undefined ? [] : [{ competency, level }];
      }),
  },

  CompetencyProfile: {
    jenisJabatan: (parent) => parent.employee.jenisJabatan,
    standard: (parent) => (parent.derived.standard ? standardParent(parent.derived.standard.standard, parent.derived.standard.source) : null),
    latestAssessment: (parent) => parent.derived.assessment,
    gaps: (parent) => {
      const { derived } = parent;
      if (derived.gaps.length > 0) {
        return derived.gaps.map((gap) => ({ competency: competencyOf(gap.competencyCode), required: gap.required, assessed: gap.assessed, gap: gap.gap }));
      }
      const levels = derived.standard?.standard.levels ?? {};
      return competencies.flatMap((competency) => {
        const required = levels[competency.code];
        return required === undefined ? [] : [{ competency, required, assessed: null, gap: null }];
      });
    },
    jpm: (parent) => parent.derived.jpm,
    category: (parent) => parent.derived.band?.category ?? null,
    categoryLabel: (parent) => parent.derived.band?.label ?? null,
    talentPotential: (parent) => parent.derived.band?.potential ?? null,
    trainingNeeds: async (parent, _args, ctx): Promise<TrainingNeedParent[]> => {
      const catalogue = (await loadersOf(ctx).catalogue.load('active')).filter((p) => programmeOffered(p, parent.employee.regionCode));
      return rankTrainingNeeds(parent.derived.gaps, catalogue).map((need) => ({
        employeeId: parent.employee.employeeId,
        employeeRegionCode: parent.employee.regionCode,
        competencyCode: need.competencyCode,
        required: need.required,
        assessed: need.assessed,
        gap: need.gap,
        programmeId: need.programmes[0]?.id ?? null,
        hours: need.programmes[0]?.hoursJp ?? 0,
      }));
    },
  },

  CompetencyAssessment: {
    assessmentId: (parent) => parent.seriesId,
    corrects: async (parent, _args, ctx) => {
      if (parent.version <= 1) return null;
      const series = await loadersOf(ctx).series.load(parent.seriesId);
      return series.find((entry) => entry.version === parent.version - 1) ?? null;
    },
    employee: (parent) => ({ __typename: 'Employee', id: parent.employeeId }),
    scores: async (parent, _args, ctx) => {
      const scores = await loadersOf(ctx).scores.load(parent.id);
      return competencies.flatMap((competency) => {
        const score = scores.find((entry) => entry.competencyCode === competency.code);
        return score ? [{ competency, score: score.score, evidence: score.evidence }] : [];
      });
    },
    missingCompetencies: async (parent, _args, ctx) =>
      missingCompetencies((await loadersOf(ctx).scores.load(parent.id)).map((score) => score.competencyCode)),
    finalisedAt: (parent) => parent.finalisedAt?.toISOString() ?? null,
  },

  TrainingProgramme: {
    competency: (parent) => competencyOf(parent.competencyCode),
    hours: (parent) => parent.hoursJp,
  },

  TrainingNeed: {
    employee: (parent) => ({ __typename: 'Employee', id: parent.employeeId }),
    competency: (parent) => competencyOf(parent.competencyCode),
    programme: (parent, _args, ctx) =>
      parent.programmeId === null ? null : loadersOf(ctx).programme.load(parent.programmeId),
    programmes: async (parent, _args, ctx) => {
      const catalogue = (await loadersOf(ctx).catalogue.load('active')).filter((p) => programmeOffered(p, parent.employeeRegionCode));
      const ranked = rankTrainingNeeds([{ competencyCode: parent.competencyCode, required: parent.required, assessed: parent.assessed, gap: parent.gap }], catalogue)[0]?.programmes ?? [];
      // The ranking speaks of the domain's programme (no code, no catalogue region); the schema's has both.
      const records = new Map(catalogue.map((programme) => [programme.id, programme]));
      return ranked.flatMap((programme) => records.get(programme.id) ?? []);
    },
  },
};
