// Configurable rules as data per instansi with an effective date (DOMAIN.md "Performance"; PermenPANRB 6/2022
// leaves the matrix, limits and periods to be set by the instansi): a change is appended after the latest
// version, never on the same day, and never over results already finalised.
import { describe, expect, it } from 'vitest';
import { configurationChangeProblem } from '../../src/domain/configuration-changes.ts';
import type { ConfigurationKind } from '../../src/domain/configuration-kinds.ts';

const none = { latestFinalisedPeriodEnd: null, latestFinalisationDay: null };

describe('appending a version', () => {
  const cases: { kind: ConfigurationKind; from: string; existing: string[]; reach?: typeof none | { latestFinalisedPeriodEnd: string | null; latestFinalisationDay: string | null }; reason: string | null }[] = [
    { kind: 'PREDIKAT_MATRIX', from: '2027-01-01', existing: ['2022-01-01'], reason: null },
    { kind: 'PREDIKAT_MATRIX', from: '2022-01-01', existing: ['2022-01-01'], reason: 'effective_date_duplicate' },
    { kind: 'PREDIKAT_MATRIX', from: '2024-06-01', existing: ['2022-01-01', '2025-01-01'], reason: 'effective_date_overlaps' },
    { kind: 'PREDIKAT_MATRIX', from: '2026-03-31', existing: [], reach: { latestFinalisedPeriodEnd: '2026-03-31', latestFinalisationDay: null }, reason: 'finalised_results_affected' },
    { kind: 'PREDIKAT_MATRIX', from: '2026-04-01', existing: [], reach: { latestFinalisedPeriodEnd: '2026-03-31', latestFinalisationDay: null }, reason: null },
    // Limits govern calibration on the day it happens.
    { kind: 'DISTRIBUTION_LIMITS', from: '2026-04-10', existing: [], reach: { latestFinalisedPeriodEnd: '2026-03-31', latestFinalisationDay: '2026-04-10' }, reason: 'finalised_results_affected' },
    { kind: 'DISTRIBUTION_LIMITS', from: '2026-04-11', existing: [], reach: { latestFinalisedPeriodEnd: '2026-03-31', latestFinalisationDay: '2026-04-10' }, reason: null },
    { kind: 'PERIOD_SCHEME', from: '2027-07-01', existing: [], reason: 'effective_from_not_year_start' },
    { kind: 'PERIOD_SCHEME', from: '2026-01-01', existing: [], reach: { latestFinalisedPeriodEnd: '2026-03-31', latestFinalisationDay: null }, reason: 'finalised_results_affected' },
    { kind: 'PERIOD_SCHEME', from: '2027-01-01', existing: ['2022-01-01'], reach: { latestFinalisedPeriodEnd: '2026-12-31', latestFinalisationDay: null }, reason: null },
  ];
  it.each(cases)('$kind from $from over $existing → $reason', ({ kind, from, existing, reach, reason }) => {
    expect(configurationChangeProblem(kind, from, existing, reach ?? none)?.reason ?? null).toBe(reason);
  });
});
