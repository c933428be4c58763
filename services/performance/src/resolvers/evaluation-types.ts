// Field resolvers of periods, ratings, realisations, feedback and the Employee's predikat and angka kredit.
import { angkaKredit as computeAngkaKredit } from '../domain/angka-kredit.ts';
import { ANNUAL_PERIOD, monthsCovered } from '../domain/periods.ts';
import type { PeriodWithState } from '../commands/period-context.ts';
import type { AngkaKredit, EvaluationPeriodResultResolvers, FeedbackResolvers, PredikatResultResolvers } from '../generated/resolvers-types.ts';
import type { EvaluationRow } from '../repositories/evaluation-rows.ts';
import type { SkpRow } from '../repositories/skp-rows.ts';
import type { PerformanceContext } from './context.ts';
import { evaluationsOfEmployeeYear, evaluationsOfSkp, feedbackOfSkp } from './evaluation-loaders.ts';
import { configurationInForceOf, referenced, skpById } from './loaders.ts';

export interface PeriodResultParent {
  skp: SkpRow;
  period: PeriodWithState;
}

export const EvaluationPeriodResult: EvaluationPeriodResultResolvers<PerformanceContext> = {
  result: async ({ skp, period }, _, ctx) => (await evaluationsOfSkp(ctx).load(skp.id)).find((e) => e.period === period.code) ?? null,
  feedback: async ({ skp, period }, _, ctx) => (await feedbackOfSkp(ctx).load(skp.id)).filter((f) => f.period === period.code),
};

export const PredikatResult: PredikatResultResolvers<PerformanceContext> = {
  skp: (evaluation, _, ctx) => referenced(skpById(ctx).load(evaluation.skpId), 'skp', evaluation.skpId),
  rater: (evaluation) => (evaluation.raterEmployeeId === null ? null : { id: evaluation.raterEmployeeId }),
};

export const Feedback: FeedbackResolvers<PerformanceContext> = {
  giver: (feedback) => (feedback.giverEmployeeId === null ? null : { id: feedback.giverEmployeeId }),
};

/** Employee.predikat once visibility is checked (types.ts). */
export async function predikatOfEmployee(ctx: PerformanceContext, employeeId: string, year: number, period: string | null | undefined): Promise<EvaluationRow | null> {
  const code = (period ?? ANNUAL_PERIOD).trim().toUpperCase();
  return (await evaluationsOfEmployeeYear(ctx).load(`${employeeId}|${year}`)).find((e) => e.period === code) ?? null;
}

/** Employee.angkaKredit once visibility is checked: from the annual evaluation's snapshot of the position. */
export async function angkaKreditOfEmployee(ctx: PerformanceContext, employeeId: string, year: number): Promise<AngkaKredit | null> {
  const annual = await predikatOfEmployee(ctx, employeeId, year, ANNUAL_PERIOD);
  if (annual === null) return null;
  const table = await configurationInForceOf(ctx, 'ANGKA_KREDIT', annual.instansiId, annual.periodEnd);
  const result = computeAngkaKredit(table, annual.predikat, annual.jenisJabatan, monthsCovered(annual.periodStart, annual.periodEnd));
  if (!result.ok) return null;
  return { year, predikat: annual.predikat, percent: result.percent, coefficient: result.coefficient, months: result.months, angkaKredit: result.angkaKredit, status: annual.status };
}
