// The monthly run's inputs from the read models (DOMAIN.md "TPP"): "the position held on the 15th decides
// the month"; "a Plt receives a share (e.g. 20%) of the Plt position's TPP"; "disciplinary sanctions
// (Permentan 68/2012: ringan 20/30/40% for 1/2/3 months, sedang 40/50/60% for 6/8/10 months, berat
// 60–100% for 12 months)". Every number comes from the rule (default-rules.ts: Plt 20%).
import { describe, expect, it } from 'vitest';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { inputsFingerprint, monthlyInputs, pltForMonth, positionForMonth, versionReason, type PltAssignmentInput, type PositionFrom } from '../../src/domain/monthly-inputs.ts';
import { computeStatement, type TppStatement } from '../../src/domain/tpp-statement.ts';
import type { TppRule } from '../../src/domain/tpp-rule.ts';

const rule: TppRule = {
  id: 'rule-v1',
  effectiveFrom: '2026-01',
  effectiveUntil: null,
  legalBasis: 'uji',
  data: { ...DEFAULT_TPP_RULE, baseAmounts: [...DEFAULT_TPP_RULE.baseAmounts, { kelasJabatan: 9, amount: 6_000_000 }, { kelasJabatan: 12, amount: 10_000_000 }] },
};
const employee = { employeeId: 'e1', kelasJabatan: 12, jenisJabatan: 'PELAKSANA', golongan: 'III/a' };
const baik = [{ predikat: 'BAIK' as const, year: 2026, period: 'ANNUAL', periodStart: '2026-01-01', periodEnd: '2026-12-31', version: 1 }];
const recap = { version: 1, counts: { HADIR: 21 }, days: [] };

const history: PositionFrom[] = [
  { effectiveFrom: '2025-01-01', kelasJabatan: 9, jenisJabatan: 'PELAKSANA' },
  { effectiveFrom: '2026-08-15', kelasJabatan: 12, jenisJabatan: 'PELAKSANA' },
  { effectiveFrom: '2026-09-16', kelasJabatan: 15, jenisJabatan: 'PELAKSANA' },
];

const plt = (overrides: Partial<PltAssignmentInput> = {}): PltAssignmentInput => ({
  id: 'plt-1', positionTitle: 'Plt. Kepala Bidang', kelasJabatan: 15, jenisJabatan: 'ADMINISTRATOR', startDate: '2026-08-01', endDate: '2026-09-30', decisionReference: 'SPT 800/12/BKPSDM/2026', ...overrides,
});

function statement(month: string, extras: Parameters<typeof monthlyInputs>[5]): TppStatement {
  const result = computeStatement(rule, monthlyInputs(rule, month, employee, baik, recap, extras));
  if (!result.ok) throw new Error(result.message);
  return result.statement;
}

describe('the position held on the 15th decides the month (DOMAIN.md "TPP")', () => {
  it.each([
    ['2026-07', 9, 'the old position all month'],
    ['2026-08', 12, 'a change effective on the 15th counts for the month'],
    ['2026-09', 12, 'a change effective on the 16th counts from the next month'],
    ['2026-10', 15, 'the next month takes the new position'],
  ])('%s → kelas %i (%s)', (month, kelas) => {
    expect(positionForMonth(history, month, { kelasJabatan: 1, jenisJabatan: null }).kelasJabatan).toBe(kelas);
  });

  it('without history before the 15th the snapshot holds', () => {
    expect(positionForMonth([], '2026-08', { kelasJabatan: 7, jenisJabatan: 'PELAKSANA' })).toEqual({ kelasJabatan: 7, jenisJabatan: 'PELAKSANA' });
    expect(positionForMonth([{ effectiveFrom: '2026-08-20', kelasJabatan: 12, jenisJabatan: null }], '2026-08', { kelasJabatan: 7, jenisJabatan: null }).kelasJabatan).toBe(7);
  });

  it('the statement is based on that position: kelas 9 (Rp 6,000,000) in 2026-07, kelas 12 (Rp 10,000,000) in 2026-08', () => {
    expect(statement('2026-07', { positions: history, plt: [], sanctions: [] }).base).toBe(6_000_000);
    expect(statement('2026-08', { positions: history, plt: [], sanctions: [] }).base).toBe(10_000_000);
  });
});

