// Assessment writes (Peraturan BKN 26/2019: accredited assessors, versioned results). Each validates
// everything it can first, then runs ONE transaction that changes the Assessment / AssessmentScore
// entities through the unit of work (and, on finalise, the outbox event and the employee's derived gaps),
// so a refused call changes nothing and publishes nothing.
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { Viewer } from '@kinerja/kit/auth';
import { isIsoDate, todayIso } from '@kinerja/kit/dates';
import { assertRole } from '@kinerja/kit/auth';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { isUuid } from '@kinerja/kit/ids';
import { assessorRoles, viewerCovers } from '@kinerja/kit/scoping';
import { ASSESSMENT_METHODS, checkCorrection, checkTransition, type AssessmentAction, type AssessmentMethod, type AssessmentStatus } from '../domain/assessment-lifecycle.ts';
import { categorise } from '../domain/category.ts';
import { computeGaps } from '../domain/gap.ts';
import { computeJpm } from '../domain/jpm.ts';
import { missingCompetencies, MAX_EVIDENCE_LENGTH, validateScores, type ScoreInput } from '../domain/score-validation.ts';
import { selectMappingRule } from '../domain/profile.ts';
import { selectStandard } from '../domain/standards.ts';
import { Assessment, AssessmentScore } from '../entities/index.ts';
import { enqueueAssessmentFinalised } from '../events/assessment-finalised-event.ts';
import { findAssessments, findScores, findSeries, type AssessmentRecord } from '../repositories/assessment-rows.ts';
import { findEmployees, type EmployeeRecord } from '../repositories/employee-rows.ts';
import type { Em } from '../repositories/sql.ts';
import { loadMappingRules, loadStandardCandidates } from '../repositories/standard-rows.ts';
import { rederiveEmployee } from './rederive-employee.ts';

const MAX_NOTES_LENGTH = 4000;

export interface CreateAssessmentInput {
  employeeId: string;
  method: string;
  assessedOn: string;
  notes?: string | null;
  scores?: readonly { competency: string; score: number; evidence?: string | null }[] | null;
}

function scoresFromInput(input: readonly { competency: string; score: number; evidence?: string | null }[]): ScoreInput[] {
  const scores = input.map((entry) => ({ competencyCode: entry.competency.trim(), score: entry.score, evidence: entry.evidence?.trim() || null }));
  const problems = validateScores(scores);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  const longEvidence = scores.find((score) => (score.evidence?.length ?? 0) > MAX_EVIDENCE_LENGTH);
  if (longEvidence) throw badUserInput(`Catatan bukti ${longEvidence.competencyCode} terlalu panjang (maks. ${MAX_EVIDENCE_LENGTH} karakter)`, 'evidence_too_long');
  return scores;
}

function transitionOrThrow(status: AssessmentStatus, action: AssessmentAction): void {
  const result = checkTransition(status, action);
  if (!result.ok) throw conflict(result.message, result.reason);
}

function requireMissingNone(missing: string[]): void {
  if (missing.length > 0) {
    throw badUserInput(`Asesmen belum lengkap: nilai ${missing.join(', ')} belum diisi`, 'incomplete_assessment', { missingCompetencies: missing });
  }
}

/** The employee of the read model, inside the assessor's region. */
async function employeeInScope(tx: Em, viewer: Viewer, employeeId: string): Promise<EmployeeRecord> {
  const [employee] = await findEmployees(tx, [employeeId]);
  if (employee === undefined) throw notFound(`Pegawai ${employeeId} tidak ditemukan di layanan kompetensi`, 'employee_not_found');
  if (!viewerCovers(viewer, employee.regionCode)) throw forbidden(`Pegawai ${employee.nip} berada di luar wilayah Anda`, 'employee_out_of_scope');
  return employee;
}

