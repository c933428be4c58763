// Resolver types generated from schema.graphql (DESIGN.md: the SDL and the code cannot drift).
// Parents are the repositories' rows, so field resolvers are checked against what the queries return.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  overwrite: true,
  silent: true,
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        // Node's type stripping runs this file: no TypeScript enums.
        enumsAsTypes: true,
        contextType: '../resolvers/context.ts#PerformanceContext',
        mappers: {
          Employee: '../repositories/employee-rows.ts#EmployeeRef',
          Skp: '../repositories/skp-rows.ts#SkpRow',
          Rhk: '../repositories/skp-rows.ts#RhkRow',
          Indicator: '../repositories/skp-rows.ts#IndicatorRow',
          SkpEvent: '../repositories/skp-rows.ts#SkpEventRow',
          Realisation: '../repositories/evaluation-rows.ts#RealisationRow',
          Feedback: '../repositories/evaluation-rows.ts#FeedbackRow',
          PredikatResult: '../repositories/evaluation-rows.ts#EvaluationRow',
          EvaluationPeriod: '../commands/period-context.ts#PeriodWithState',
          EvaluationPeriodResult: '../resolvers/evaluation-types.ts#PeriodResultParent',
          OrgUnit: '../resolvers/calibration-types.ts#OrgUnitRef',
          Region: '../resolvers/calibration-types.ts#RegionRef',
          PredikatDistribution: '../resolvers/calibration-types.ts#DistributionParent',
          DistributionLimitCheck: '../domain/distribution-limits.ts#LimitCheck',
          CalibrationFinalisation: '../repositories/calibration-rows.ts#FinalisationRow',
          FinaliseEvaluationsResult: '../resolvers/calibration-types.ts#FinaliseResultParent',
          OrgGoal: '../repositories/goal-rows.ts#GoalRow',
          PerformanceCascade: '../resolvers/cascade-types.ts#CascadeParent',
          ConfigurationVersion: '../repositories/configuration-rows.ts#ConfigurationVersionRow',
          FeedbackRound: '../repositories/multi-rater-rows.ts#RoundRow',
          FeedbackRequest: '../repositories/multi-rater-rows.ts#RequestRow',
          PublicFeedbackCode: '../repositories/public-feedback-rows.ts#FeedbackCodeRow',
          CascadeNode: '../domain/cascade.ts#CascadeNode as DomainCascadeNode',
        },
      },
    },
  },
};

export default config;
