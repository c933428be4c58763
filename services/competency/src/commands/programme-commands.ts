// The diklat catalogue: each programme belongs to the catalogue of the region of whoever created it
// (`ID` national). Codes are unique along every line of regions that can see each other's programmes
// (a region, the regions above it and below it), so no employee is ever offered two programmes with one
// code, while two regencies may each use their own `PKP-1`: a regional planner cannot take a code for
// the whole country.
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { isUuid } from '@kinerja/kit/ids';
import { isNationalViewer, programmeKeeperRoles, regionCovers, viewerCovers } from '@kinerja/kit/scoping';
import { isKnownCompetencyCode, MAX_LEVEL, MIN_LEVEL } from '../domain/dictionary.ts';
import { DELIVERY_MODES, type DeliveryMode } from '../domain/training-needs.ts';
import { TrainingProgramme } from '../entities/index.ts';
import { findProgrammes, type ProgrammeRecord } from '../repositories/programme-rows.ts';
import type { Em } from '../repositories/sql.ts';

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

async function reloadProgramme(tx: Em, id: string): Promise<ProgrammeRecord> {
  await tx.flush();
  const [programme] = await findProgrammes(tx, [id]);
  if (programme === undefined) throw new Error(`programme ${id} vanished inside its own transaction`);
  return programme;
}

export interface CreateProgrammeInput {
  code: string;
  name: string;
  competency: string;
  targetLevel: number;
  hours: number;
  deliveryMode: string;
}

export async function createTrainingProgramme(em: Em, viewer: Viewer, input: CreateProgrammeInput): Promise<ProgrammeRecord> {
  assertRole(viewer, ...programmeKeeperRoles);
  const regionCode = viewer.regionCode;
  // The token verifier refuses programme keepers without a valid region; this keeps the type honest.
  if (regionCode === null) throw forbidden('Akun ini tidak memiliki kode wilayah', 'invalid_region_code');
  const programme: ProgrammeRecord = {
    id: randomUUID(),
    code: input.code.trim(),
    name: input.name.trim(),
    competencyCode: input.competency.trim(),
    targetLevel: input.targetLevel,
    hoursJp: input.hours,
    deliveryMode: input.deliveryMode as DeliveryMode,
    regionCode,
    active: true,
  };
  validateProgramme(programme);
  return em.transactional(async (tx) => {
    // Serialises creators of the same code, so the check below cannot race.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`training_programme:${programme.code}`]);
    const sameCode = await tx.find(TrainingProgramme, { code: programme.code });
    if (sameCode.some((other) => regionCovers(other.regionCode, regionCode) || regionCovers(regionCode, other.regionCode))) {
      throw conflict(`Kode program ${programme.code} sudah dipakai`, 'programme_code_taken');
    }
    tx.create(TrainingProgramme, {
      id: programme.id,
      code: programme.code,
      name: programme.name,
      competencyCode: programme.competencyCode,
      targetLevel: programme.targetLevel,
      hours: programme.hoursJp,
      deliveryMode: programme.deliveryMode,
      regionCode,
      active: true,
    });
    return reloadProgramme(tx, programme.id);
  });
}

export interface UpdateProgrammeInput {
  name?: string | null;
  targetLevel?: number | null;
  hours?: number | null;
  deliveryMode?: string | null;
  active?: boolean | null;
}

/** Only the catalogue's own region (or above it) changes a programme; the national catalogue only nationally. */
export async function updateTrainingProgramme(em: Em, viewer: Viewer, id: string, input: UpdateProgrammeInput): Promise<ProgrammeRecord> {
  assertRole(viewer, ...programmeKeeperRoles);
  return em.transactional(async (tx) => {
    const current = isUuid(id) ? await tx.findOne(TrainingProgramme, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (current === null) throw notFound(`Program ${id} tidak ditemukan`, 'programme_not_found');
    if (!viewerCovers(viewer, current.regionCode) || (current.regionCode === 'ID' && !isNationalViewer(viewer))) {
      throw forbidden('Program ini milik katalog wilayah lain', 'programme_out_of_scope');
    }
    const next: ProgrammeRecord = {
      id: current.id,
      code: current.code,
      competencyCode: current.competencyCode,
      regionCode: current.regionCode,
      name: input.name?.trim() ?? current.name,
      targetLevel: input.targetLevel ?? current.targetLevel,
      hoursJp: input.hours ?? current.hours,
      deliveryMode: (input.deliveryMode as DeliveryMode | null | undefined) ?? (current.deliveryMode as DeliveryMode),
      active: input.active ?? current.active,
    };
    validateProgramme(next);
    Object.assign(current, { name: next.name, targetLevel: next.targetLevel, hours: next.hoursJp, deliveryMode: next.deliveryMode, active: next.active, updatedAt: new Date() });
    return reloadProgramme(tx, current.id);
  });
}
