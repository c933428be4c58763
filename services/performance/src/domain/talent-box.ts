// Talent 9-box (PermenPANRB 3/2020 on talent management; DOMAIN.md "Talent 9-box"): performance (Di Bawah /
// Sesuai / Di Atas Ekspektasi) × potential (low / medium / high), numbered Low: 1, 2, 4; Medium: 3, 5, 7;
// High: 6, 8, 9, left to right by performance.
import type { Predikat } from './rating.ts';

export type PerformanceAxis = 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS';
export type PotentialAxis = 'LOW' | 'MEDIUM' | 'HIGH';

const boxes: Readonly<Record<PotentialAxis, Readonly<Record<PerformanceAxis, number>>>> = {
  LOW: { DI_BAWAH: 1, SESUAI: 2, DI_ATAS: 4 },
  MEDIUM: { DI_BAWAH: 3, SESUAI: 5, DI_ATAS: 7 },
  HIGH: { DI_BAWAH: 6, SESUAI: 8, DI_ATAS: 9 },
};

export function talentBox(performance: PerformanceAxis, potential: PotentialAxis): number {
  return boxes[potential][performance];
}

/**
 * The performance axis from the annual predikat: Sangat Baik is above expectation, Baik meets it, and
 * Butuh Perbaikan, Kurang and Sangat Kurang fall below it.
 */
export function performanceAxisOf(predikat: Predikat): PerformanceAxis {
  if (predikat === 'SANGAT_BAIK') return 'DI_ATAS';
  if (predikat === 'BAIK') return 'SESUAI';
  return 'DI_BAWAH';
}

/**
 * The potential axis from competency's mapping category (AssessmentFinalised.category): competency maps
 * JPM to a category with the instansi's bands and each band names its potential; the event carries only
 * the category, so the default bands' categories are read here (DOMAIN.md "Mapping categories").
 */
export const potentialOfCategory: Readonly<Record<string, PotentialAxis>> = {
  OPTIMAL: 'HIGH',
  CUKUP_OPTIMAL: 'MEDIUM',
  KURANG_OPTIMAL: 'LOW',
  MEMENUHI_SYARAT: 'HIGH',
  MASIH_MEMENUHI_SYARAT: 'MEDIUM',
  KURANG_MEMENUHI_SYARAT: 'LOW',
};

export type FollowUpKind = 'PROMOSI' | 'ROTASI' | 'PENGEMBANGAN' | 'PEMBINAAN';

/** Follow-up per box (PermenPANRB 3/2020 talent management: talent pool, development, rotation, coaching), as data. */
export const talentFollowUps: Readonly<Record<number, { kind: FollowUpKind; text: string }>> = {
  9: { kind: 'PROMOSI', text: 'Masuk kelompok rencana suksesi; dipertimbangkan untuk promosi jabatan' },
  8: { kind: 'ROTASI', text: 'Rotasi atau penugasan khusus untuk menyiapkan jabatan yang lebih tinggi' },
  7: { kind: 'ROTASI', text: 'Rotasi dan pengembangan kompetensi untuk jabatan setingkat atau lebih tinggi' },
  6: { kind: 'PENGEMBANGAN', text: 'Bimbingan kinerja dan penempatan yang sesuai potensi' },
  5: { kind: 'PENGEMBANGAN', text: 'Pengembangan kompetensi sesuai kesenjangan; dipertahankan pada jabatan' },
  4: { kind: 'PENGEMBANGAN', text: 'Pengembangan kompetensi untuk menaikkan potensi' },
  3: { kind: 'PEMBINAAN', text: 'Bimbingan kinerja oleh atasan dan pemantauan berkala' },
  2: { kind: 'PEMBINAAN', text: 'Pengembangan kompetensi dan bimbingan kinerja' },
  1: { kind: 'PEMBINAAN', text: 'Pembinaan intensif; evaluasi penempatan sesuai ketentuan' },
};

/** Counts per box from (annual predikat, category) pairs; pairs without a known potential are counted apart. */
export function talentMatrix(pairs: readonly { predikat: Predikat; category: string | null; employees: number }[]): { boxes: { box: number; employees: number }[]; withoutPotential: number } {
  const counts = new Map<number, number>([1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => [box, 0]));
  let withoutPotential = 0;
  for (const pair of pairs) {
    const potential = pair.category === null ? undefined : potentialOfCategory[pair.category];
    if (potential === undefined) {
      withoutPotential += pair.employees;
      continue;
    }
    const box = talentBox(performanceAxisOf(pair.predikat), potential);
    counts.set(box, (counts.get(box) ?? 0) + pair.employees);
  }
  return { boxes: [...counts].map(([box, employees]) => ({ box, employees })), withoutPotential };
}
