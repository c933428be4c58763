// The shared vocabulary of docs/conventions.md "Shared vocabulary" as closed lists: GraphQL enums,
// database values and proto strings use exactly these names in every service and tool. Services stay
// independent deployables; they share these names through the kit instead of each keeping a copy.

/** Jenis jabatan: JPT (Utama, Madya, Pratama), Administrasi, Fungsional Keahlian and Keterampilan. */
export const jenisJabatanValues = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'AHLI_UTAMA',
  'AHLI_MADYA',
  'AHLI_MUDA',
  'AHLI_PERTAMA',
  'PENYELIA',
  'MAHIR',
  'TERAMPIL',
  'PEMULA',
] as const;
export type JenisJabatan = (typeof jenisJabatanValues)[number];

export const employmentTypes = ['PNS', 'PPPK'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

/** NIP digit 15: 1 = MALE, 2 = FEMALE. */
export const genders = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof genders)[number];

/** REGENCY is a kabupaten or kota. */
export const regionLevels = ['NATIONAL', 'PROVINCE', 'REGENCY'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** PNS golongan, lowest first (17 values, IV has a–e). */
export const pnsGolongan = [
  'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d',
  'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
] as const;
export type PnsGolongan = (typeof pnsGolongan)[number];

/** PPPK golongan, lowest first. */
export const pppkGolongan = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
] as const;
export type PppkGolongan = (typeof pppkGolongan)[number];

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export const isJenisJabatan = (value: string): value is JenisJabatan => isOneOf(jenisJabatanValues, value);

/** The enums more than one subgraph's schema.graphql declares, by GraphQL name: the schemas must list exactly these values. */
export const sharedEnums: Readonly<Record<string, readonly string[]>> = {
  JenisJabatan: jenisJabatanValues,
  EmploymentType: employmentTypes,
  Gender: genders,
  RegionLevel: regionLevels,
};
