// Each mutation is one call into src/commands (validation, scoping and the transaction live there).
import { createAssessment, correctAssessment, finaliseAssessment, submitAssessment, updateAssessmentScores } from '../commands/assessment-commands.ts';
import { createTrainingProgramme, updateTrainingProgramme } from '../commands/programme-commands.ts';
import { setCompetencyStandard, setMappingRule } from '../commands/standard-commands.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { mappingRuleParent, standardParent } from './parents.ts';

export const Mutation: MutationResolvers = {
  createAssessment: (_, { input }, ctx) => createAssessment(ctx.em, ctx.viewer, input),
  updateAssessmentScores: (_, args, ctx) => updateAssessmentScores(ctx.em, ctx.viewer, args.id, args.scores),
  submitAssessment: (_, args, ctx) => submitAssessment(ctx.em, ctx.viewer, args.id),
  finaliseAssessment: (_, args, ctx) => finaliseAssessment(ctx.em, ctx.viewer, args.id),
  correctAssessment: (_, args, ctx) => correctAssessment(ctx.em, ctx.viewer, args.id, args.reason),
  setCompetencyStandard: async (_, { input }, ctx) => standardParent(await setCompetencyStandard(ctx.em, ctx.viewer, input)),
  setMappingRule: async (_, { input }, ctx) => mappingRuleParent(await setMappingRule(ctx.em, ctx.viewer, input)),
  createTrainingProgramme: (_, { input }, ctx) => createTrainingProgramme(ctx.em, ctx.viewer, input),
  updateTrainingProgramme: (_, args, ctx) => updateTrainingProgramme(ctx.em, ctx.viewer, args.id, args.input),
};
