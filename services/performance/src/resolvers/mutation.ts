// Each mutation is one call into src/commands; the result is read back through the loaders.
import { addRhk, createSkp, removeRhk, setIndicators, updateRhk } from '../commands/skp-plan-commands.ts';
import { approveSkp, decideSkpRevision, rejectSkp, requestSkpRevision, submitSkp } from '../commands/skp-transition-commands.ts';
import { giveFeedback, rateEvaluation, recordRealisation, unlockPeriod } from '../commands/evaluation-commands.ts';
import { periodOf } from '../commands/period-context.ts';
import { finaliseEvaluations } from '../commands/calibration-commands.ts';
import { recordOrgGoal } from '../commands/goal-commands.ts';
import { setDistributionLimits, setMultiRaterRule, setPeriodScheme, setPredikatMatrix, setPublicFeedbackRule } from '../commands/configuration-commands.ts';
import { configurationVersionById } from './configuration-types.ts';
import { closeFeedbackRound, openFeedbackRound, submitFeedbackResponse } from '../commands/multi-rater-commands.ts';
import { viewerEmployee } from '../commands/command-input.ts';
import { createPublicFeedbackCode, startPublicFeedback, submitPublicFeedback, useSatisfactionAsRealisation } from '../commands/public-feedback-commands.ts';
import { findFeedbackCode } from '../repositories/public-feedback-rows.ts';
import { findRequestsOfRaters, findRounds } from '../repositories/multi-rater-rows.ts';
import { findGoals } from '../repositories/goal-rows.ts';
import { unitDistributionOf } from './calibration-types.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { findIndicators } from '../repositories/skp-rows.ts';
import { findEvaluationsOfSkps } from '../repositories/evaluation-rows.ts';
import type { PerformanceContext } from './context.ts';
import { referenced, rhkById, skpById } from './loaders.ts';

const skp = (ctx: PerformanceContext, id: string) => referenced(skpById(ctx).load(id), 'skp', id);
const round = (ctx: PerformanceContext, id: string) => referenced(findRounds(ctx.em, [id]).then((rows) => rows[0] ?? null), 'feedback round', id);
const rhk = (ctx: PerformanceContext, id: string) => referenced(rhkById(ctx).load(id), 'rhk', id);

