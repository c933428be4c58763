// Angka kredit of a functional position from the annual predikat (PermenPANRB 1/2023 on jabatan
// fungsional, with the predikat of PermenPANRB 6/2022; DOMAIN.md "Angka kredit"):
// predikat % × coefficient of the jenjang × months/12. Percentages and coefficients are configurable data.
import type { Versioned } from './configuration-in-force.ts';
import type { Predikat } from './rating.ts';

export const functionalJenjang = ['AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'] as const;
export type FunctionalJenjang = (typeof functionalJenjang)[number];

export interface AngkaKreditTable extends Versioned {
  /** Percent per predikat, e.g. Sangat Baik 150. */
  readonly predikatPercent: Readonly<Record<Predikat, number>>;
  /** Annual coefficient per jenjang, e.g. Ahli Pertama 12.5. */
  readonly coefficient: Readonly<Record<FunctionalJenjang, number>>;
}

export const defaultAngkaKreditTable: AngkaKreditTable = {
  instansiId: null,
  effectiveFrom: '2023-01-01',
  predikatPercent: { SANGAT_BAIK: 150, BAIK: 100, BUTUH_PERBAIKAN: 75, KURANG: 50, SANGAT_KURANG: 25 },
  coefficient: { AHLI_PERTAMA: 12.5, AHLI_MUDA: 25, AHLI_MADYA: 37.5, AHLI_UTAMA: 50, PEMULA: 3.75, TERAMPIL: 5, MAHIR: 12.5, PENYELIA: 25 },
};

export function isFunctionalJenjang(value: string | null | undefined): value is FunctionalJenjang {
  return typeof value === 'string' && (functionalJenjang as readonly string[]).includes(value);
}

export type AngkaKreditResult =
  | { ok: true; angkaKredit: number; percent: number; coefficient: number; months: number }
  | { ok: false; reason: 'not_functional_position' | 'invalid_months'; message: string };

/** Rounded to three decimals (the smallest step the table produces is 25% × 3.75 / 12 = 0.078125). */
export function angkaKredit(table: AngkaKreditTable, predikat: Predikat, jenisJabatan: string | null, months: number): AngkaKreditResult {
  if (!isFunctionalJenjang(jenisJabatan)) {
    return { ok: false, reason: 'not_functional_position', message: 'Angka kredit hanya untuk pejabat fungsional' };
  }
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    return { ok: false, reason: 'invalid_months', message: 'Masa penilaian harus 1–12 bulan' };
  }
  const percent = table.predikatPercent[predikat];
  const coefficient = table.coefficient[jenisJabatan];
  const value = (percent / 100) * coefficient * (months / 12);
  return { ok: true, angkaKredit: Math.round(value * 1000) / 1000, percent, coefficient, months };
}