/** Locks the assessment row and checks the caller may act on its employee (by the employee's current region). */
async function assessmentInScope(tx: Em, viewer: Viewer, id: string) {
  const assessment = isUuid(id) ? await tx.findOne(Assessment, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (assessment === null) throw notFound(`Asesmen ${id} tidak ditemukan`, 'assessment_not_found');
  await employeeInScope(tx, viewer, assessment.employeeId);
  return assessment;
}

/** Flushes the unit of work and reads the assessment back as the API serves it. */
async function reload(tx: Em, id: string): Promise<AssessmentRecord> {
  await tx.flush();
  const [assessment] = await findAssessments(tx, [id]);
  if (assessment === undefined) throw new Error(`assessment ${id} vanished inside its own transaction`);
  return assessment;
}

async function scoreMap(tx: Em, assessmentId: string): Promise<Record<string, number>> {
  const scores = await tx.find(AssessmentScore, { assessmentId });
  return Object.fromEntries(scores.map((score) => [score.competencyCode, Number(score.score)]));
}

/** Adds or replaces scores of one assessment in the unit of work. */
async function putScores(tx: Em, assessmentId: string, scores: readonly ScoreInput[]): Promise<void> {
  const existing = await tx.find(AssessmentScore, { assessmentId, competencyCode: { $in: scores.map((score) => score.competencyCode) } });
  for (const score of scores) {
    const row = existing.find((entry) => entry.competencyCode === score.competencyCode);
    if (row) {
      row.score = score.score;
      row.evidence = score.evidence ?? null;
    } else {
      tx.create(AssessmentScore, { assessmentId, competencyCode: score.competencyCode, score: score.score, evidence: score.evidence ?? null });
    }
  }
}

export async function createAssessment(em: Em, viewer: Viewer, input: CreateAssessmentInput): Promise<AssessmentRecord> {
  assertRole(viewer, ...assessorRoles);
  if (!(ASSESSMENT_METHODS as readonly string[]).includes(input.method)) throw badUserInput('Metode asesmen tidak dikenal', 'invalid_method');
  if (!isIsoDate(input.assessedOn)) throw badUserInput('Tanggal asesmen harus berformat YYYY-MM-DD', 'invalid_date');
  if (input.assessedOn > todayIso()) throw badUserInput('Tanggal asesmen tidak boleh di masa depan', 'date_in_future');
  const notes = input.notes?.trim() || null;
  if (notes !== null && notes.length > MAX_NOTES_LENGTH) throw badUserInput('Catatan terlalu panjang', 'notes_too_long');
  const scores = scoresFromInput(input.scores ?? []);
  return em.transactional(async (tx) => {
    const employee = await employeeInScope(tx, viewer, input.employeeId);
    if (employee.status !== 'ACTIVE') throw conflict('Pegawai sudah tidak aktif', 'employee_not_active');
    const id = randomUUID();
    tx.create(Assessment, {
      id,
      seriesId: id,
      version: 1,
      employeeId: employee.employeeId,
      regionCode: employee.regionCode,
      assessor: viewer.username,
      method: input.method as AssessmentMethod,
      assessedOn: input.assessedOn,
      status: 'DRAFT',
      notes,
      correctionReason: null,
    });
    await putScores(tx, id, scores);
    return reload(tx, id);
  });
}

export async function updateAssessmentScores(em: Em, viewer: Viewer, id: string, input: CreateAssessmentInput['scores']): Promise<AssessmentRecord> {
  assertRole(viewer, ...assessorRoles);
  const scores = scoresFromInput(input ?? []);
  if (scores.length === 0) throw badUserInput('Tidak ada nilai yang dikirim', 'no_scores');
  return em.transactional(async (tx) => {
    const assessment = await assessmentInScope(tx, viewer, id);
    transitionOrThrow(assessment.status as AssessmentStatus, 'UPDATE_SCORES');
    await putScores(tx, assessment.id, scores);
    assessment.updatedAt = new Date();
    return reload(tx, assessment.id);
  });
}

export async function submitAssessment(em: Em, viewer: Viewer, id: string): Promise<AssessmentRecord> {
  assertRole(viewer, ...assessorRoles);
  return em.transactional(async (tx) => {
    const assessment = await assessmentInScope(tx, viewer, id);
    transitionOrThrow(assessment.status as AssessmentStatus, 'SUBMIT');
    requireMissingNone(missingCompetencies(Object.keys(await scoreMap(tx, assessment.id))));
    const now = new Date();
    Object.assign(assessment, { status: 'SUBMITTED', submittedAt: now, updatedAt: now });
    return reload(tx, assessment.id);
  });
}

/** Finalises: JPM and category under the standard and rule in force today, the AssessmentFinalised event, the employee's gaps. */
export async function finaliseAssessment(em: Em, viewer: Viewer, id: string): Promise<AssessmentRecord> {
  assertRole(viewer, ...assessorRoles);
  return em.transactional(async (tx) => {
    const assessment = await assessmentInScope(tx, viewer, id);
    const scores = await scoreMap(tx, assessment.id);
    // Completeness first: "finalise an incomplete assessment" gets the reason that tells what to fix.
    if (assessment.status !== 'FINALISED') requireMissingNone(missingCompetencies(Object.keys(scores)));
    transitionOrThrow(assessment.status as AssessmentStatus, 'FINALISE');
    const [employee] = await findEmployees(tx, [assessment.employeeId]);
    const today = todayIso();
    const [standards, rules] = await Promise.all([employee ? loadStandardCandidates(tx, [employee]) : [], loadMappingRules(tx)]);
    const standard = employee ? selectStandard(standards, employee, today) : null;
    const { jpmRule, scheme } = selectMappingRule(rules, employee?.instansiId ?? null, today);
    const jpm = standard ? computeJpm(computeGaps(standard.standard.levels, scores), jpmRule) : null;
    const category = jpm === null ? null : categorise(jpm, scheme).category;
    const now = new Date();
    Object.assign(assessment, { status: 'FINALISED', finalisedAt: now, finalisedBy: viewer.username, jpm, category, updatedAt: now });
    const finalised = await reload(tx, assessment.id);
    enqueueAssessmentFinalised(tx, finalised, scores, { jpm, category, actor: viewer.username });
    await rederiveEmployee(tx, assessment.employeeId, today);
    return finalised;
  });
}

/** A correction is a new DRAFT version of the same series carrying the previous scores. */
export async function correctAssessment(em: Em, viewer: Viewer, id: string, reasonInput: string): Promise<AssessmentRecord> {
  assertRole(viewer, ...assessorRoles);
  const reason = reasonInput.trim();
  if (reason.length < 3 || reason.length > 1000) throw badUserInput('Alasan koreksi harus 3–1000 karakter', 'invalid_correction_reason');
  return em.transactional(async (tx) => {
    const target = await assessmentInScope(tx, viewer, id);
    const [targetRecord] = await findAssessments(tx, [target.id]);
    if (targetRecord === undefined) throw new Error(`assessment ${target.id} vanished inside its own transaction`);
    const check = checkCorrection(targetRecord, await findSeries(tx, target.seriesId));
    if (!check.ok) throw conflict(check.message, check.reason);
    const newId = randomUUID();
    tx.create(Assessment, {
      id: newId,
      seriesId: target.seriesId,
      version: check.version,
      employeeId: target.employeeId,
      regionCode: target.regionCode,
      assessor: viewer.username,
      method: target.method,
      assessedOn: target.assessedOn,
      status: 'DRAFT',
      notes: target.notes ?? null,
      correctionReason: reason,
    });
    const previous = await findScores(tx, [target.id]);
    await putScores(tx, newId, previous.map((score) => ({ competencyCode: score.competencyCode, score: score.score, evidence: score.evidence })));
    return reload(tx, newId);
  });
}
