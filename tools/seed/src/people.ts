// One generated person in one position: age, education, TMT, golongan and NIP that agree with each
// other and with the position (DOMAIN.md "People and organisation").
import {
  KELAS_JABATAN,
  PNS_GOLONGAN,
  PPPK_GOLONGAN,
  PPPK_GOLONGAN_BY_EDUCATION,
  keahlianLevel,
  keterampilanLevel,
  pnsGolonganIndex,
  promotedGolonganIndex,
  type Education,
  type EmploymentType,
  type JenisJabatan,
} from './civil-service.ts';
import {
  BALINESE_ORDER,
  BATAK_MARGA,
  DEGREE_BY_EDUCATION,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  MALE_GIVEN,
  PELAKSANA_TITLES,
  PROFESSION_DEGREES,
} from './catalog.ts';
import type { Gender } from './nip.ts';
import type { Random } from './random.ts';

/** Ages and service years are computed at this date, not "now", so a seed gives the same data every day. */
export const REFERENCE_DATE = '2025-07-01';
const REFERENCE_YEAR = 2025.5;

/** What the organisation asks for; the person generator decides level-dependent details. */
export type Role =
  | { kind: 'STRUCTURAL'; jenis: 'JPT_MADYA' | 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'PENGAWAS'; title: string }
  | { kind: 'KEAHLIAN'; profession: string; employmentType: EmploymentType }
  | { kind: 'KETERAMPILAN'; profession: string; employmentType: EmploymentType }
  | { kind: 'PELAKSANA'; employmentType: EmploymentType };

export interface Person {
  name: string;
  gender: Gender;
  birthDate: string;
  tmt: string;
  education: Education;
  employmentType: EmploymentType;
  golongan: string;
  title: string;
  jenisJabatan: JenisJabatan;
  kelasJabatan: number;
}

const LEVEL_NAMES: Partial<Record<JenisJabatan, string>> = {
  AHLI_UTAMA: 'Ahli Utama',
  AHLI_MADYA: 'Ahli Madya',
  AHLI_MUDA: 'Ahli Muda',
  AHLI_PERTAMA: 'Ahli Pertama',
  PENYELIA: 'Penyelia',
  MAHIR: 'Mahir',
  TERAMPIL: 'Terampil',
  PEMULA: 'Pemula',
};

/** Earliest age at CPNS entry with this diploma. */
const ENTRY_AGE: Readonly<Record<Education, number>> = { SMA: 19, D3: 22, S1: 23, S2: 26, S3: 30 };
/** Latest age at CPNS entry (PermenPANRB on CPNS selection: 35). */
const MAX_ENTRY_AGE = 35;
/** PPPK recruitment waves since the first in 2019 (YYYY-MM). */
const PPPK_WAVES = ['2019-04', '2021-11', '2022-10', '2023-12', '2024-10', '2025-03'];

const femaleShare = (role: Role): number => {
  if (role.kind === 'STRUCTURAL') return role.jenis === 'PENGAWAS' ? 0.4 : 0.2;
  if (role.kind === 'PELAKSANA') return 0.45;
  if (/^Bidan/.test(role.profession)) return 1;
  if (/^(Perawat|Guru|Nutrisionis|Apoteker|Asisten Apoteker)/.test(role.profession)) return 0.7;
  if (/^(Polisi Pamong Praja|Teknik)/.test(role.profession)) return 0.15;
  return 0.5;
};

function education(rng: Random, role: Role): Education {
  switch (role.kind) {
    case 'STRUCTURAL':
      return role.jenis === 'PENGAWAS'
        ? rng.weighted({ S1: 0.75, S2: 0.25 })
        : rng.weighted({ S1: 0.3, S2: 0.65, S3: 0.05 });
    case 'KEAHLIAN':
      return rng.weighted({ S1: 0.75, S2: 0.23, S3: 0.02 });
    case 'KETERAMPILAN':
      return rng.weighted({ D3: 0.8, SMA: 0.2 });
    case 'PELAKSANA':
      return rng.weighted({ SMA: 0.4, D3: 0.2, S1: 0.4 });
  }
}

