import type { Resolvers } from '../generated/resolvers-types.ts';
import { ConfigurationVersion } from './configuration-types.ts';
import { Mutation } from './mutation.ts';
import { PublicFeedbackCode } from './public-feedback-types.ts';
import { FeedbackRequest, FeedbackRound } from './multi-rater-types.ts';
import { Query } from './query.ts';
import { DistributionLimitCheck, OrgUnit, PredikatDistribution, Region } from './calibration-types.ts';
import { CascadeNode, OrgGoal, PerformanceCascade } from './cascade-types.ts';
import { EvaluationPeriodResult, Feedback, PredikatResult } from './evaluation-types.ts';
import { Employee, Indicator, Rhk, Skp, SkpEvent } from './types.ts';

export type { PerformanceContext } from './context.ts';
export const resolvers: Resolvers = { Query, Mutation, Employee, Skp, Rhk, Indicator, SkpEvent, EvaluationPeriodResult, PredikatResult, Feedback, OrgUnit, Region, PredikatDistribution, DistributionLimitCheck, OrgGoal, PerformanceCascade, CascadeNode, ConfigurationVersion, FeedbackRound, FeedbackRequest, PublicFeedbackCode };
