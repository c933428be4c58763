// PermenPANRB 3/2020 (manajemen talenta), DOMAIN.md "Talent 9-box": boxes numbered Low: 1, 2, 4;
// Medium: 3, 5, 7; High: 6, 8, 9, left to right by performance (Di Bawah, Sesuai, Di Atas Ekspektasi).
import { describe, expect, it } from 'vitest';
import { performanceAxisOf, potentialOfCategory, talentBox, talentFollowUps, talentMatrix, type PerformanceAxis, type PotentialAxis } from '../../src/domain/talent-box.ts';

describe('talent 9-box numbering', () => {
  const cases: { potential: PotentialAxis; performance: PerformanceAxis; box: number }[] = [
    { potential: 'LOW', performance: 'DI_BAWAH', box: 1 },
    { potential: 'LOW', performance: 'SESUAI', box: 2 },
    { potential: 'LOW', performance: 'DI_ATAS', box: 4 },
    { potential: 'MEDIUM', performance: 'DI_BAWAH', box: 3 },
    { potential: 'MEDIUM', performance: 'SESUAI', box: 5 },
    { potential: 'MEDIUM', performance: 'DI_ATAS', box: 7 },
    { potential: 'HIGH', performance: 'DI_BAWAH', box: 6 },
    { potential: 'HIGH', performance: 'SESUAI', box: 8 },
    { potential: 'HIGH', performance: 'DI_ATAS', box: 9 },
  ];
  it.each(cases)('potential $potential × performance $performance → box $box', ({ potential, performance, box }) => {
    expect(talentBox(performance, potential)).toBe(box);
  });

  it('uses each number 1–9 once', () => {
    expect(cases.map((c) => talentBox(c.performance, c.potential)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([
    ['SANGAT_BAIK', 'DI_ATAS'],
    ['BAIK', 'SESUAI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH'],
    ['KURANG', 'DI_BAWAH'],
    ['SANGAT_KURANG', 'DI_BAWAH'],
  ] as const)('annual predikat %s is performance %s', (predikat, axis) => {
    expect(performanceAxisOf(predikat)).toBe(axis);
  });
});

describe('potential from competency\'s mapping category and the follow-up per box', () => {
  it.each([
    ['OPTIMAL', 'HIGH'],
    ['CUKUP_OPTIMAL', 'MEDIUM'],
    ['KURANG_OPTIMAL', 'LOW'],
    ['MEMENUHI_SYARAT', 'HIGH'],
    ['MASIH_MEMENUHI_SYARAT', 'MEDIUM'],
    ['KURANG_MEMENUHI_SYARAT', 'LOW'],
  ])('%s → %s', (category, potential) => {
    expect(potentialOfCategory[category]).toBe(potential);
  });
  it('has a follow-up for each of the nine boxes, promotion only for box 9', () => {
    expect(Object.keys(talentFollowUps).map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Object.entries(talentFollowUps).filter(([, f]) => f.kind === 'PROMOSI').map(([box]) => box)).toEqual(['9']);
  });
});

describe('talent matrix counts', () => {
  it('puts each (annual predikat, category) pair in its box and counts those without a potential apart', () => {
    const matrix = talentMatrix([
      { predikat: 'SANGAT_BAIK', category: 'OPTIMAL', employees: 2 },
      { predikat: 'BAIK', category: 'OPTIMAL', employees: 3 },
      { predikat: 'KURANG', category: 'KURANG_OPTIMAL', employees: 1 },
      { predikat: 'BAIK', category: null, employees: 4 },
      { predikat: 'BAIK', category: 'KATEGORI_LAIN', employees: 1 },
    ]);
    expect(matrix.boxes.filter((b) => b.employees > 0)).toEqual([
      { box: 1, employees: 1 },
      { box: 8, employees: 3 },
      { box: 9, employees: 2 },
    ]);
    expect(matrix.withoutPotential).toBe(5);
  });
});