/** Age in years: leaders are older; the workforce as a whole peaks in its forties (BKN statistics). */
function age(rng: Random, role: Role): number {
  if (role.kind === 'STRUCTURAL') {
    const [low, high] = { JPT_MADYA: [50, 59], JPT_PRATAMA: [45, 59], ADMINISTRATOR: [40, 57], PENGAWAS: [33, 56] }[role.jenis] as [number, number];
    return low + rng.next() * (high - low);
  }
  if (role.employmentType === 'PPPK') return 24 + rng.next() * 31;
  // Triangular 22–57 with its mode at 45.
  const u = rng.next();
  const [a, b, c] = [22, 57, 45];
  return u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

const pad = (n: number): string => String(n).padStart(2, '0');
const yearsToDate = (years: number, day?: number): string => {
  const year = Math.floor(years);
  const dayOfYear = Math.floor((years - year) * 365);
  const date = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(day ?? date.getUTCDate())}`;
};
const dateToYears = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y + (m - 1) / 12 + (d - 1) / 365;
};

export function serviceYears(tmt: string): number {
  return REFERENCE_YEAR - dateToYears(tmt);
}

function personalName(rng: Random, gender: Gender, provinceCode: string, educationLevel: Education, profession: string | null): string {
  let base: string;
  if (provinceCode === '51') {
    base = `${gender === 'MALE' ? 'I' : 'Ni'} ${rng.pick(BALINESE_ORDER)} ${rng.pick(gender === 'MALE' ? MALE_GIVEN : FEMALE_GIVEN)}`;
  } else {
    const given = rng.pick(gender === 'MALE' ? MALE_GIVEN : FEMALE_GIVEN);
    const family = provinceCode === '12' && rng.chance(0.6) ? rng.pick(BATAK_MARGA) : rng.pick(FAMILY_NAMES);
    base = rng.chance(0.15) ? given : `${given} ${family}`;
  }
  if (educationLevel === 'SMA') return base;
  if (educationLevel === 'S3') return `Dr. ${base}, ${rng.pick(DEGREE_BY_EDUCATION.S2)}`;
  if (educationLevel === 'S2') return `${base}, ${rng.pick(DEGREE_BY_EDUCATION.S1)}, ${rng.pick(DEGREE_BY_EDUCATION.S2)}`;
  const own = profession === null ? undefined : PROFESSION_DEGREES.find((d) => d.pattern.test(profession))?.[educationLevel];
  if (own === 'dr.') return `dr. ${base}`;
  return `${base}, ${own ?? rng.pick(DEGREE_BY_EDUCATION[educationLevel])}`;
}

/** Minimum years of service a leader of this rank has behind them. */
const MIN_SERVICE: Partial<Record<JenisJabatan, number>> = { JPT_MADYA: 20, JPT_PRATAMA: 15, ADMINISTRATOR: 10, PENGAWAS: 6 };

export function generatePerson(rng: Random, role: Role, provinceCode: string): Person {
  const gender: Gender = rng.chance(femaleShare(role)) ? 'FEMALE' : 'MALE';
  const edu = education(rng, role);
  const employmentType: EmploymentType = role.kind === 'STRUCTURAL' ? 'PNS' : role.employmentType;
  // Nobody is younger than the diploma they were hired with allows.
  const ageYears = Math.max(age(rng, role), ENTRY_AGE[edu] + 1 + rng.next() * 3);
  const birthYears = REFERENCE_YEAR - ageYears;
  const birthDate = yearsToDate(birthYears);

  let tmt: string;
  if (employmentType === 'PPPK') {
    const eligible = PPPK_WAVES.filter((wave) => dateToYears(`${wave}-01`) - birthYears >= 20);
    tmt = `${rng.pick(eligible.length ? eligible : PPPK_WAVES.slice(-1))}-01`;
  } else {
    const minService = role.kind === 'STRUCTURAL' ? (MIN_SERVICE[role.jenis] ?? 0) : 0;
    const earliest = ENTRY_AGE[edu];
    const latest = Math.max(earliest, Math.min(MAX_ENTRY_AGE, ageYears - minService - 0.5, ageYears - 0.5));
    const entryAge = earliest + rng.next() * (latest - earliest);
    tmt = yearsToDate(birthYears + entryAge, 1);
  }

  let jenis: JenisJabatan;
  let golonganIndex: number;
  let title: string;
  const service = serviceYears(tmt);
  if (employmentType === 'PPPK') {
    if (role.kind === 'KEAHLIAN') {
      jenis = rng.weighted({ AHLI_PERTAMA: 0.75, AHLI_MUDA: 0.2, AHLI_MADYA: 0.05 });
      golonganIndex = { AHLI_PERTAMA: 8, AHLI_MUDA: 10, AHLI_MADYA: 12 }[jenis as 'AHLI_PERTAMA'];
    } else if (role.kind === 'KETERAMPILAN') {
      jenis = rng.weighted({ TERAMPIL: 0.7, MAHIR: 0.25, PENYELIA: 0.05 });
      golonganIndex = { TERAMPIL: 6, MAHIR: 7, PENYELIA: 8 }[jenis as 'TERAMPIL'];
    } else {
      jenis = 'PELAKSANA';
      golonganIndex = PPPK_GOLONGAN_BY_EDUCATION[edu];
    }
  } else if (role.kind === 'STRUCTURAL') {
    jenis = role.jenis;
    golonganIndex = pnsGolonganIndex(edu, service, jenis);
  } else if (role.kind === 'KEAHLIAN') {
    jenis = keahlianLevel(promotedGolonganIndex(edu, service));
    golonganIndex = pnsGolonganIndex(edu, service, jenis);
  } else if (role.kind === 'KETERAMPILAN') {
    jenis = keterampilanLevel(promotedGolonganIndex(edu, service));
    golonganIndex = pnsGolonganIndex(edu, service, jenis);
  } else {
    jenis = 'PELAKSANA';
    golonganIndex = pnsGolonganIndex(edu, service, jenis);
  }

  if (role.kind === 'STRUCTURAL') title = role.title;
  else if (role.kind === 'PELAKSANA') title = pelaksanaTitle(rng, edu).title;
  else title = `${role.profession} ${LEVEL_NAMES[jenis]}`;

  const kelas = role.kind === 'PELAKSANA' ? (PELAKSANA_TITLES.find((t) => t.title === title)?.kelas ?? KELAS_JABATAN.PELAKSANA) : KELAS_JABATAN[jenis];
  const golongan = employmentType === 'PNS' ? PNS_GOLONGAN[golonganIndex] : PPPK_GOLONGAN[golonganIndex];
  if (!golongan) throw new Error(`golongan index ${golonganIndex} out of range`);
  return {
    name: personalName(rng, gender, provinceCode, edu, role.kind === 'KEAHLIAN' || role.kind === 'KETERAMPILAN' ? role.profession : null),
    gender,
    birthDate,
    tmt,
    education: edu,
    employmentType,
    golongan,
    title,
    jenisJabatan: jenis,
    kelasJabatan: kelas,
  };
}

const EDUCATION_RANK: Readonly<Record<Education, number>> = { SMA: 0, D3: 1, S1: 2, S2: 3, S3: 4 };

function pelaksanaTitle(rng: Random, edu: Education): (typeof PELAKSANA_TITLES)[number] {
  const open = PELAKSANA_TITLES.filter((t) => EDUCATION_RANK[t.minEducation] <= EDUCATION_RANK[edu]);
  // Graduates mostly hold the higher pelaksana titles their diploma opens.
  return rng.chance(0.7) ? (open[open.length - 1 - rng.int(0, Math.min(1, open.length - 1))] as (typeof PELAKSANA_TITLES)[number]) : rng.pick(open);
}
