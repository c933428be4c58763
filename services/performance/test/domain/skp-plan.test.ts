// SKP content (PermenPANRB 6/2022 Lampiran, SKP form; DOMAIN.md "Performance"): RHK utama/tambahan with
// indicators on one aspect (kuantitas, kualitas, waktu, biaya) and a target; the cascade (intervensi) from
// the direct supervisor's approved SKP of the same year; what a submit needs.
import { describe, expect, it } from 'vitest';
import { cascadeProblem, expectationProblems, submitProblems, validateIndicators, validateRhkText, yearProblem, type PlannedRhk } from '../../src/domain/skp-plan.ts';

const indicator = { text: 'Jumlah dokumen kepegawaian terverifikasi', aspect: 'KUANTITAS', target: 120, unit: 'dokumen' };

describe('indicators', () => {
  it('accepts a complete indicator, with or without quarterly targets', () => {
    expect(validateIndicators([indicator, { ...indicator, quarterlyTargets: [30, 30, 30, 30] }])).toEqual([]);
  });
  const cases = [
    { change: { text: 'ab' }, reason: 'invalid_indicator_text' },
    { change: { aspect: 'KECEPATAN' }, reason: 'invalid_indicator_aspect' },
    { change: { target: 0 }, reason: 'invalid_indicator_target' },
    { change: { target: Number.NaN }, reason: 'invalid_indicator_target' },
    { change: { unit: '  ' }, reason: 'invalid_indicator_unit' },
    { change: { quarterlyTargets: [30, 30, 30] }, reason: 'invalid_quarterly_targets' },
    { change: { quarterlyTargets: [30, -1, 30, 30] }, reason: 'invalid_quarterly_targets' },
  ];
  it.each(cases)('refuses $change ($reason)', ({ change, reason }) => {
    expect(validateIndicators([{ ...indicator, ...change }]).map((p) => p.reason)).toEqual([reason]);
  });
  it('refuses more than ten indicators on one RHK', () => {
    expect(validateIndicators(Array.from({ length: 11 }, () => indicator)).map((p) => p.reason)).toEqual(['too_many_indicators']);
  });
  it('checks the RHK text length', () => {
    expect(validateRhkText('  ab ')?.reason).toBe('rhk_text_too_short');
    expect(validateRhkText('x'.repeat(1001))?.reason).toBe('rhk_text_too_long');
    expect(validateRhkText('Terlaksananya layanan kepegawaian')).toBeNull();
  });
});

describe('submit needs an RHK utama, an indicator on every RHK, and the cascade', () => {
  const utama: PlannedRhk = { kind: 'UTAMA', indicatorCount: 1, supportsRhkId: 'rhk-atasan', goalId: null };
  const cases: { rhk: PlannedRhk[]; hasSupervisor: boolean; orgGoalsRecorded: boolean; reasons: string[] }[] = [
    { rhk: [utama], hasSupervisor: true, orgGoalsRecorded: false, reasons: [] },
    { rhk: [], hasSupervisor: true, orgGoalsRecorded: false, reasons: ['no_rhk_utama'] },
    { rhk: [{ ...utama, kind: 'TAMBAHAN' }], hasSupervisor: true, orgGoalsRecorded: false, reasons: ['no_rhk_utama'] },
    { rhk: [{ ...utama, indicatorCount: 0 }], hasSupervisor: true, orgGoalsRecorded: false, reasons: ['rhk_without_indicator'] },
    { rhk: [utama, { kind: 'TAMBAHAN', indicatorCount: 0, supportsRhkId: null, goalId: null }], hasSupervisor: true, orgGoalsRecorded: false, reasons: ['rhk_without_indicator'] },
    { rhk: [{ ...utama, supportsRhkId: null }], hasSupervisor: true, orgGoalsRecorded: false, reasons: ['rhk_not_cascaded'] },
    // A head (no supervisor): the cascade starts at the organisation's goals where they are recorded.
    { rhk: [{ ...utama, supportsRhkId: null }], hasSupervisor: false, orgGoalsRecorded: false, reasons: [] },
    { rhk: [{ ...utama, supportsRhkId: null }], hasSupervisor: false, orgGoalsRecorded: true, reasons: ['rhk_not_cascaded'] },
    { rhk: [{ ...utama, supportsRhkId: null, goalId: 'goal-1' }], hasSupervisor: false, orgGoalsRecorded: true, reasons: [] },
  ];
  it.each(cases)('%# → $reasons', ({ rhk, hasSupervisor, orgGoalsRecorded, reasons }) => {
    expect(submitProblems(rhk, { hasSupervisor, orgGoalsRecorded }).map((p) => p.reason)).toEqual(reasons);
  });
});

describe('cascade target (intervensi: the direct supervisor\'s approved SKP of the same year)', () => {
  const owner = { supervisorId: 'emp-atasan', year: 2026 };
  const cases = [
    { target: { employeeId: 'emp-atasan', year: 2026, status: 'APPROVED' }, reason: null },
    { target: { employeeId: 'emp-lain', year: 2026, status: 'APPROVED' }, reason: 'supported_rhk_not_supervisors' },
    { target: { employeeId: 'emp-atasan', year: 2025, status: 'APPROVED' }, reason: 'supported_rhk_other_year' },
    { target: { employeeId: 'emp-atasan', year: 2026, status: 'SUBMITTED' }, reason: 'supported_skp_not_approved' },
    { target: { employeeId: 'emp-atasan', year: 2026, status: 'REVISION_REQUESTED' }, reason: 'supported_skp_not_approved' },
  ];
  it.each(cases)('$target → $reason', ({ target, reason }) => {
    expect(cascadeProblem(owner, target)?.reason ?? null).toBe(reason);
  });
  it('an employee without a supervisor cannot support anyone\'s RHK', () => {
    expect(cascadeProblem({ supervisorId: null, year: 2026 }, { employeeId: 'emp-atasan', year: 2026, status: 'APPROVED' })?.reason).toBe('supported_rhk_not_supervisors');
  });
});

describe('SKP year', () => {
  it.each([
    [2022, null],
    [2027, null],
    [2021, 'invalid_year'],
    [2028, 'invalid_year'],
    [2026.5, 'invalid_year'],
  ])('%s in 2026 → %s', (year, reason) => {
    expect(yearProblem(year, 2026)?.reason ?? null).toBe(reason);
  });
});

describe('BerAKHLAK expectations on approval (the supervisor sets one for each of the seven behaviours)', () => {
  const all = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].map((behaviour) => ({ behaviour, expectation: 'Melayani dengan ramah dan tepat waktu' }));
  it('accepts all seven', () => {
    expect(expectationProblems(all)).toEqual([]);
  });
  it.each([
    { input: all.slice(1), reasons: ['missing_behaviour_expectation'] },
    { input: [...all, all[0]!], reasons: ['duplicate_behaviour'] },
    { input: [...all.slice(1), { behaviour: 'JUJUR', expectation: 'Jujur' }], reasons: ['unknown_behaviour', 'missing_behaviour_expectation'] },
    { input: all.map((e, i) => (i === 0 ? { ...e, expectation: ' ' } : e)), reasons: ['invalid_expectation'] },
  ])('$reasons', ({ input, reasons }) => {
    expect(expectationProblems(input).map((p) => p.reason)).toEqual(reasons);
  });
});
