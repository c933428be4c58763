// DOMAIN.md "TPP" (PP 12/2019 art. 58, Kepmendagri 900-4700/2020, the region's Perkada): base by kelas
// jabatan; 60% performance share × predikat factor (Sangat Baik 1.00, Baik 1.00, Butuh Perbaikan 0.75,
// Kurang 0.50, Sangat Kurang 0.25); 40% discipline share minus % per occurrence (TL1/PSW1 0.5, TL2/PSW2 1,
// TL3/PSW3 1.25, TL4/PSW4 1.5, TK 5 per day) capped at 100% of that share; whole rupiah rounded half up
// at the end; exceptions and PPh 21 by golongan (IV 15%, III 5%, I–II 0%). Issue 12: every line explained.
import { describe, expect, it } from 'vitest';
import { DEDUCTION_TABLES, DEFAULT_TPP_RULE, variantOfDefault } from '../../src/domain/default-rules.ts';
import type { FinalisedPredikat } from '../../src/domain/predikat-for-month.ts';
import { computeStatement, type StatementInputs, type TppStatement } from '../../src/domain/tpp-statement.ts';
import type { Predikat, TppRule, TppRuleData } from '../../src/domain/tpp-rule.ts';

const ruleOf = (data: TppRuleData, id = 'rule-v1'): TppRule => ({ id, effectiveFrom: '2026-01', effectiveUntil: null, legalBasis: 'uji', data });
const DEFAULT = ruleOf(DEFAULT_TPP_RULE);

