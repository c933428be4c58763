// Golongan/pangkat (DOMAIN.md "People and organisation"): PNS I/a–IV/e with their pangkat names,
// PPPK golongan I–XVII. A golongan is only valid for its own employment type.
import { pnsGolongan as pnsLadder, pppkGolongan as pppkLadder, type PnsGolongan } from '@kinerja/kit/vocabulary';
import type { EmploymentType } from './vocabulary.ts';

export const pnsGolongan: readonly string[] = pnsLadder;

export const pppkGolongan: readonly string[] = pppkLadder;

export const pnsPangkat: Readonly<Record<string, string>> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
} satisfies Record<PnsGolongan, string>;

export function golonganFor(employmentType: EmploymentType): readonly string[] {
  return employmentType === 'PNS' ? pnsGolongan : pppkGolongan;
}

export function isGolonganValidFor(employmentType: EmploymentType, golongan: string): boolean {
  return golonganFor(employmentType).includes(golongan);
}

/** Kelas jabatan runs 1–17 for every position. */
export function isValidKelasJabatan(kelas: number): boolean {
  return Number.isInteger(kelas) && kelas >= 1 && kelas <= 17;
}
