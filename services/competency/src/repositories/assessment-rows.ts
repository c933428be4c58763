// Assessments (one row per version) and their scores.
import type { AssessmentMethod, AssessmentStatus } from '../domain/assessment-lifecycle.ts';
import { dateOnly, inList, isoTimestamp, queryRows, type Em } from './sql.ts';

export interface AssessmentRecord {
  id: string;
  seriesId: string;
  version: number;
  employeeId: string;
  regionCode: string;
  assessor: string;
  method: AssessmentMethod;
  assessedOn: string;
  status: AssessmentStatus;
  notes: string | null;
  correctionReason: string | null;
  jpm: number | null;
  category: string | null;
  createdAt: string;
  submittedAt: string | null;
  finalisedAt: Date | null;
  finalisedBy: string | null;
}

export interface ScoreRecord {
  assessmentId: string;
  competencyCode: string;
  score: number;
  evidence: string | null;
}

interface AssessmentRow {
  id: string;
  series_id: string;
  version: number;
  employee_id: string;
  region_code: string;
  assessor: string;
  method: AssessmentMethod;
  assessed_on: string;
  status: AssessmentStatus;
  notes: string | null;
  correction_reason: string | null;
  jpm: string | null;
  category: string | null;
  created_at: string;
  submitted_at: string | null;
  finalised_at: string | null;
  finalised_by: string | null;
}

const columns = `id, series_id, version, employee_id, region_code, assessor, method, assessed_on::text as assessed_on, status,
  notes, correction_reason, jpm, category, created_at, submitted_at, finalised_at, finalised_by`;

function toRecord(row: AssessmentRow): AssessmentRecord {
  const finalisedAt = isoTimestamp(row.finalised_at);
  return {
    id: row.id,
    seriesId: row.series_id,
    version: Number(row.version),
    employeeId: row.employee_id,
    regionCode: row.region_code,
    assessor: row.assessor,
    method: row.method,
    assessedOn: dateOnly(row.assessed_on),
    status: row.status,
    notes: row.notes,
    correctionReason: row.correction_reason,
    jpm: row.jpm === null ? null : Number(row.jpm),
    category: row.category,
    createdAt: isoTimestamp(row.created_at) ?? '',
    submittedAt: isoTimestamp(row.submitted_at),
    finalisedAt: finalisedAt === null ? null : new Date(finalisedAt),
    finalisedBy: row.finalised_by,
  };
}

export async function findAssessments(em: Em, ids: readonly string[]): Promise<AssessmentRecord[]> {
  return (await queryRows<AssessmentRow>(em, `select ${columns} from assessment where id in (?)`, [inList(ids)])).map(toRecord);
}

export async function findSeries(em: Em, seriesId: string): Promise<AssessmentRecord[]> {
  return (await queryRows<AssessmentRow>(em, `select ${columns} from assessment where series_id = ? order by version`, [seriesId])).map(toRecord);
}

/** All versions of these employees' assessments, newest first. */
export async function findAssessmentsOfEmployees(em: Em, employeeIds: readonly string[], onlyFinalised = false): Promise<AssessmentRecord[]> {
  const rows = await queryRows<AssessmentRow>(
    em,
    `select ${columns} from assessment where employee_id in (?) ${onlyFinalised ? "and status = 'FINALISED'" : ''}
     order by assessed_on desc, created_at desc, version desc`,
    [inList(employeeIds)],
  );
  return rows.map(toRecord);
}

export async function findScores(em: Em, assessmentIds: readonly string[]): Promise<ScoreRecord[]> {
  const rows = await queryRows<{ assessment_id: string; competency_code: string; score: string; evidence: string | null }>(
    em,
    'select assessment_id, competency_code, score, evidence from assessment_score where assessment_id in (?)',
    [inList(assessmentIds)],
  );
  return rows.map((row) => ({ assessmentId: row.assessment_id, competencyCode: row.competency_code, score: Number(row.score), evidence: row.evidence }));
}

