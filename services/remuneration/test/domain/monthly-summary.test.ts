// Issue 12 "Computation": a recomputation after late data makes a new version with the reason; summaries
// per region and unit are maintained incrementally and equal a recount (DESIGN.md "Federation").
import { describe, expect, it } from 'vitest';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { inputsFingerprint, monthlyInputs, versionReason } from '../../src/domain/monthly-inputs.ts';
import { averageCuts, emptyFigures, summaryDeltas, type SummaryContribution } from '../../src/domain/tpp-summary.ts';
import type { TppRule } from '../../src/domain/tpp-rule.ts';

const rule: TppRule = { id: 'r1', effectiveFrom: '2026-01', effectiveUntil: null, legalBasis: 'uji', data: DEFAULT_TPP_RULE };
const employee = { employeeId: 'e1', kelasJabatan: 15, jenisJabatan: 'AHLI_MUDA', golongan: 'IV/a' };
const q3 = { predikat: 'BAIK' as const, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30', version: 1 };

describe('monthlyInputs and versions', () => {
  it('picks the predikat of the period containing the month and the recap as given', () => {
    const inputs = monthlyInputs(rule, '2026-08', employee, [q3], { version: 2, counts: { TL1: 1 }, days: [] });
    expect(inputs.predikat).toEqual(q3);
    expect(inputs.attendance?.version).toBe(2);
  });

  it.each([
    [null, 'Perhitungan pertama'],
    ['r0|15|AHLI_MUDA|IV/a|2026/Q3/BAIK/v1|recap-v2', 'Dihitung ulang: aturan TPP berubah'],
    ['r1|15|AHLI_MUDA|IV/a|2026/Q3/BAIK/v1|recap-v1', 'Dihitung ulang: rekap kehadiran baru (recap-v2)'],
    ['r1|15|AHLI_MUDA|IV/a|no-rating|recap-v2', 'Dihitung ulang: predikat baru (2026/Q3/BAIK/v1)'],
    ['r1|9|AHLI_MUDA|III/d|2026/Q3/BAIK/v1|recap-v2', 'Dihitung ulang: jabatan berubah, golongan berubah'],
  ])('from %s: %s', (previous, reason) => {
    const next = inputsFingerprint('r1', monthlyInputs(rule, '2026-08', employee, [q3], { version: 2, counts: {}, days: [] }));
    expect(versionReason(previous, next)).toBe(reason);
  });
});

describe('summary deltas', () => {
  const figures = (gross: number, tk: number) => ({ headcountPaid: gross > 0 ? 1 : 0, gross, deductions: tk, tax: 0, net: gross, cuts: (tk ? { TK: tk } : {}) as Record<string, number> });
  const at = (regionCode: string, unitPath: string[], gross: number, tk = 0): SummaryContribution => ({ regionCode, unitPath, figures: figures(gross, tk) });

  it('a first version adds at every prefix and unit; a new version adds its difference; a transfer moves between units', () => {
    const deltas = summaryDeltas([
      { before: null, after: at('32.15', ['inst', 'bidang-a'], 1_000) },
      { before: at('32.15', ['inst', 'bidang-a'], 1_000), after: at('32.15', ['inst', 'bidang-b'], 800, 200) },
    ]);
    expect(deltas.get('REGION|ID')).toEqual({ headcountPaid: 1, gross: 800, deductions: 200, tax: 0, net: 800, cuts: { TK: 200 } });
    expect(deltas.get('UNIT|inst')!.gross).toBe(800);
    expect(deltas.get('UNIT|bidang-a')).toMatchObject({ headcountPaid: 0, gross: 0 });
    expect(deltas.get('UNIT|bidang-b')).toMatchObject({ headcountPaid: 1, gross: 800 });
    expect(deltas.has('REGION|36')).toBe(false);
  });

  it('a version dropping to zero leaves the paid headcount', () => {
    const deltas = summaryDeltas([{ before: at('32', ['i'], 500), after: at('32', ['i'], 0) }]);
    expect(deltas.get('REGION|32')).toMatchObject({ headcountPaid: -1, gross: -500 });
  });

  it('average cut by cause per paid employee', () => {
    expect(averageCuts({ ...emptyFigures(), headcountPaid: 3, cuts: { TK: 1_000, TL1: 10, CAP: 0 } })).toEqual([{ cause: 'TK', amount: 333.33 }, { cause: 'TL1', amount: 3.33 }]);
    expect(averageCuts(emptyFigures())).toEqual([]);
  });
});