describe('Plt supplement: the rule\'s share (default 20%) of the Plt position\'s base', () => {
  it('an assignment in force on the 15th adds a PLT_SUPPLEMENT line naming the position and the decision', () => {
    // kelas 15 base Rp 17,019,369 × 20% = 3,403,873.8; own 10,000,000 (Baik, no deductions).
    const s = statement('2026-08', { positions: [], plt: [plt()], sanctions: [] });
    const line = s.lines.find((l) => l.kind === 'PLT_SUPPLEMENT')!;
    expect(line).toMatchObject({ code: 'PLT', rateBp: 2_000, amount: 3_403_874, source: 'penugasan Plt Plt. Kepala Bidang (SPT 800/12/BKPSDM/2026)' });
    expect(s.gross).toBe(13_403_874);
  });

  it.each([
    ['2026-08-16', '2026-09-30', '2026-08', false, 'starting after the 15th'],
    ['2026-07-01', '2026-08-14', '2026-08', false, 'ending before the 15th'],
    ['2026-08-15', '2026-08-15', '2026-08', true, 'just the 15th'],
  ])('%s to %s in %s: paid %s (%s)', (startDate, endDate, month, paid) => {
    expect(pltForMonth([plt({ startDate, endDate })], month) !== null).toBe(paid);
  });

  it('of two assignments on the 15th the higher kelas pays', () => {
    expect(pltForMonth([plt({ id: 'a', kelasJabatan: 10 }), plt({ id: 'b', kelasJabatan: 13 })], '2026-08')?.id).toBe('b');
  });
});

describe('disciplinary sanctions: the rule\'s percentage for its number of months (Permentan 68/2012)', () => {
  const sanction = { id: 's-1', code: 'RINGAN_2', fromMonth: '2026-08', decisionReference: 'SK 862/45/2026' };

  it.each([
    ['2026-07', 10_000_000, 'before it starts'],
    ['2026-08', 7_000_000, 'first month: 30% cut'],
    ['2026-09', 7_000_000, 'second (last) month of ringan 2'],
    ['2026-10', 10_000_000, 'after its 2 months'],
  ])('RINGAN_2 from 2026-08, in %s → gross %i (%s)', (month, gross) => {
    expect(statement(month, { positions: [], plt: [], sanctions: [sanction] }).gross).toBe(gross);
  });

  it('the EXCEPTION line names the sanction, its decision and its months', () => {
    const line = statement('2026-08', { positions: [], plt: [], sanctions: [sanction] }).lines.find((l) => l.kind === 'EXCEPTION')!;
    expect(line).toMatchObject({ code: 'RINGAN_2', rateBp: 3_000, amount: -3_000_000, source: 'sanksi SK 862/45/2026 2026-08 s.d. 2026-09' });
  });
});

describe('what makes a new statement version', () => {
  const base = monthlyInputs(rule, '2026-08', employee, baik, recap);

  it('without a Plt or a sanction the fingerprint is what it was before they existed (no spurious versions)', () => {
    expect(inputsFingerprint('rule-v1', base)).toBe('rule-v1|12|PELAKSANA|III/a|2026/ANNUAL/BAIK/v1|recap-v1');
  });

  it.each([
    ['a Plt assignment', { positions: [], plt: [plt()], sanctions: [] }, 'Dihitung ulang: penugasan Plt berubah'],
    ['a sanction', { positions: [], plt: [], sanctions: [{ id: 's-1', code: 'RINGAN_1', fromMonth: '2026-08', decisionReference: 'SK 1' }] }, 'Dihitung ulang: sanksi disiplin berubah'],
    ['an earlier position on the 15th', { positions: [{ effectiveFrom: '2026-08-01', kelasJabatan: 9, jenisJabatan: 'PELAKSANA' }], plt: [], sanctions: [] }, 'Dihitung ulang: jabatan berubah'],
  ])('%s → %s', (_what, extras, reason) => {
    const next = monthlyInputs(rule, '2026-08', employee, baik, recap, extras);
    expect(versionReason(inputsFingerprint('rule-v1', base), inputsFingerprint('rule-v1', next))).toBe(reason);
  });

  it('a sanction that starts after the month is not an input of it', () => {
    const later = monthlyInputs(rule, '2026-08', employee, baik, recap, { positions: [], plt: [], sanctions: [{ id: 's-2', code: 'RINGAN_1', fromMonth: '2026-09', decisionReference: 'SK 2' }] });
    expect(inputsFingerprint('rule-v1', later)).toBe(inputsFingerprint('rule-v1', base));
  });
});
