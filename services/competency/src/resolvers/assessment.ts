// One version of an assessment, with its scores and the version it corrects.
import { competencies } from '../domain/dictionary.ts';
import { missingCompetencies } from '../domain/score-validation.ts';
import type { CompetencyAssessmentResolvers } from '../generated/resolvers-types.ts';
import { assessmentSeries, scoresOfAssessment } from './loaders.ts';

export const CompetencyAssessment: CompetencyAssessmentResolvers = {
  assessmentId: (parent) => parent.seriesId,
  corrects: async (parent, _args, ctx) => {
    if (parent.version <= 1) return null;
    const series = await assessmentSeries(ctx).load(parent.seriesId);
    return series.find((entry) => entry.version === parent.version - 1) ?? null;
  },
  employee: (parent) => ({ __typename: 'Employee', id: parent.employeeId }),
  scores: async (parent, _args, ctx) => {
    const scores = await scoresOfAssessment(ctx).load(parent.id);
    return competencies.flatMap((competency) => {
      const score = scores.find((entry) => entry.competencyCode === competency.code);
      return score ? [{ competency, score: score.score, evidence: score.evidence }] : [];
    });
  },
  missingCompetencies: async (parent, _args, ctx) => missingCompetencies((await scoresOfAssessment(ctx).load(parent.id)).map((score) => score.competencyCode)),
  finalisedAt: (parent) => parent.finalisedAt?.toISOString() ?? null,
};
