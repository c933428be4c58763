// Finalising after calibration (MenPANRB guidance on PermenPANRB 6/2022; DOMAIN.md "Distribution
// (calibration) limits"): refused while a limit is violated unless an admin-kepegawaian overrides with a reason.
import { describe, expect, it } from 'vitest';
import { decideFinalisation, type FinaliseRequest } from '../../src/domain/calibration.ts';
import { checkDistribution, defaultDistributionLimits, emptyCounts } from '../../src/domain/distribution-limits.ts';

const violated = checkDistribution(defaultDistributionLimits, 'BAIK', { ...emptyCounts(), BAIK: 9, SANGAT_BAIK: 1 });
const held = checkDistribution(defaultDistributionLimits, 'BAIK', { ...emptyCounts(), BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 });
const base: FinaliseRequest = { unitPredikatKnown: true, checks: held, draftEvaluations: 10, override: false, reason: null, isAdmin: false };

describe('decideFinalisation', () => {
  it.each([
    { name: 'limits hold', request: base, outcome: 'ok' },
    { name: 'a limit violated', request: { ...base, checks: violated }, outcome: 'CONFLICT distribution_limit_violated' },
    { name: 'the unit predikat unknown', request: { ...base, unitPredikatKnown: false }, outcome: 'CONFLICT unit_predikat_unknown' },
    { name: 'override by a non-admin', request: { ...base, checks: violated, override: true, reason: 'Hasil kalibrasi tim penilai' }, outcome: 'FORBIDDEN override_requires_admin' },
    { name: 'override without a reason', request: { ...base, checks: violated, override: true, isAdmin: true, reason: ' ' }, outcome: 'BAD_USER_INPUT override_reason_required' },
    { name: 'override by an admin with a reason', request: { ...base, checks: violated, override: true, isAdmin: true, reason: 'Hasil kalibrasi tim penilai kinerja' }, outcome: 'ok' },
    { name: 'nothing in draft', request: { ...base, draftEvaluations: 0 }, outcome: 'CONFLICT nothing_to_finalise' },
  ])('$name → $outcome', ({ request, outcome }) => {
    const decision = decideFinalisation(request);
    expect(decision.ok ? 'ok' : `${decision.code} ${decision.reason}`).toBe(outcome);
  });

  it('names each violation in words and records an override only when something was violated', () => {
    const overridden = decideFinalisation({ ...base, checks: violated, override: true, isAdmin: true, reason: 'Hasil kalibrasi tim penilai kinerja' });
    expect(overridden).toMatchObject({ ok: true, overridden: true });
    expect(overridden.violations).toEqual([
      'Unit berpredikat Baik harus memiliki paling banyak 70% Baik; saat ini 9 dari 10 pegawai (90%) Baik',
      'Unit berpredikat Baik harus memiliki sekurang-kurangnya 1 pegawai Butuh Perbaikan atau Kurang; saat ini 0 pegawai',
    ]);
    expect(decideFinalisation({ ...base, override: true, isAdmin: true, reason: 'Tidak ada pelanggaran batas' })).toMatchObject({ ok: true, overridden: false });
  });
});
