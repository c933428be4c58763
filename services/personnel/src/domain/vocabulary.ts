// The shared vocabulary of docs/conventions.md and DOMAIN.md, as closed lists (GraphQL enums, database
// values and proto strings use exactly these names). The lists every service shares live in the kit.
export {
  employmentTypes,
  genders,
  isOneOf,
  jenisJabatanValues,
  regionLevels,
  type EmploymentType,
  type Gender,
  type JenisJabatan,
  type RegionLevel,
} from '@kinerja/kit/vocabulary';

export const employeeStatuses = ['ACTIVE', 'RETIRED'] as const;
export type EmployeeStatus = (typeof employeeStatuses)[number];
