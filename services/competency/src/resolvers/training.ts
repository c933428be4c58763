// The diklat catalogue and the training needs it answers.
import { rankTrainingNeeds } from '../domain/training-needs.ts';
import type { TrainingNeedResolvers, TrainingProgrammeResolvers } from '../generated/resolvers-types.ts';
import { activeCatalogue, programmeById } from './loaders.ts';
import { competencyOf, programmeOffered } from './parents.ts';

export const TrainingProgramme: TrainingProgrammeResolvers = {
  competency: (parent) => competencyOf(parent.competencyCode),
  hours: (parent) => parent.hoursJp,
};

export const TrainingNeed: TrainingNeedResolvers = {
  employee: (parent) => ({ __typename: 'Employee', id: parent.employeeId }),
  competency: (parent) => competencyOf(parent.competencyCode),
  programme: (parent, _args, ctx) => (parent.programmeId === null ? null : programmeById(ctx).load(parent.programmeId)),
  programmes: async (parent, _args, ctx) => {
    const catalogue = (await activeCatalogue(ctx).load('active')).filter((p) => programmeOffered(p, parent.employeeRegionCode));
    const need = { competencyCode: parent.competencyCode, required: parent.required, assessed: parent.assessed, gap: parent.gap };
    const ranked = rankTrainingNeeds([need], catalogue)[0]?.programmes ?? [];
    // The ranking speaks of the domain's programme (no code, no catalogue region); the schema's has both.
    const records = new Map(catalogue.map((programme) => [programme.id, programme]));
    return ranked.flatMap((programme) => records.get(programme.id) ?? []);
  },
};