export const Mutation: MutationResolvers<PerformanceContext> = {
  createSkp: async (_, { year }, ctx) => skp(ctx, await createSkp(ctx.em, ctx.viewer, year)),
  addRhk: async (_, { skpId, input }, ctx) => rhk(ctx, await addRhk(ctx.em, ctx.viewer, skpId, input)),
  updateRhk: async (_, { rhkId, input }, ctx) => rhk(ctx, await updateRhk(ctx.em, ctx.viewer, rhkId, input)),
  removeRhk: async (_, { rhkId }, ctx) => skp(ctx, await removeRhk(ctx.em, ctx.viewer, rhkId)),
  setIndicators: async (_, { rhkId, indicators }, ctx) => rhk(ctx, await setIndicators(ctx.em, ctx.viewer, rhkId, indicators)),
  submitSkp: async (_, { skpId }, ctx) => skp(ctx, await submitSkp(ctx.em, ctx.viewer, skpId)),
  approveSkp: async (_, { skpId, expectations, note }, ctx) => skp(ctx, await approveSkp(ctx.em, ctx.viewer, skpId, expectations, note ?? null)),
  rejectSkp: async (_, { skpId, note }, ctx) => skp(ctx, await rejectSkp(ctx.em, ctx.viewer, skpId, note)),
  requestSkpRevision: async (_, { skpId, note }, ctx) => skp(ctx, await requestSkpRevision(ctx.em, ctx.viewer, skpId, note)),
  decideSkpRevision: async (_, { skpId, grant, note }, ctx) => skp(ctx, await decideSkpRevision(ctx.em, ctx.viewer, skpId, grant, note ?? null)),
  recordRealisation: async (_, args, ctx) => {
    const id = await recordRealisation(ctx.em, ctx.viewer, args);
    return referenced(findIndicators(ctx.em, [id]).then((rows) => rows[0] ?? null), 'indicator', id);
  },
  giveFeedback: async (_, { skpId, period, text }, ctx) => skp(ctx, await giveFeedback(ctx.em, ctx.viewer, skpId, period, text)),
  rateEvaluation: async (_, args, ctx) => {
    const rated = await rateEvaluation(ctx.em, ctx.viewer, args);
    const evaluation = (await findEvaluationsOfSkps(ctx.em, [rated.skpId])).find((e) => e.period === rated.period) ?? null;
    return referenced(Promise.resolve(evaluation), 'evaluation', `${rated.skpId}/${rated.period}`);
  },
  unlockPeriod: async (_, args, ctx) => {
    await unlockPeriod(ctx.em, ctx.viewer, args);
    return periodOf(ctx.em, args.instansiId, args.year, args.period);
  },
  recordOrgGoal: async (_, { unitId, year, input }, ctx) => {
    const id = await recordOrgGoal(ctx.em, ctx.viewer, unitId, year, { text: input.text, indicator: input.indicator, target: input.target ?? null, unit: input.unit ?? null });
    return referenced(findGoals(ctx.em, [id]).then((rows) => rows[0] ?? null), 'goal', id);
  },
  setPredikatMatrix: async (_, args, ctx) => {
    const scope = args.instansiId?.trim() || null;
    return configurationVersionById(ctx, await setPredikatMatrix(ctx.em, ctx.viewer, args), 'PREDIKAT_MATRIX', scope);
  },
  setDistributionLimits: async (_, args, ctx) => {
    const scope = args.instansiId?.trim() || null;
    return configurationVersionById(ctx, await setDistributionLimits(ctx.em, ctx.viewer, args), 'DISTRIBUTION_LIMITS', scope);
  },
  setPeriodScheme: async (_, { instansiId, effectiveFrom, scheme }, ctx) => {
    const id = await setPeriodScheme(ctx.em, ctx.viewer, { instansiId, effectiveFrom, ...scheme });
    return configurationVersionById(ctx, id, 'PERIOD_SCHEME', instansiId?.trim() || null);
  },
  setMultiRaterRule: async (_, args, ctx) => configurationVersionById(ctx, await setMultiRaterRule(ctx.em, ctx.viewer, args), 'MULTI_RATER', args.instansiId?.trim() || null),
  setPublicFeedbackRule: async (_, args, ctx) => configurationVersionById(ctx, await setPublicFeedbackRule(ctx.em, ctx.viewer, args), 'PUBLIC_FEEDBACK', args.instansiId?.trim() || null),
  openFeedbackRound: async (_, args, ctx) => round(ctx, await openFeedbackRound(ctx.em, ctx.viewer, args)),
  submitFeedbackResponse: async (_, args, ctx) => {
    const roundId = await submitFeedbackResponse(ctx.em, ctx.viewer, args);
    const me = await viewerEmployee(ctx.em, ctx.viewer);
    return referenced(findRequestsOfRaters(ctx.em, [me.employeeId]).then((rows) => rows.find((r) => r.roundId === roundId) ?? null), 'feedback request', roundId);
  },
  closeFeedbackRound: async (_, { roundId }, ctx) => round(ctx, await closeFeedbackRound(ctx.em, ctx.viewer, roundId)),
  createPublicFeedbackCode: async (_, { unitId, serviceName }, ctx) => {
    const code = await createPublicFeedbackCode(ctx.em, ctx.viewer, unitId, serviceName);
    return referenced(findFeedbackCode(ctx.em, code), 'feedback code', code);
  },
  startPublicFeedback: async (_, { code }, ctx) => {
    const { token, expiresAt } = await startPublicFeedback(ctx.em, ctx.clientIp, code);
    return { token, expiresAt: expiresAt.toISOString() };
  },
  submitPublicFeedback: async (_, args, ctx) => {
    const { serviceName } = await submitPublicFeedback(ctx.em, args);
    return { serviceName, message: `Terima kasih atas penilaian Anda untuk layanan ${serviceName}.` };
  },
  useSatisfactionAsRealisation: async (_, args, ctx) => {
    const id = await useSatisfactionAsRealisation(ctx.em, ctx.viewer, args);
    return referenced(findIndicators(ctx.em, [id]).then((rows) => rows[0] ?? null), 'indicator', id);
  },
  finaliseEvaluations: async (_, args, ctx) => {
    const { finalised } = await finaliseEvaluations(ctx.em, ctx.viewer, args);
    return { finalised, distribution: await unitDistributionOf(ctx, args.unitId.trim(), args.year, args.period.trim().toUpperCase()) };
  },
};
