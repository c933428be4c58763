// Mutations. Each validates everything it can before writing and runs in one transaction, so a refused
// call changes nothing and publishes nothing (the outbox row commits with the change or not at all).
import { randomUUID } from 'node:crypto';
import { assertRole, badUserInput, conflict, forbidden, notFound, type Viewer } from '@kinerja/kit';
import { ASSESSMENT_METHODS, checkCorrection, checkTransition, type AssessmentMethod, type AssessmentAction } from '../domain/assessment-lifecycle.ts';
import { categorise, type CategoryBand, type TalentPotential } from '../domain/category.ts';
import { validateMappingSchemeInput } from '../domain/mapping-rule.ts';
import { computeGaps } from '../domain/gap.ts';
import { computeJpm } from '../domain/jpm.ts';
import { isKnownCompetencyCode, MAX_LEVEL, MIN_LEVEL } from '../domain/dictionary.ts';
import { missingCompetencies, MAX_EVIDENCE_LENGTH, validateScores, type ScoreInput } from '../domain/score-validation.ts';
import { isJenisJabatan, selectStandard, validateRequiredLevels, type JenisJabatan } from '../domain/standards.ts';
import { DELIVERY_MODES, type DeliveryMode } from '../domain/training-needs.ts';
import { rederiveEmployee, selectMappingRule } from '../derived/employee-derivation.ts';
import { enqueueAssessmentFinalised } from '../events/assessment-finalised-event.ts';
import {
  findAssessments,
  findScores,
  findSeries,
  insertAssessment,
  lockAssessment,
  markFinalised,
  markSubmitted,
  upsertScores,
  type AssessmentRecord,
} from '../store/assessment-store.ts';
import { employeeIdsAffectedByStandard, findEmployees, regionsOfScope, type EmployeeRecord } from '../store/employee-store.ts';
import { findProgrammes, insertProgramme, lockProgramme, updateProgramme, type ProgrammeRecord } from '../store/programme-store.ts';
import { todayIso, type Em } from '../store/sql.ts';
import { insertMappingRule, insertStandard, loadMappingRules, loadStandardCandidates } from '../store/standard-store.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { assessmentWriterRoles, assertViewerSees, programmeWriterRoles, standardWriterRoles, viewerRegion, viewerSees } from './scope.ts';
import { standardParent, type MappingRuleParent } from './types.ts';

const MAX_NOTES_LENGTH = 4000;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
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

function transitionOrThrow(status: AssessmentRecord['status'], action: AssessmentAction): void {
  const result = checkTransition(status, action);
  if (!result.ok) throw conflict(result.message, result.reason);
}

async function employeeInScope(em: Em, viewer: Viewer, employeeId: string): Promise<EmployeeRecord> {
  const [employee] = await findEmployees(em, [employeeId]);
  if (employee === undefined) throw notFound(`Pegawai ${employeeId} tidak ditemukan di layanan kompetensi`, 'employee_not_found');
  if (!viewerSees(viewer, employee.regionCode)) {
    throw forbidden(`Pegawai ${employee.nip} berada di luar wilayah Anda`, 'employee_out_of_scope');
  }
  return employee;
}

/** Locks the assessment and checks the caller may act on its employee (by the employee's current region). */
async function assessmentInScope(em: Em, viewer: Viewer, id: string): Promise<AssessmentRecord> {
  const assessment = await lockAssessment(em, id).catch(() => null);
  if (assessment === null) throw notFound(`Asesmen ${id} tidak ditemukan`, 'assessment_not_found');
  await employeeInScope(em, viewer, assessment.employeeId);
  return assessment;
}

async function reload(em: Em, id: string): Promise<AssessmentRecord> {
  const [assessment] = await findAssessments(em, [id]);
  if (assessment === undefined) throw new Error(`assessment ${id} vanished inside its own transaction`);
  return assessment;
}

async function reloadProgramme(em: Em, id: string): Promise<ProgrammeRecord> {
  const [programme] = await findProgrammes(em, [id]);
  if (programme === undefined) throw new Error(`programme ${id} vanished inside its own transaction`);
  return programme;
}

async function scoreMap(em: Em, assessmentId: string): Promise<Record<string, number>> {
  return Object.fromEntries((await findScores(em, [assessmentId])).map((score) => [score.competencyCode, score.score]));
}

function requireMissingNone(missing: string[]): void {
  if (missing.length > 0) {
    throw badUserInput(`Asesmen belum lengkap: nilai ${missing.join(', ')} belum diisi`, 'incomplete_assessment', { missingCompetencies: missing });
  }
}

