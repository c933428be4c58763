// Standards and mapping rules are personnel policy of an instansi (DOMAIN.md "Competency": configurable
// per instansi with an effective date). Validate first, then one transaction through the unit of work;
// the national rows only by a national admin.
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import { isIsoDate, todayIso } from '@kinerja/kit/dates';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { assertViewerCovers, isNationalViewer, standardSetterRoles } from '@kinerja/kit/scoping';
import type { CategoryBand, MappingScheme, TalentPotential } from '../domain/category.ts';
import { validateMappingSchemeInput } from '../domain/mapping-rule.ts';
import { isJenisJabatan, validateRequiredLevels, type JenisJabatan, type RequiredLevels, type StandardCandidate } from '../domain/standards.ts';
import { CompetencyStandard, MappingRule } from '../entities/index.ts';
import { employeeIdsAffectedByStandard, regionsOfScope } from '../repositories/employee-rows.ts';
import type { Em } from '../repositories/sql.ts';
import { mappingRuleExists, standardExists, type MappingRuleRecord } from '../repositories/standard-rows.ts';
import { rederiveEmployee } from './rederive-employee.ts';

export interface SetStandardInput {
  instansiId?: string | null;
  positionId?: string | null;
  jenisJabatan?: string | null;
  effectiveFrom: string;
  levels: readonly { competency: string; level: number }[];
}

/** An instansi or position standard needs the caller to cover every region it reaches; a national one a national admin. */
async function assertMayConfigure(tx: Em, viewer: Viewer, target: { positionId: string | null; instansiId: string | null }, what: string): Promise<void> {
  if (target.positionId !== null) {
    const regions = await regionsOfScope(tx, { positionId: target.positionId });
    if (regions.length === 0) throw notFound(`Jabatan ${target.positionId} belum dikenal (belum ada pegawai yang memegangnya)`, 'position_not_found');
    for (const region of regions) assertViewerCovers(viewer, region);
  } else if (target.instansiId !== null) {
    const regions = await regionsOfScope(tx, { instansiId: target.instansiId });
    if (regions.length === 0) throw notFound(`Instansi ${target.instansiId} belum dikenal`, 'instansi_not_found');
    for (const region of regions) assertViewerCovers(viewer, region);
  } else if (!isNationalViewer(viewer)) {
    throw forbidden(`${what} nasional hanya dapat diubah oleh admin nasional`, 'national_scope_required');
  }
}

export async function setCompetencyStandard(em: Em, viewer: Viewer, input: SetStandardInput): Promise<StandardCandidate> {
  assertRole(viewer, ...standardSetterRoles);
  const instansiId = input.instansiId?.trim() || null;
  const positionId = input.positionId?.trim() || null;
  const jenisJabatan = input.jenisJabatan ?? null;
  if (jenisJabatan !== null && !isJenisJabatan(jenisJabatan)) throw badUserInput('Jenis jabatan tidak dikenal', 'invalid_jenis_jabatan');
  if (positionId === null && jenisJabatan === null) {
    throw badUserInput('Sebutkan jenis jabatan, atau jabatan (positionId) untuk standar khusus jabatan', 'standard_target_missing');
  }
  if (!isIsoDate(input.effectiveFrom)) throw badUserInput('Tanggal berlaku harus berformat YYYY-MM-DD', 'invalid_date');
  const levels = input.levels.map((entry) => ({ competencyCode: entry.competency.trim(), level: entry.level }));
  const problems = validateRequiredLevels(levels);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  const standard: StandardCandidate = {
    id: randomUUID(),
    instansiId: positionId !== null ? null : instansiId,
    jenisJabatan: positionId !== null ? null : (jenisJabatan as JenisJabatan),
    positionId,
    effectiveFrom: input.effectiveFrom,
    levels: Object.fromEntries(levels.map((entry) => [entry.competencyCode, entry.level])) as RequiredLevels,
  };
  const taken = () => conflict('Standar untuk sasaran dan tanggal berlaku ini sudah ada', 'standard_exists');
  try {
    return await em.transactional(async (tx) => {
      await assertMayConfigure(tx, viewer, { positionId, instansiId }, 'Standar');
      if (await standardExists(tx, standard)) throw taken();
      const inForce = input.effectiveFrom <= todayIso();
      tx.create(CompetencyStandard, { ...standard, createdBy: viewer.username, appliedAt: inForce ? new Date() : null });
      await tx.flush();
      // A standard in force today changes the gaps of everyone it applies to; a future one is applied by
      // the job in configuration-in-force.ts once its date has come.
      if (inForce) {
        for (const employeeId of await employeeIdsAffectedByStandard(tx, standard)) await rederiveEmployee(tx, employeeId);
      }
      return standard;
    });
  } catch (error) {
    // Two admins recording the same target and date at once: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw taken();
    throw error;
  }
}

export interface SetMappingRuleInput {
  instansiId?: string | null;
  effectiveFrom: string;
  capSurplus: boolean;
  scheme: { code: string; name: string; bands: readonly { category: string; label: string; minJpm: number; talentPotential: string }[] };
}

export async function setMappingRule(em: Em, viewer: Viewer, input: SetMappingRuleInput): Promise<MappingRuleRecord> {
  assertRole(viewer, ...standardSetterRoles);
  const instansiId = input.instansiId?.trim() || null;
  if (!isIsoDate(input.effectiveFrom)) throw badUserInput('Tanggal berlaku harus berformat YYYY-MM-DD', 'invalid_date');
  const scheme: MappingScheme = {
    code: input.scheme.code.trim(),
    name: input.scheme.name.trim(),
    bands: input.scheme.bands.map(
      (band): CategoryBand => ({ category: band.category.trim(), label: band.label.trim(), minJpm: band.minJpm, potential: band.talentPotential as TalentPotential }),
    ),
  };
  const problems = validateMappingSchemeInput(scheme);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  const rule: MappingRuleRecord = { id: randomUUID(), instansiId, effectiveFrom: input.effectiveFrom, jpmRule: { capSurplus: input.capSurplus }, scheme };
  const taken = () => conflict('Aturan pemetaan untuk instansi dan tanggal berlaku ini sudah ada', 'mapping_rule_exists');
  try {
    return await em.transactional(async (tx) => {
      await assertMayConfigure(tx, viewer, { positionId: null, instansiId }, 'Aturan pemetaan');
      if (await mappingRuleExists(tx, rule)) throw taken();
      // JPM and the category are derived when read, so a rule in force today needs no re-derivation; a
      // future one is recorded as applied by configuration-in-force.ts once its date comes.
      const appliedAt = input.effectiveFrom <= todayIso() ? new Date() : null;
      tx.create(MappingRule, { id: rule.id, instansiId, effectiveFrom: rule.effectiveFrom, capSurplus: input.capSurplus, scheme, createdBy: viewer.username, appliedAt });
      return rule;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw taken();
    throw error;
  }
}
