// An employee's competency profile: standard, latest assessment, gaps, JPM, category and training needs.
import { competencies } from '../domain/dictionary.ts';
import { rankTrainingNeeds } from '../domain/training-needs.ts';
import type { CompetencyProfileResolvers } from '../generated/resolvers-types.ts';
import { activeCatalogue } from './loaders.ts';
import { competencyOf, programmeOffered, standardParent, type TrainingNeedParent } from './parents.ts';

export const CompetencyProfile: CompetencyProfileResolvers = {
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
    const catalogue = (await activeCatalogue(ctx).load('active')).filter((p) => programmeOffered(p, parent.employee.regionCode));
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
};
