// PermenPANRB 6/2022, Lampiran (predikat kinerja pegawai from rating hasil kerja × rating perilaku kerja);
// DOMAIN.md "Predikat kinerja matrix". Every one of the nine cells, and the matrix as versioned data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionInForce } from '../../src/domain/configuration-in-force.ts';
import { defaultPredikatCells, defaultPredikatMatrix, predikatOf, validateMatrixCells, type PredikatMatrix } from '../../src/domain/predikat-matrix.ts';
import { predikatRank, ratingLevels, type Predikat, type RatingLevel } from '../../src/domain/rating.ts';

describe('default predikat matrix (PermenPANRB 6/2022 Lampiran; DOMAIN.md table)', () => {
  const cases: { hasil: RatingLevel; perilaku: RatingLevel; predikat: Predikat }[] = [
    { hasil: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_BAWAH_EKSPEKTASI', predikat: 'KURANG' },
    { hasil: 'DI_ATAS_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
    { hasil: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI', predikat: 'SANGAT_BAIK' },
    { hasil: 'SESUAI_EKSPEKTASI', perilaku: 'DI_BAWAH_EKSPEKTASI', predikat: 'KURANG' },
    { hasil: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
    { hasil: 'SESUAI_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI', predikat: 'BAIK' },
    { hasil: 'DI_BAWAH_EKSPEKTASI', perilaku: 'DI_BAWAH_EKSPEKTASI', predikat: 'SANGAT_KURANG' },
    { hasil: 'DI_BAWAH_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BUTUH_PERBAIKAN' },
    { hasil: 'DI_BAWAH_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI', predikat: 'BUTUH_PERBAIKAN' },
  ];
  it.each(cases)('hasil $hasil × perilaku $perilaku → $predikat', ({ hasil, perilaku, predikat }) => {
    expect(predikatOf(defaultPredikatCells, hasil, perilaku)).toBe(predikat);
  });

  it('is a complete matrix with no duplicate cell', () => {
    expect(validateMatrixCells(defaultPredikatCells)).toEqual([]);
    expect(defaultPredikatCells).toHaveLength(9);
  });

  it('never gives a worse predikat for a better rating on either axis (property)', () => {
    const level = fc.constantFrom(...ratingLevels);
    // ratingLevels is best first, so a lower index is a better rating.
    fc.assert(
      fc.property(level, level, level, (a, b, perilaku) => {
        const [better, worse] = ratingLevels.indexOf(a) <= ratingLevels.indexOf(b) ? [a, b] : [b, a];
        expect(predikatRank(predikatOf(defaultPredikatCells, better, perilaku))).toBeLessThanOrEqual(predikatRank(predikatOf(defaultPredikatCells, worse, perilaku)));
        expect(predikatRank(predikatOf(defaultPredikatCells, perilaku, better))).toBeLessThanOrEqual(predikatRank(predikatOf(defaultPredikatCells, perilaku, worse)));
      }),
    );
  });
});

describe('validateMatrixCells (a configured matrix names all nine cells once)', () => {
  it('reports a missing cell', () => {
    expect(validateMatrixCells(defaultPredikatCells.slice(1)).map((p) => p.reason)).toEqual(['matrix_cell_missing']);
  });
  it('reports a duplicate cell', () => {
    expect(validateMatrixCells([...defaultPredikatCells, defaultPredikatCells[0]!]).map((p) => p.reason)).toEqual(['matrix_cell_duplicate']);
  });
  it('reports an unknown predikat or level', () => {
    const bad = defaultPredikatCells.map((c, i) => (i === 0 ? { ...c, predikat: 'ISTIMEWA' } : c));
    expect(validateMatrixCells(bad).map((p) => p.reason)).toEqual(['matrix_cell_invalid', 'matrix_cell_missing']);
  });
});

describe('matrix in force (configurable per instansi with an effective date)', () => {
  const stricter: PredikatMatrix = {
    instansiId: 'inst-krw',
    effectiveFrom: '2026-07-01',
    cells: defaultPredikatCells.map((c) => (c.hasilKerja === 'SESUAI_EKSPEKTASI' && c.perilakuKerja === 'DI_ATAS_EKSPEKTASI' ? { ...c, predikat: 'SANGAT_BAIK' } : c)),
  };
  const versions = [defaultPredikatMatrix, stricter];
  const cases = [
    { instansi: 'inst-krw', date: '2026-06-30', expected: 'BAIK', why: 'before its effective date the national default applies' },
    { instansi: 'inst-krw', date: '2026-07-01', expected: 'SANGAT_BAIK', why: 'the instansi version applies from its effective date' },
    { instansi: 'inst-bks', date: '2026-12-31', expected: 'BAIK', why: 'another instansi keeps the default' },
    { instansi: null, date: '2026-12-31', expected: 'BAIK', why: 'no instansi: the default' },
  ] as const;
  it.each(cases)('$instansi on $date → $expected ($why)', ({ instansi, date, expected }) => {
    const matrix = versionInForce(versions, instansi, date);
    expect(matrix).not.toBeNull();
    expect(predikatOf(matrix!.cells, 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe(expected);
  });
  it('has nothing in force before every effective date', () => {
    expect(versionInForce(versions, 'inst-krw', '2021-12-31')).toBeNull();
  });
});
