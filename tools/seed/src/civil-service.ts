// Civil-service vocabulary and the rules the generator follows (DOMAIN.md "People and
// organisation" and "Competency"; names as in docs/conventions.md "Shared vocabulary").
import { competencyCodes } from '@kinerja/competency/domain/dictionary';
import { defaultRequiredLevelByJenisJabatan } from '@kinerja/competency/domain/standards';
import { pnsGolongan, pppkGolongan, type EmploymentType, type JenisJabatan } from '@kinerja/kit/vocabulary';

export type { EmploymentType, JenisJabatan };
export type Education = 'SMA' | 'D3' | 'S1' | 'S2' | 'S3';

export const PNS_GOLONGAN = pnsGolongan;
export const PPPK_GOLONGAN = pppkGolongan;

const g = (name: (typeof PNS_GOLONGAN)[number]): number => PNS_GOLONGAN.indexOf(name);

/** Entry golongan of a new CPNS by the diploma used to apply (PP 99/2000 as amended). */
export const PNS_ENTRY_GOLONGAN: Readonly<Record<Education, number>> = {
  SMA: g('II/a'),
  D3: g('II/c'),
  S1: g('III/a'),
  S2: g('III/b'),
  S3: g('III/c'),
};

/** Highest golongan reached by regular promotion for a pelaksana with this education. */
const PELAKSANA_CEILING: Readonly<Record<Education, number>> = {
  SMA: g('III/b'),
  D3: g('III/c'),
  S1: g('III/d'),
  S2: g('IV/a'),
  S3: g('IV/b'),
};

/** PPPK golongan by education (PermenPANRB on PPPK salary groups: SMA V, D3 VII, S1 IX, S2 X, S3 XI). */
export const PPPK_GOLONGAN_BY_EDUCATION: Readonly<Record<Education, number>> = {
  SMA: 4,
  D3: 6,
  S1: 8,
  S2: 9,
  S3: 10,
};

/** Lowest and highest golongan a PNS in the position normally holds (structural floors, JF ranges). */
const GOLONGAN_RANGE: Readonly<Record<JenisJabatan, readonly [number, number]>> = {
  JPT_UTAMA: [g('IV/d'), g('IV/e')],
  JPT_MADYA: [g('IV/c'), g('IV/e')],
  JPT_PRATAMA: [g('IV/b'), g('IV/e')],
  ADMINISTRATOR: [g('III/d'), g('IV/c')],
  PENGAWAS: [g('III/b'), g('IV/a')],
  PELAKSANA: [g('I/a'), g('IV/b')],
  AHLI_UTAMA: [g('IV/d'), g('IV/e')],
  AHLI_MADYA: [g('IV/a'), g('IV/c')],
  AHLI_MUDA: [g('III/c'), g('III/d')],
  AHLI_PERTAMA: [g('III/a'), g('III/b')],
  PENYELIA: [g('III/c'), g('III/d')],
  MAHIR: [g('III/a'), g('III/b')],
  TERAMPIL: [g('II/b'), g('II/d')],
  PEMULA: [g('II/a'), g('II/a')],
};

/** Golongan reached by one promotion every four years of service (kenaikan pangkat reguler), before position limits. */
export function promotedGolonganIndex(education: Education, serviceYears: number): number {
  return Math.min(PNS_GOLONGAN.length - 1, PNS_ENTRY_GOLONGAN[education] + Math.floor(Math.max(0, serviceYears) / 4));
}

/** The promoted golongan held within the range the position allows. */
export function pnsGolonganIndex(education: Education, serviceYears: number, jenis: JenisJabatan): number {
  const reached = promotedGolonganIndex(education, serviceYears);
  const [low, high] = GOLONGAN_RANGE[jenis];
  const ceiling = jenis === 'PELAKSANA' ? PELAKSANA_CEILING[education] : high;
  return Math.max(low, Math.min(reached, ceiling));
}

/** The functional level (jenjang) a PNS holds follows the golongan: jenjang and pangkat go together. */
export function keahlianLevel(golonganIndex: number): JenisJabatan {
  if (golonganIndex >= g('IV/d')) return 'AHLI_UTAMA';
  if (golonganIndex >= g('IV/a')) return 'AHLI_MADYA';
  if (golonganIndex >= g('III/c')) return 'AHLI_MUDA';
  return 'AHLI_PERTAMA';
}

export function keterampilanLevel(golonganIndex: number): JenisJabatan {
  if (golonganIndex >= g('III/c')) return 'PENYELIA';
  if (golonganIndex >= g('III/a')) return 'MAHIR';
  if (golonganIndex >= g('II/b')) return 'TERAMPIL';
  return 'PEMULA';
}

/** Kelas jabatan (1–17) typical of each position type (PermenPANRB 41/2018 and regional Perkada tables). */
export const KELAS_JABATAN: Readonly<Record<JenisJabatan, number>> = {
  JPT_UTAMA: 17,
  JPT_MADYA: 15,
  JPT_PRATAMA: 14,
  ADMINISTRATOR: 12,
  PENGAWAS: 9,
  PELAKSANA: 6,
  AHLI_UTAMA: 15,
  AHLI_MADYA: 12,
  AHLI_MUDA: 10,
  AHLI_PERTAMA: 8,
  PENYELIA: 8,
  MAHIR: 7,
  TERAMPIL: 6,
  PEMULA: 5,
};

/** Retirement age (batas usia pensiun, UU 20/2023 and PP 11/2017). */
export const RETIREMENT_AGE: Readonly<Record<JenisJabatan, number>> = {
  JPT_UTAMA: 60,
  JPT_MADYA: 60,
  JPT_PRATAMA: 60,
  ADMINISTRATOR: 58,
  PENGAWAS: 58,
  PELAKSANA: 58,
  AHLI_UTAMA: 65,
  AHLI_MADYA: 60,
  AHLI_MUDA: 58,
  AHLI_PERTAMA: 58,
  PENYELIA: 58,
  MAHIR: 58,
  TERAMPIL: 58,
  PEMULA: 58,
};

/** The competency dictionary's order (M.1 … M.8, SK.1): the generator draws one score per code in it. */
export const COMPETENCY_CODES: readonly string[] = competencyCodes;

/**
 * Required level per position type that generated scores centre on: the competency service's national
 * defaults, except Mahir, which the generator has always centred on Pelaksana's level 1 (the default is 2);
 * kept so the generated data set stays the same.
 */
export const REQUIRED_LEVEL: Readonly<Record<JenisJabatan, number>> = { ...defaultRequiredLevelByJenisJabatan, MAHIR: 1 };
