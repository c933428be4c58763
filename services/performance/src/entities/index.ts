import { auditEntities } from '@kinerja/kit/audit';
import { outboxEntities } from '@kinerja/kit/events';
import { ConfigurationVersion } from './configuration.ts';
import { Employee, EmployeePotential } from './employee.ts';
import { CalibrationFinalisation, Evaluation, Feedback, PeriodUnlock, PredikatSummary, Realisation } from './evaluation.ts';
import { PublicFeedbackCode, PublicFeedbackResponse, PublicFeedbackSecret, PublicFeedbackToken } from './public-feedback.ts';
import { FeedbackRater, FeedbackResponse, FeedbackRound, FeedbackScore } from './multi-rater.ts';
import { BehaviourExpectation, Indicator, OrgGoal, Rhk, Skp, SkpEvent } from './skp.ts';

export { FeedbackRater, FeedbackResponse, FeedbackRound, FeedbackScore, PublicFeedbackCode, PublicFeedbackResponse, PublicFeedbackSecret, PublicFeedbackToken };
export { BehaviourExpectation, CalibrationFinalisation, ConfigurationVersion, Employee, EmployeePotential, Evaluation, Feedback, Indicator, OrgGoal, PeriodUnlock, PredikatSummary, Realisation, Rhk, Skp, SkpEvent };
export type { EvaluationEntity } from './evaluation.ts';
export type { EmployeeEntity } from './employee.ts';
export type { IndicatorEntity, RhkEntity, SkpEntity, SkpEventEntity } from './skp.ts';
export const entities = [...outboxEntities, Employee, ConfigurationVersion, Skp, Rhk, Indicator, BehaviourExpectation, SkpEvent, PeriodUnlock, Realisation, Feedback, Evaluation, PredikatSummary, CalibrationFinalisation, OrgGoal, EmployeePotential, FeedbackRound, FeedbackRater, FeedbackResponse, FeedbackScore, PublicFeedbackCode, PublicFeedbackToken, PublicFeedbackResponse, PublicFeedbackSecret, ...auditEntities];
