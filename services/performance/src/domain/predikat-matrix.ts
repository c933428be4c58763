// Predikat kinerja from the two ratings (PermenPANRB 6/2022, Lampiran: kurva/matriks predikat kinerja
// pegawai; DOMAIN.md "Performance"). The matrix is configurable per instansi with an effective date,
// so it is data: nine cells, one per (hasil kerja, perilaku kerja) pair.
import type { Versioned } from './configuration-in-force.ts';
import { isPredikat, isRatingLevel, ratingLevels, type Predikat, type RatingLevel } from './rating.ts';

export interface PredikatCell {
  readonly hasilKerja: RatingLevel;
  readonly perilakuKerja: RatingLevel;
  readonly predikat: Predikat;
}

export interface PredikatMatrix extends Versioned {
  readonly cells: readonly PredikatCell[];
}

/** DOMAIN.md "Predikat kinerja matrix", row by row (hasil kerja), columns Di Bawah / Sesuai / Di Atas (perilaku). */
export const defaultPredikatCells: readonly PredikatCell[] = [
  { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilakuKerja: 'DI_BAWAH_EKSPEKTASI', predikat: 'KURANG' },
  { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilakuKerja: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
  { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilakuKerja: 'DI_ATAS_EKSPEKTASI', predikat: 'SANGAT_BAIK' },
  { hasilKerja: 'SESUAI_EKSPEKTASI', perilakuKerja: 'DI_BAWAH_EKSPEKTASI', predikat: 'KURANG' },
  { hasilKerja: 'SESUAI_EKSPEKTASI', perilakuKerja: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
  { hasilKerja: 'SESUAI_EKSPEKTASI', perilakuKerja: 'DI_ATAS_EKSPEKTASI', predikat: 'BAIK' },
  { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilakuKerja: 'DI_BAWAH_EKSPEKTASI', predikat: 'SANGAT_KURANG' },
  { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilakuKerja: 'SESUAI_EKSPEKTASI', predikat: 'BUTUH_PERBAIKAN' },
  { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilakuKerja: 'DI_ATAS_EKSPEKTASI', predikat: 'BUTUH_PERBAIKAN' },
];

/** The national default the first migration seeds; in force since PermenPANRB 6/2022 took effect. */
export const defaultPredikatMatrix: PredikatMatrix = { instansiId: null, effectiveFrom: '2022-01-01', cells: defaultPredikatCells };

export function predikatOf(cells: readonly PredikatCell[], hasilKerja: RatingLevel, perilakuKerja: RatingLevel): Predikat {
  const cell = cells.find((c) => c.hasilKerja === hasilKerja && c.perilakuKerja === perilakuKerja);
  // validateMatrixCells guards every stored matrix, so a missing cell is a programming fault.
  if (cell === undefined) throw new Error(`predikat matrix has no cell for ${hasilKerja} × ${perilakuKerja}`);
  return cell.predikat;
}

export interface MatrixProblem {
  reason: 'matrix_cell_invalid' | 'matrix_cell_duplicate' | 'matrix_cell_missing';
  message: string;
}

/** A matrix must name every one of the nine pairs exactly once with a known predikat. */
export function validateMatrixCells(cells: readonly { hasilKerja: string; perilakuKerja: string; predikat: string }[]): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    if (!isRatingLevel(cell.hasilKerja) || !isRatingLevel(cell.perilakuKerja) || !isPredikat(cell.predikat)) {
      problems.push({ reason: 'matrix_cell_invalid', message: `Sel matriks ${cell.hasilKerja} × ${cell.perilakuKerja} → ${cell.predikat} tidak dikenal` });
      continue;
    }
    const key = `${cell.hasilKerja}|${cell.perilakuKerja}`;
    if (seen.has(key)) problems.push({ reason: 'matrix_cell_duplicate', message: `Sel matriks ${cell.hasilKerja} × ${cell.perilakuKerja} diisi lebih dari sekali` });
    seen.add(key);
  }
  for (const hasil of ratingLevels) {
    for (const perilaku of ratingLevels) {
      if (!seen.has(`${hasil}|${perilaku}`)) problems.push({ reason: 'matrix_cell_missing', message: `Sel matriks ${hasil} × ${perilaku} belum diisi` });
    }
  }
  return problems;
}
