// Public satisfaction feedback: the anonymous form, token and submission (the only operations this subgraph
// serves without a token, with the gateway's identical allow-list), a unit's codes and monthly satisfaction.
import { badUserInput } from '@kinerja/kit/errors';
import { isFeedbackCode, isMonth, satisfactionAverage } from '../domain/public-feedback.ts';
import type { PublicFeedbackCodeResolvers, PublicSatisfaction } from '../generated/resolvers-types.ts';
import { findFeedbackCode, type FeedbackCodeRow } from '../repositories/public-feedback-rows.ts';
import type { PerformanceContext } from './context.ts';
import { feedbackCodesOfUnit, satisfactionOfUnit } from './loaders.ts';

/** Root fields served without a token; gateway/src/auth/anonymous-operations.ts lists the same. */
export const anonymousRootFields = ['publicFeedbackForm', 'startPublicFeedback', 'submitPublicFeedback'] as const;

export async function publicFeedbackForm(ctx: PerformanceContext, codeInput: string): Promise<{ code: string; serviceName: string } | null> {
  const code = codeInput.trim().toUpperCase();
  const found = isFeedbackCode(code) ? await findFeedbackCode(ctx.em, code) : null;
  return found === null || !found.active ? null : { code: found.code, serviceName: found.serviceName };
}

export const codesOfUnit = (ctx: PerformanceContext, unitId: string): Promise<FeedbackCodeRow[]> => feedbackCodesOfUnit(ctx).load(unitId);

export async function satisfactionOf(ctx: PerformanceContext, unitId: string, monthInput: string): Promise<PublicSatisfaction> {
  const month = monthInput.trim();
  if (!isMonth(month)) throw badUserInput('Bulan harus berformat YYYY-MM', 'invalid_month', { field: 'month' });
  const { responses, sum } = await satisfactionOfUnit(ctx, month).load(unitId);
  return { month, responses, average: satisfactionAverage(sum, responses) };
}

export const PublicFeedbackCode: PublicFeedbackCodeResolvers<PerformanceContext> = {
  unit: (code) => ({ id: code.unitId }),
  // The web app's hash route, so the page works from any static host.
  url: (code, _, ctx) => new URL(`#/umpan-balik/${code.code}`, ctx.publicWebUrl).toString(),
};