function validateProgramme(programme: ProgrammeRecord): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/.test(programme.code)) {
    throw badUserInput('Kode program: 2–40 huruf, angka, titik, garis bawah atau tanda hubung', 'invalid_programme_code');
  }
  if (programme.name.length < 3 || programme.name.length > 200) throw badUserInput('Nama program harus 3–200 karakter', 'invalid_programme_name');
  if (!isKnownCompetencyCode(programme.competencyCode)) throw badUserInput(`Kompetensi ${programme.competencyCode} tidak dikenal`, 'unknown_competency');
  if (!Number.isInteger(programme.targetLevel) || programme.targetLevel < MIN_LEVEL || programme.targetLevel > MAX_LEVEL) {
    throw badUserInput(`Level target harus bilangan bulat ${MIN_LEVEL}–${MAX_LEVEL}`, 'level_out_of_range');
  }
  if (!Number.isInteger(programme.hoursJp) || programme.hoursJp < 1 || programme.hoursJp > 1000) {
    throw badUserInput('Jumlah JP harus bilangan bulat 1–1000', 'invalid_hours');
  }
  if (!(DELIVERY_MODES as readonly string[]).includes(programme.deliveryMode)) throw badUserInput('Moda pelaksanaan tidak dikenal', 'invalid_delivery_mode');
}

