// The shared vocabulary of docs/conventions.md and DOMAIN.md, as closed lists (GraphQL enums, database
// values and proto strings use exactly these names).

export const genders = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof genders)[number];

export const employmentTypes = ['PNS', 'PPPK'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export const employeeStatuses = ['ACTIVE', 'RETIRED'] as const;
export type EmployeeStatus = (typeof employeeStatuses)[number];

export const regionLevels = ['NATIONAL', 'PROVINCE', 'REGENCY'] as const;
export type RegionLevel = (typeof regionLevels)[number];

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

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);
