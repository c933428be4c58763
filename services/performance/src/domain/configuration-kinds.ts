// The configurable tables this service keeps as versioned data, with their national defaults
// (DOMAIN.md "Performance"): each is stored as one JSON value per kind, instansi and effective date.
import { defaultAngkaKreditTable, type AngkaKreditTable } from './angka-kredit.ts';
import { defaultDistributionLimits, type DistributionLimitTable } from './distribution-limits.ts';
import { defaultMultiRaterRule, type MultiRaterRule } from './multi-rater.ts';
import { defaultPeriodScheme, type PeriodScheme } from './periods.ts';
import { defaultPublicFeedbackRule, type PublicFeedbackRule } from './public-feedback.ts';
import { defaultPredikatMatrix, type PredikatMatrix } from './predikat-matrix.ts';

export interface ConfigurationKinds {
  PREDIKAT_MATRIX: PredikatMatrix;
  DISTRIBUTION_LIMITS: DistributionLimitTable;
  ANGKA_KREDIT: AngkaKreditTable;
  PERIOD_SCHEME: PeriodScheme;
  MULTI_RATER: MultiRaterRule;
  PUBLIC_FEEDBACK: PublicFeedbackRule;
}
export type ConfigurationKind = keyof ConfigurationKinds;

export const nationalDefaults: { readonly [K in ConfigurationKind]: ConfigurationKinds[K] } = {
  PREDIKAT_MATRIX: defaultPredikatMatrix,
  DISTRIBUTION_LIMITS: defaultDistributionLimits,
  ANGKA_KREDIT: defaultAngkaKreditTable,
  PERIOD_SCHEME: defaultPeriodScheme,
  MULTI_RATER: defaultMultiRaterRule,
  PUBLIC_FEEDBACK: defaultPublicFeedbackRule,
};