const rating = (predikat: Predikat): FinalisedPredikat => ({ predikat, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30', version: 1 });

function inputs(overrides: Partial<StatementInputs> & { counts?: Record<string, number> } = {}): StatementInputs {
  const { counts, ...rest } = overrides;
  return {
    month: '2026-08',
    position: { kelasJabatan: 9 },
    golongan: null,
    baseAmount: 10_000_000,
    predikat: rating('BAIK'),
    attendance: { version: 1, counts: counts ?? {}, days: [] },
    ...rest,
  };
}

function compute(rule: TppRule, input: StatementInputs): TppStatement {
  const result = computeStatement(rule, input);
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return result.statement;
}

const amountsByKind = (statement: TppStatement) => statement.lines.map((l) => [l.kind, l.code, l.amount]);

describe('DOMAIN.md default rule, worked examples', () => {
  it('Seruyan kelas 15 (Rp 17,019,369), predikat Baik, TL1 twice and TK once, golongan IV/a', () => {
    // perf 17,019,369 × 60% × 100% = 10,211,621.4; disc × 40% = 6,807,747.6;
    // TL1 2 × 0.5% × 6,807,747.6 = 68,077.476; TK 5% = 340,387.38; gross 16,610,904.144 → 16,610,904;
    // PPh 21 15% = 2,491,635.6 → 2,491,636; net 14,119,268.
    const days = [{ date: '2026-08-12', code: 'TL1' }, { date: '2026-08-04', code: 'TL1' }, { date: '2026-08-20', code: 'TK' }];
    const s = compute(DEFAULT, inputs({ position: { kelasJabatan: 15 }, baseAmount: null, golongan: 'IV/a', attendance: { version: 2, counts: { HADIR: 18, TL1: 2, TK: 1 }, days } }));
    expect(amountsByKind(s)).toEqual([
      ['BASE', null, 17_019_369],
      ['PERFORMANCE', 'BAIK', 10_211_621],
      ['DISCIPLINE', null, 6_807_748],
      ['DEDUCTION', 'TL1', -68_077],
      ['DEDUCTION', 'TK', -340_387],
      ['ROUNDING', null, -1],
      ['TAX', 'PPH21', -2_491_636],
    ]);
    expect([s.gross, s.deductions, s.tax, s.net]).toEqual([16_610_904, 408_464, 2_491_636, 14_119_268]);
    const tl1 = s.lines.find((l) => l.code === 'TL1')!;
    expect(tl1).toMatchObject({ count: 2, rateBp: 50, days: ['2026-08-04', '2026-08-12'], source: 'rekap kehadiran 2026-08 versi 2' });
    expect(s.lines.find((l) => l.kind === 'PERFORMANCE')!.source).toBe('predikat 2026 Q3 (2026-07-01 s.d. 2026-09-30) versi 1');
    expect(s.ruleVersion).toBe('rule-v1');
  });

  it('Seruyan kelas 1 (Rp 894,961), Butuh Perbaikan, TL4 three times and PSW2 once, golongan II/b', () => {
    // perf 894,961 × 60% × 75% = 402,732.45; disc 357,984.4; TL4 3 × 1.5% = 16,109.298; PSW2 1% = 3,579.844;
    // gross 741,027.708 → 741,028; golongan II: no PPh 21.
    const s = compute(DEFAULT, inputs({ position: { kelasJabatan: 1 }, baseAmount: null, golongan: 'II/b', predikat: rating('BUTUH_PERBAIKAN'), counts: { TL4: 3, PSW2: 1 } }));
    expect(amountsByKind(s)).toEqual([
      ['BASE', null, 894_961],
      ['PERFORMANCE', 'BUTUH_PERBAIKAN', 402_732],
      ['DISCIPLINE', null, 357_984],
      ['DEDUCTION', 'TL4', -16_109],
      ['DEDUCTION', 'PSW2', -3_580],
      ['ROUNDING', null, 1],
      ['TAX', 'PPH21', -0],
    ]);
    expect([s.gross, s.deductions, s.tax, s.net]).toEqual([741_028, 19_689, 0, 741_028]);
  });
});

describe('each deduction code at the default rates (base Rp 10,000,000: discipline share Rp 4,000,000)', () => {
  const cases: [string, number, number][] = [
    ['TL1', 50, 20_000], ['TL2', 100, 40_000], ['TL3', 125, 50_000], ['TL4', 150, 60_000],
    ['PSW1', 50, 20_000], ['PSW2', 100, 40_000], ['PSW3', 125, 50_000], ['PSW4', 150, 60_000],
    ['TK', 500, 200_000],
  ];
  it.each(cases)('%s once: %i bp of the discipline share = Rp %i', (code, rateBp, cut) => {
    const s = compute(DEFAULT, inputs({ counts: { [code]: 1 } }));
    expect(s.lines.find((l) => l.kind === 'DEDUCTION')).toMatchObject({ code, count: 1, rateBp, amount: -cut });
    expect(s.gross).toBe(10_000_000 - cut);
    expect(s.cuts).toEqual({ [code]: cut });
  });

  it('ignores statuses the rule does not price (HADIR, CUTI, DINAS_LUAR)', () => {
    const s = compute(DEFAULT, inputs({ counts: { HADIR: 15, CUTI: 3, DINAS_LUAR: 2 } }));
    expect(s.lines.some((l) => l.kind === 'DEDUCTION')).toBe(false);
    expect(s.gross).toBe(10_000_000);
  });
});

describe('cap: the month\'s deductions stop at 100% of the discipline share', () => {
  it.each([
    [19, 3_800_000, false, 6_200_000],
    [20, 4_000_000, false, 6_000_000],
    [25, 4_000_000, true, 6_000_000],
  ])('TK × %i cuts Rp %i (cap line: %s), gross %i', (count, cut, capped, gross) => {
    const s = compute(DEFAULT, inputs({ counts: { TK: count } }));
    expect(s.gross).toBe(gross);
    expect(s.deductions).toBe(cut);
    expect(s.lines.some((l) => l.kind === 'DEDUCTION_CAP')).toBe(capped);
  });

  it('a 50% cap stops TK × 15 (75%) at half the discipline share', () => {
    const s = compute(ruleOf(variantOfDefault({ deductionCapBp: 5_000 })), inputs({ counts: { TK: 15 } }));
    expect(s.lines.find((l) => l.kind === 'DEDUCTION_CAP')).toMatchObject({ amount: 1_000_000, rateBp: 5_000 });
    expect([s.gross, s.cuts]).toEqual([8_000_000, { TK: 3_000_000, CAP: -1_000_000 }]);
  });
});

describe('predikat factors and the no-rating rule', () => {
  it.each([
    ['SANGAT_BAIK', 10_000_000],
    ['BAIK', 10_000_000],
    ['BUTUH_PERBAIKAN', 8_500_000],
    ['KURANG', 7_000_000],
    ['SANGAT_KURANG', 5_500_000],
  ] as const)('%s → gross %i', (predikat, gross) => {
    expect(compute(DEFAULT, inputs({ predikat: rating(predikat) })).gross).toBe(gross);
  });

  it('no rating, default (one region: 50% of the whole TPP)', () => {
    const s = compute(DEFAULT, inputs({ predikat: null, counts: { TK: 1 } }));
    // (6,000,000 + 4,000,000 − 200,000) × 50% = 4,900,000.
    expect(s.gross).toBe(4_900_000);
    expect(s.lines.find((l) => l.kind === 'EXCEPTION')).toMatchObject({ code: 'NO_RATING', amount: -4_900_000 });
  });

  it('no rating applied to the performance share only', () => {
    const rule = ruleOf(variantOfDefault({ noRating: { factorBp: 5_000, appliesTo: 'PERFORMANCE_SHARE' } }));
    expect(compute(rule, inputs({ predikat: null })).gross).toBe(7_000_000);
  });
});

describe('exceptions', () => {
  it.each(['CUTI_BESAR', 'CLTN'])('%s in the month: no TPP', (code) => {
    const s = compute(DEFAULT, inputs({ attendance: { version: 1, counts: { [code]: 3, TL1: 1 }, days: [{ date: '2026-08-03', code }] }, golongan: 'IV/a' }));
    expect([s.gross, s.tax, s.net]).toEqual([0, 0, 0]);
    expect(s.lines.find((l) => l.kind === 'EXCEPTION')).toMatchObject({ code, count: 3, days: ['2026-08-03'] });
    expect(s.deductions).toBe(10_000_000);
  });

  const sickRule = ruleOf(variantOfDefault({ exceptions: { ...DEFAULT_TPP_RULE.exceptions, sickLeave: { code: 'SAKIT', afterDays: 14, reductionBp: 2_500 } } }));
  it.each([
    [14, 10_000_000],
    [15, 7_500_000],
  ])('sick %i days with a 25% reduction after 14 → %i', (days, gross) => {
    expect(compute(sickRule, inputs({ counts: { SAKIT: days } })).gross).toBe(gross);
  });

  it('sick days are off by default (DOMAIN.md gives no number)', () => {
    expect(compute(DEFAULT, inputs({ counts: { SAKIT: 20 } })).gross).toBe(10_000_000);
  });

  it('tugas belajar paid at 50%', () => {
    const rule = ruleOf(variantOfDefault({ exceptions: { ...DEFAULT_TPP_RULE.exceptions, tugasBelajar: { code: 'TUGAS_BELAJAR', paidBp: 5_000 } } }));
    expect(compute(rule, inputs({ counts: { TUGAS_BELAJAR: 21 } })).gross).toBe(5_000_000);
  });

  it('Plt receives 20% of the Plt position\'s TPP', () => {
    const s = compute(DEFAULT, inputs({ plt: { kelasJabatan: 15, baseAmount: null } }));
    // 20% × 17,019,369 (Seruyan kelas 15) = 3,403,873.8 → 3,403,874.
    expect(s.lines.find((l) => l.kind === 'PLT_SUPPLEMENT')).toMatchObject({ amount: 3_403_874, rateBp: 2_000 });
    expect(s.gross).toBe(13_403_874);
  });

  it.each([
    ['RINGAN_1', '2026-08', 8_000_000],
    ['RINGAN_1', '2026-07', 10_000_000],
    ['RINGAN_3', '2026-06', 6_000_000],
    ['SEDANG_2', '2026-01', 5_000_000],
    ['SEDANG_2', '2025-12', 10_000_000],
    ['BERAT_100', '2025-09', 0],
  ])('Permentan 68/2012 sanction %s from %s in 2026-08 → %i', (code, fromMonth, gross) => {
    expect(compute(DEFAULT, inputs({ sanctions: [{ code, fromMonth }] })).gross).toBe(gross);
  });

  it('two sanctions in force: the stronger applies, once', () => {
    const s = compute(DEFAULT, inputs({ sanctions: [{ code: 'RINGAN_1', fromMonth: '2026-08' }, { code: 'SEDANG_1', fromMonth: '2026-05' }] }));
    expect(s.lines.filter((l) => l.kind === 'EXCEPTION')).toHaveLength(1);
    expect(s.gross).toBe(6_000_000);
  });

  it('exceptions apply one after the other to what is left', () => {
    const rule = ruleOf(variantOfDefault({ exceptions: { ...DEFAULT_TPP_RULE.exceptions, sickLeave: { code: 'SAKIT', afterDays: 0, reductionBp: 5_000 } } }));
    // 10,000,000 × 50% (sick) × 80% (RINGAN_1) = 4,000,000.
    const s = compute(rule, inputs({ counts: { SAKIT: 1 }, sanctions: [{ code: 'RINGAN_1', fromMonth: '2026-08' }] }));
    expect(s.cuts).toEqual({ SAKIT: 5_000_000, RINGAN_1: 1_000_000 });
    expect(s.gross).toBe(4_000_000);
  });
});

describe('PPh 21 by golongan', () => {
  it.each([
    ['I/a', 0], ['II/d', 0], ['III/a', 500_000], ['III/d', 500_000], ['IV/a', 1_500_000], ['IV/e', 1_500_000],
    ['V', 0], ['IX', 500_000], ['XIII', 1_500_000], ['XVII', 1_500_000],
  ])('%s → tax %i on Rp 10,000,000', (golongan, tax) => {
    const s = compute(DEFAULT, inputs({ golongan }));
    expect([s.tax, s.net]).toEqual([tax, 10_000_000 - tax]);
  });

  it('without golongan no tax line', () => {
    const s = compute(DEFAULT, inputs({ golongan: null }));
    expect(s.lines.some((l) => l.kind === 'TAX')).toBe(false);
    expect(s.net).toBe(s.gross);
  });

  it('an unknown golongan is refused', () => {
    expect(computeStatement(DEFAULT, inputs({ golongan: 'V/a' }))).toMatchObject({ ok: false, reason: 'unknown_golongan' });
  });
});

describe('rounding half up to whole rupiah at the end', () => {
  it.each([
    // base 5, Kurang: 3 × 50% + 2 = 3.5 → 4.
    [5, 'KURANG', {}, 4],
    // base 25, Butuh Perbaikan: 15 × 75% + 10 = 21.25 → 21.
    [25, 'BUTUH_PERBAIKAN', {}, 21],
    // base 10, TL1: 10 − 4 × 0.5% = 9.98 → 10.
    [10, 'BAIK', { TL1: 1 }, 10],
    // base 1,000,001, TK: 1,000,001 − 400,000.4 × 5% = 980,000.98 → 980,001.
    [1_000_001, 'BAIK', { TK: 1 }, 980_001],
  ] as const)('base %i, %s, %o → %i', (baseAmount, predikat, counts, gross) => {
    const s = compute(DEFAULT, inputs({ baseAmount, predikat: rating(predikat), counts }));
    expect(s.gross).toBe(gross);
    expect(s.lines.filter((l) => l.inGross).reduce((sum, l) => sum + l.amount, 0)).toBe(gross);
  });

  it('tax rounds half up too: 5% of Rp 10 = 0.5 → 1', () => {
    expect(compute(DEFAULT, inputs({ baseAmount: 10, golongan: 'III/a' })).tax).toBe(1);
  });
});

describe('variants DOMAIN.md lists (base Rp 10,000,000)', () => {
  it.each([
    // Permentan 68/2012: TL3 × 2 (1.5%) + TL4 (2%) + TK (4%) = 9% of 4,000,000.
    ['Permentan 68/2012', DEDUCTION_TABLES.PERMENTAN_68_2012, { TL3: 2, TL4: 1, TK: 1 }, 9_640_000],
    // Kemenkeu tunjangan kinerja: 2 × 1.25 + 2.5 + 5 = 10%.
    ['Kemenkeu', DEDUCTION_TABLES.KEMENKEU_TUNJANGAN_KINERJA, { TL3: 2, TL4: 1, TK: 1 }, 9_600_000],
    // One regency: missed apel 2% each.
    ['regency with apel', DEDUCTION_TABLES.REGENCY_WITH_APEL, { TIDAK_APEL: 2, TL4: 1 }, 9_780_000],
    // Another: 1 · 2 · 2.5 · 4 per checkpoint, TK 8.
    ['regency per checkpoint', DEDUCTION_TABLES.REGENCY_PER_CHECKPOINT, { TL2: 1, PSW1: 1, TK: 1 }, 9_560_000],
  ] as const)('%s', (_name, table, counts, gross) => {
    expect(compute(ruleOf(variantOfDefault({ deductionRatesBp: table })), inputs({ counts })).gross).toBe(gross);
  });

  it('70/30 shares, Kurang, TK × 2: 7,000,000 × 50% + 3,000,000 × 90% = 6,200,000', () => {
    const rule = ruleOf(variantOfDefault({ shares: { performanceBp: 7_000, disciplineBp: 3_000 } }));
    expect(compute(rule, inputs({ predikat: rating('KURANG'), counts: { TK: 2 } })).gross).toBe(6_200_000);
  });

  it('base by kelas and jenis jabatan: the most specific entry wins', () => {
    const rule = ruleOf(variantOfDefault({
      baseAmounts: [
        { kelasJabatan: 9, amount: 5_000_000 },
        { kelasJabatan: 9, amount: 6_000_000, jenisJabatan: 'AHLI_MUDA' },
        { kelasJabatan: 9, amount: 7_000_000, jenisJabatan: 'AHLI_MUDA', category: 'GURU' },
      ],
    }));
    const base = (position: StatementInputs['position']) => compute(rule, inputs({ baseAmount: null, position })).base;
    expect([
      base({ kelasJabatan: 9 }),
      base({ kelasJabatan: 9, jenisJabatan: 'PENGAWAS' }),
      base({ kelasJabatan: 9, jenisJabatan: 'AHLI_MUDA' }),
      base({ kelasJabatan: 9, jenisJabatan: 'AHLI_MUDA', category: 'GURU' }),
    ]).toEqual([5_000_000, 5_000_000, 6_000_000, 7_000_000]);
  });

  it('a kelas the rule has no base for is refused with the kelas named', () => {
    const result = computeStatement(DEFAULT, inputs({ baseAmount: null, position: { kelasJabatan: 7 } }));
    expect(result).toMatchObject({ ok: false, reason: 'no_base_for_kelas' });
    expect(!result.ok && result.message).toContain('kelas jabatan 7');
  });
});

describe('bad inputs', () => {
  it.each([[-1], [32], [1.5]])('an occurrence count of %d is refused', (count) => {
    expect(computeStatement(DEFAULT, inputs({ counts: { TL1: count } }))).toMatchObject({ ok: false, reason: 'invalid_count' });
  });
  it('a negative base is refused', () => {
    expect(computeStatement(DEFAULT, inputs({ baseAmount: -5 }))).toMatchObject({ ok: false, reason: 'negative_amount' });
  });
  it('an unknown sanction code is refused', () => {
    expect(computeStatement(DEFAULT, inputs({ sanctions: [{ code: 'ENTAH', fromMonth: '2026-08' }] }))).toMatchObject({ ok: false, reason: 'unknown_sanction' });
  });
});