export const mutationResolvers: MutationResolvers = {
  createAssessment: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...assessmentWriterRoles);
    const { input } = args;
    if (!(ASSESSMENT_METHODS as readonly string[]).includes(input.method)) throw badUserInput('Metode asesmen tidak dikenal', 'invalid_method');
    if (!isCalendarDate(input.assessedOn)) throw badUserInput('Tanggal asesmen harus berformat YYYY-MM-DD', 'invalid_date');
    if (input.assessedOn > todayIso()) throw badUserInput('Tanggal asesmen tidak boleh di masa depan', 'date_in_future');
    const notes = input.notes?.trim() || null;
    if (notes !== null && notes.length > MAX_NOTES_LENGTH) throw badUserInput('Catatan terlalu panjang', 'notes_too_long');
    const scores = scoresFromInput(input.scores ?? []);
    return ctx.em.transactional(async (tx) => {
      const employee = await employeeInScope(tx, ctx.viewer, input.employeeId);
      if (employee.status !== 'ACTIVE') throw conflict('Pegawai sudah tidak aktif', 'employee_not_active');
      const id = randomUUID();
      await insertAssessment(tx, {
        id,
        seriesId: id,
        version: 1,
        employeeId: employee.employeeId,
        regionCode: employee.regionCode,
        assessor: ctx.viewer.username,
        method: input.method as AssessmentMethod,
        assessedOn: input.assessedOn,
        notes,
        correctionReason: null,
      });
      if (scores.length > 0) await upsertScores(tx, id, scores);
      return reload(tx, id);
    });
  },

  updateAssessmentScores: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...assessmentWriterRoles);
    const scores = scoresFromInput(args.scores);
    if (scores.length === 0) throw badUserInput('Tidak ada nilai yang dikirim', 'no_scores');
    return ctx.em.transactional(async (tx) => {
      const assessment = await assessmentInScope(tx, ctx.viewer, args.id);
      transitionOrThrow(assessment.status, 'UPDATE_SCORES');
      await upsertScores(tx, assessment.id, scores);
      return reload(tx, assessment.id);
    });
  },

  submitAssessment: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...assessmentWriterRoles);
    return ctx.em.transactional(async (tx) => {
      const assessment = await assessmentInScope(tx, ctx.viewer, args.id);
      transitionOrThrow(assessment.status, 'SUBMIT');
      requireMissingNone(missingCompetencies(Object.keys(await scoreMap(tx, assessment.id))));
      await markSubmitted(tx, assessment.id);
      return reload(tx, assessment.id);
    });
  },

  finaliseAssessment: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...assessmentWriterRoles);
    return ctx.em.transactional(async (tx) => {
      const assessment = await assessmentInScope(tx, ctx.viewer, args.id);
      const scores = await scoreMap(tx, assessment.id);
      // Completeness first: "finalise an incomplete assessment" gets the reason that tells what to fix.
      if (assessment.status !== 'FINALISED') requireMissingNone(missingCompetencies(Object.keys(scores)));
      transitionOrThrow(assessment.status, 'FINALISE');
      const [employee] = await findEmployees(tx, [assessment.employeeId]);
      const today = todayIso();
      const [standards, rules] = await Promise.all([employee ? loadStandardCandidates(tx, [employee]) : [], loadMappingRules(tx)]);
      const standard = employee ? selectStandard(standards, employee, today) : null;
      const { jpmRule, scheme } = selectMappingRule(rules, employee?.instansiId ?? null, today);
      const jpm = standard ? computeJpm(computeGaps(standard.standard.levels, scores), jpmRule) : null;
      const category = jpm === null ? null : categorise(jpm, scheme).category;
      await markFinalised(tx, assessment.id, ctx.viewer.username, jpm, category);
      const finalised = await reload(tx, assessment.id);
      enqueueAssessmentFinalised(tx, finalised, scores, { jpm, category, actor: ctx.viewer.username });
      await rederiveEmployee(tx, assessment.employeeId, today);
      return finalised;
    });
  },

  correctAssessment: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...assessmentWriterRoles);
    const reason = args.reason.trim();
    if (reason.length < 3 || reason.length > 1000) throw badUserInput('Alasan koreksi harus 3–1000 karakter', 'invalid_correction_reason');
    return ctx.em.transactional(async (tx) => {
      const target = await assessmentInScope(tx, ctx.viewer, args.id);
      const check = checkCorrection(target, await findSeries(tx, target.seriesId));
      if (!check.ok) throw conflict(check.message, check.reason);
      const id = randomUUID();
      await insertAssessment(tx, {
        id,
        seriesId: target.seriesId,
        version: check.version,
        employeeId: target.employeeId,
        regionCode: target.regionCode,
        assessor: ctx.viewer.username,
        method: target.method,
        assessedOn: target.assessedOn,
        notes: target.notes,
        correctionReason: reason,
      });
      const previous = await findScores(tx, [target.id]);
      await upsertScores(tx, id, previous.map((score) => ({ competencyCode: score.competencyCode, score: score.score, evidence: score.evidence })));
      return reload(tx, id);
    });
  },

  setCompetencyStandard: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...standardWriterRoles);
    const { input } = args;
    const instansiId = input.instansiId?.trim() || null;
    const positionId = input.positionId?.trim() || null;
    const jenisJabatan = input.jenisJabatan ?? null;
    if (jenisJabatan !== null && !isJenisJabatan(jenisJabatan)) throw badUserInput('Jenis jabatan tidak dikenal', 'invalid_jenis_jabatan');
    if (positionId === null && jenisJabatan === null) {
      throw badUserInput('Sebutkan jenis jabatan, atau jabatan (positionId) untuk standar khusus jabatan', 'standard_target_missing');
    }
    if (!isCalendarDate(input.effectiveFrom)) throw badUserInput('Tanggal berlaku harus berformat YYYY-MM-DD', 'invalid_date');
    const levels = input.levels.map((entry) => ({ competencyCode: entry.competency.trim(), level: entry.level }));
    const problems = validateRequiredLevels(levels);
    const first = problems[0];
    if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });

    return ctx.em.transactional(async (tx) => {
      if (positionId !== null) {
        const regions = await regionsOfScope(tx, { positionId });
        if (regions.length === 0) throw notFound(`Jabatan ${positionId} belum dikenal (belum ada pegawai yang memegangnya)`, 'position_not_found');
        for (const region of regions) assertViewerSees(ctx.viewer, region);
      } else if (instansiId !== null) {
        const regions = await regionsOfScope(tx, { instansiId });
        if (regions.length === 0) throw notFound(`Instansi ${instansiId} belum dikenal`, 'instansi_not_found');
        for (const region of regions) assertViewerSees(ctx.viewer, region);
      } else if (viewerRegion(ctx.viewer) !== 'ID') {
        throw forbidden('Standar nasional hanya dapat diubah oleh admin nasional', 'national_scope_required');
      }
      const inForce = input.effectiveFrom <= todayIso();
      const standard = await insertStandard(tx, {
        instansiId: positionId !== null ? null : instansiId,
        jenisJabatan: positionId !== null ? null : (jenisJabatan as JenisJabatan),
        positionId,
        effectiveFrom: input.effectiveFrom,
        levels: Object.fromEntries(levels.map((entry) => [entry.competencyCode, entry.level])),
        createdBy: ctx.viewer.username,
        appliedNow: inForce,
      });
      if (standard === null) throw conflict('Standar untuk sasaran dan tanggal berlaku ini sudah ada', 'standard_exists');
      // A standard in force today changes the gaps of everyone it applies to; a future one is applied by
      // the job in src/derived/configuration-in-force.ts once its date has come.
      if (inForce) {
        for (const employeeId of await employeeIdsAffectedByStandard(tx, standard)) await rederiveEmployee(tx, employeeId);
      }
      return standardParent(standard);
    });
  },

  setMappingRule: async (_, args, ctx): Promise<MappingRuleParent> => {
    assertRole(ctx.viewer, ...standardWriterRoles);
    const { input } = args;
    const instansiId = input.instansiId?.trim() || null;
    if (!isCalendarDate(input.effectiveFrom)) throw badUserInput('Tanggal berlaku harus berformat YYYY-MM-DD', 'invalid_date');
    const scheme = {
      code: input.scheme.code.trim(),
      name: input.scheme.name.trim(),
      bands: input.scheme.bands.map(
        (band): CategoryBand => ({ category: band.category.trim(), label: band.label.trim(), minJpm: band.minJpm, potential: band.talentPotential as TalentPotential }),
      ),
    };
    const problems = validateMappingSchemeInput(scheme);
    const first = problems[0];
    if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });

    return ctx.em.transactional(async (tx) => {
      if (instansiId !== null) {
        const regions = await regionsOfScope(tx, { instansiId });
        if (regions.length === 0) throw notFound(`Instansi ${instansiId} belum dikenal`, 'instansi_not_found');
        for (const region of regions) assertViewerSees(ctx.viewer, region);
      } else if (viewerRegion(ctx.viewer) !== 'ID') {
        throw forbidden('Aturan pemetaan nasional hanya dapat diubah oleh admin nasional', 'national_scope_required');
      }
      const rule = await insertMappingRule(tx, {
        instansiId,
        effectiveFrom: input.effectiveFrom,
        jpmRule: { capSurplus: input.capSurplus },
        scheme,
        createdBy: ctx.viewer.username,
        // JPM and the category are derived when read, so a rule in force today needs no re-derivation; a
        // future one is recorded as applied by src/derived/configuration-in-force.ts once its date comes.
        appliedNow: input.effectiveFrom <= todayIso(),
      });
      if (rule === null) throw conflict('Aturan pemetaan untuk instansi dan tanggal berlaku ini sudah ada', 'mapping_rule_exists');
      return { instansiId: rule.instansiId, effectiveFrom: rule.effectiveFrom, capSurplus: rule.jpmRule.capSurplus, scheme: rule.scheme };
    });
  },

  createTrainingProgramme: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...programmeWriterRoles);
    const { input } = args;
    const programme: ProgrammeRecord = {
      id: randomUUID(),
      code: input.code.trim(),
      name: input.name.trim(),
      competencyCode: input.competency.trim(),
      targetLevel: input.targetLevel,
      hoursJp: input.hours,
      deliveryMode: input.deliveryMode as DeliveryMode,
      regionCode: viewerRegion(ctx.viewer),
      active: true,
    };
    validateProgramme(programme);
    return ctx.em.transactional(async (tx) => {
      if (!(await insertProgramme(tx, programme))) throw conflict(`Kode program ${programme.code} sudah dipakai`, 'programme_code_taken');
      return reloadProgramme(tx, programme.id);
    });
  },

  updateTrainingProgramme: async (_, args, ctx) => {
    assertRole(ctx.viewer, ...programmeWriterRoles);
    return ctx.em.transactional(async (tx) => {
      const current = await lockProgramme(tx, args.id).catch(() => null);
      if (current === null) throw notFound(`Program ${args.id} tidak ditemukan`, 'programme_not_found');
      if (!viewerSees(ctx.viewer, current.regionCode) || (current.regionCode === 'ID' && viewerRegion(ctx.viewer) !== 'ID')) {
        throw forbidden('Program ini milik katalog wilayah lain', 'programme_out_of_scope');
      }
      const { input } = args;
      const next: ProgrammeRecord = {
        ...current,
        name: input.name?.trim() ?? current.name,
        targetLevel: input.targetLevel ?? current.targetLevel,
        hoursJp: input.hours ?? current.hoursJp,
        deliveryMode: (input.deliveryMode as DeliveryMode | null | undefined) ?? current.deliveryMode,
        active: input.active ?? current.active,
      };
      validateProgramme(next);
      await updateProgramme(tx, next);
      return reloadProgramme(tx, next.id);
    });
  },
};
