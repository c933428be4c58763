// DOMAIN.md "Distribution (calibration) limits" (MenPANRB guidance on PermenPANRB 6/2022): the unit's own
// predikat bounds its employees' predikat distribution; each violated limit is reported in words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDistribution,
  defaultDistributionLimits,
  describeLimit,
  emptyCounts,
  unitDistribution,
  unitPredikatFromHead,
  validateLimitTable,
  type UnitPredikat,
} from '../../src/domain/distribution-limits.ts';
import type { Predikat } from '../../src/domain/rating.ts';

function counts(values: Partial<Record<Predikat, number>>) {
  return { ...emptyCounts(), ...values };
}

function violations(unit: UnitPredikat, values: Partial<Record<Predikat, number>>): string[] {
  return checkDistribution(defaultDistributionLimits, unit, counts(values))
    .filter((c) => c.violated)
    .map((c) => c.description);
}

describe('limits by the unit predikat (DOMAIN.md table, row by row)', () => {
  const cases: { unit: UnitPredikat; counts: Partial<Record<Predikat, number>>; violated: string[] }[] = [
    // Istimewa: at most 70% Sangat Baik.
    { unit: 'ISTIMEWA', counts: { SANGAT_BAIK: 7, BAIK: 3 }, violated: [] },
    { unit: 'ISTIMEWA', counts: { SANGAT_BAIK: 8, BAIK: 2 }, violated: ['paling banyak 70% Sangat Baik'] },
    // Baik: at most 70% Baik; some Butuh Perbaikan and/or Kurang.
    { unit: 'BAIK', counts: { SANGAT_BAIK: 2, BAIK: 7, BUTUH_PERBAIKAN: 1 }, violated: [] },
    { unit: 'BAIK', counts: { SANGAT_BAIK: 2, BAIK: 7, KURANG: 1 }, violated: [] },
    { unit: 'BAIK', counts: { SANGAT_BAIK: 2, BAIK: 8 }, violated: ['paling banyak 70% Baik', 'sekurang-kurangnya 1 pegawai Butuh Perbaikan atau Kurang'] },
    // Butuh Perbaikan: at least 60% Butuh Perbaikan; at most 10% Sangat Baik.
    { unit: 'BUTUH_PERBAIKAN', counts: { BUTUH_PERBAIKAN: 6, BAIK: 3, SANGAT_BAIK: 1 }, violated: [] },
    { unit: 'BUTUH_PERBAIKAN', counts: { BUTUH_PERBAIKAN: 5, BAIK: 3, SANGAT_BAIK: 2 }, violated: ['sekurang-kurangnya 60% Butuh Perbaikan', 'paling banyak 10% Sangat Baik'] },
    // Kurang: at least 60% Kurang; at least 10% Butuh Perbaikan; at most 10% Sangat Baik.
    { unit: 'KURANG', counts: { KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 2, SANGAT_BAIK: 1 }, violated: [] },
    { unit: 'KURANG', counts: { KURANG: 7, BAIK: 1, SANGAT_BAIK: 2 }, violated: ['sekurang-kurangnya 10% Butuh Perbaikan', 'paling banyak 10% Sangat Baik'] },
    // Sangat Kurang: at least 60% Sangat Kurang; at least 10% Kurang or Butuh Perbaikan; no Sangat Baik.
    { unit: 'SANGAT_KURANG', counts: { SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 }, violated: [] },
    { unit: 'SANGAT_KURANG', counts: { SANGAT_KURANG: 5, BAIK: 4, SANGAT_BAIK: 1 }, violated: ['sekurang-kurangnya 60% Sangat Kurang', 'sekurang-kurangnya 10% Kurang atau Butuh Perbaikan', 'tidak ada pegawai Sangat Baik'] },
  ];
  it.each(cases)('$unit with $counts violates $violated', ({ unit, counts: c, violated }) => {
    expect(violations(unit, c)).toEqual(violated);
  });

  it('explains a violation with the unit predikat, the limit and the actual figures', () => {
    const [check] = checkDistribution(defaultDistributionLimits, 'ISTIMEWA', counts({ SANGAT_BAIK: 8, BAIK: 2 }));
    expect(check?.violation).toBe('Unit berpredikat Istimewa harus memiliki paling banyak 70% Sangat Baik; saat ini 8 dari 10 pegawai (80%) Sangat Baik');
    const none = checkDistribution(defaultDistributionLimits, 'BAIK', counts({ BAIK: 3 }))[1];
    expect(none?.violation).toBe('Unit berpredikat Baik harus memiliki sekurang-kurangnya 1 pegawai Butuh Perbaikan atau Kurang; saat ini 0 pegawai');
  });

  it('violates nothing while nobody is rated', () => {
    for (const unit of ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const) expect(violations(unit, {})).toEqual([]);
  });

  it('flags an AT_MOST limit exactly when the share exceeds it (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), (sangatBaik, others) => {
        fc.pre(sangatBaik + others > 0);
        const [check] = checkDistribution(defaultDistributionLimits, 'ISTIMEWA', counts({ SANGAT_BAIK: sangatBaik, BAIK: others }));
        expect(check?.violated).toBe(sangatBaik / (sangatBaik + others) > 0.7);
      }),
    );
  });
});

describe('the unit predikat follows the head (a unit head\'s hasil kerja is the unit\'s result)', () => {
  it.each([
    ['SANGAT_BAIK', 'ISTIMEWA'],
    ['BAIK', 'BAIK'],
    ['BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN'],
    ['KURANG', 'KURANG'],
    ['SANGAT_KURANG', 'SANGAT_KURANG'],
  ] as const)('head %s → unit %s', (head, unit) => {
    expect(unitPredikatFromHead(head)).toBe(unit);
  });
});

describe('validateLimitTable (configured tables)', () => {
  it('accepts the default', () => {
    expect(validateLimitTable(defaultDistributionLimits.limits)).toEqual([]);
  });
  it('refuses a share above 1, a fractional count, an unknown predikat and a missing row', () => {
    const { ISTIMEWA: _dropped, ...rest } = defaultDistributionLimits.limits;
    const bad = {
      ...rest,
      BAIK: [
        { predikat: ['BAIK'], bound: 'AT_MOST', value: 70 },
        { predikat: ['KURANG'], bound: 'AT_LEAST_COUNT', value: 0.5 },
        { predikat: ['LUAR_BIASA'], bound: 'AT_MOST', value: 0.1 },
      ],
    };
    expect(validateLimitTable(bad)).toHaveLength(4);
  });
  it('describes a zero ceiling as "none"', () => {
    expect(describeLimit({ predikat: ['SANGAT_BAIK'], bound: 'AT_MOST', value: 0 })).toBe('tidak ada pegawai Sangat Baik');
  });
});

describe('a unit\'s distribution for calibration (the head is calibrated one level up)', () => {
  it('leaves the head out of the counts and takes the unit predikat from the head', () => {
    const view = unitDistribution(defaultDistributionLimits, counts({ SANGAT_BAIK: 2, BAIK: 3 }), 'SANGAT_BAIK');
    expect(view.unitPredikat).toBe('ISTIMEWA');
    expect(view.total).toBe(4);
    expect(view.counts.find((c) => c.predikat === 'SANGAT_BAIK')).toEqual({ predikat: 'SANGAT_BAIK', employees: 1, share: 0.25 });
    expect(view.checks.map((c) => c.violated)).toEqual([false]);
  });
  it('has no limits while the head is not rated', () => {
    expect(unitDistribution(defaultDistributionLimits, counts({ BAIK: 3 }), null)).toMatchObject({ unitPredikat: null, checks: [], total: 3 });
  });
});
