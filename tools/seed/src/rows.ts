// The generated dataset as plain rows, in the shared vocabulary (docs/conventions.md). Each service's
// bulk loader maps these rows onto its own tables.
import type { Education, EmploymentType, JenisJabatan } from './civil-service.ts';
import type { Gender } from './nip.ts';
import type { EmployeeOutcomes } from './outcomes.ts';
import type { Region } from './regions.ts';

export type UnitKind = 'INSTANSI' | 'OPD' | 'BIDANG' | 'SEKSI';

export interface OrgUnitRow {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  instansiId: string;
  regionCode: string;
}

/** A position (jabatan) as a title with its type and class, shared by every unit that uses it. */
export interface PositionRow {
  id: string;
  title: string;
  jenisJabatan: JenisJabatan;
  kelasJabatan: number;
}

export interface EmployeeRow {
  id: string;
  nip: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  /** TMT CPNS (PNS) or contract start (PPPK), YYYY-MM-DD. */
  tmt: string;
  education: Education;
  employmentType: EmploymentType;
  golongan: string;
  positionId: string;
  positionTitle: string;
  jenisJabatan: JenisJabatan;
  kelasJabatan: number;
  unitId: string;
  instansiId: string;
  regionCode: string;
  supervisorId: string | null;
}

export type AssessmentMethod = 'ASSESSMENT_CENTER' | 'THREE_SIXTY' | 'INTERVIEW';

export interface AssessmentRow {
  id: string;
  employeeId: string;
  method: AssessmentMethod;
  /** YYYY-MM-DD */
  assessedOn: string;
  /** Score 1.00–5.00 per competency code (M.1–M.8, SK.1). */
  scores: Record<string, number>;
}

/** Everything generated for one instansi (a provincial or regency/city government). */
export interface InstansiBatch {
  instansi: OrgUnitRow;
  units: OrgUnitRow[];
  positions: PositionRow[];
  employees: EmployeeRow[];
  assessments: AssessmentRow[];
  /** Ratings and day statuses of every employee, in the order of `employees` (tools/seed/src/outcomes.ts). */
  outcomes: EmployeeOutcomes[];
}

export type { Region };
