// Versions of the configurable rules (issue 10: every table marked configurable is data per instansi with an
// effective date): the history query, the admin mutations' results, and the shape of each kind's value.
import { describeLimit, unitPredikatValues, type DistributionLimitTable } from '../domain/distribution-limits.ts';
import type { MultiRaterRule } from '../domain/multi-rater.ts';
import type { PeriodScheme } from '../domain/periods.ts';
import type { PublicFeedbackRule as PublicFeedbackRuleValue } from '../domain/public-feedback.ts';
import type { PredikatMatrix } from '../domain/predikat-matrix.ts';
import type { ConfigurationVersionResolvers } from '../generated/resolvers-types.ts';
import { findConfigurationHistory, type ConfigurationVersionRow } from '../repositories/configuration-rows.ts';
import type { PerformanceContext } from './context.ts';

export async function configurationVersionById(ctx: PerformanceContext, id: string, kind: ConfigurationVersionRow['kind'], instansiId: string | null): Promise<ConfigurationVersionRow> {
  const version = (await findConfigurationHistory(ctx.em, kind, instansiId)).find((v) => v.id === id);
  if (version === undefined) throw new Error(`configuration version ${id} is referenced but not found`);
  return version;
}

export const ConfigurationVersion: ConfigurationVersionResolvers<PerformanceContext> = {
  predikatCells: (version) => (version.kind === 'PREDIKAT_MATRIX' ? [...(version.value as unknown as PredikatMatrix).cells] : null),
  distributionLimits: (version) => {
    if (version.kind !== 'DISTRIBUTION_LIMITS') return null;
    const { limits } = version.value as unknown as DistributionLimitTable;
    return unitPredikatValues.flatMap((unitPredikat) => (limits[unitPredikat] ?? []).map((limit) => ({ unitPredikat, ...limit, predikat: [...limit.predikat], description: describeLimit(limit) })));
  },
  minResponses: (version) => (version.kind === 'MULTI_RATER' ? (version.value as unknown as MultiRaterRule).minResponses : null),
  publicFeedback: (version) => {
    if (version.kind !== 'PUBLIC_FEEDBACK') return null;
    const { tokenTtlMinutes, perClientPerHour, perCodePerHour } = version.value as unknown as PublicFeedbackRuleValue;
    return { tokenTtlMinutes, perClientPerHour, perCodePerHour };
  },
  periodScheme: (version) => {
    if (version.kind !== 'PERIOD_SCHEME') return null;
    const { kind, deadlineDays, annualDeadlineDays } = version.value as unknown as PeriodScheme;
    return { kind, deadlineDays, annualDeadlineDays };
  },
};
