// Writes for the BKN SIASN import (issue 15): create or update one unit (unor) or one employee from
// SIASN's record, found again by SIASN's own id. Each record's writes are ONE transaction (a savepoint
// when the import runs them inside its batch transaction) with the same checks and the same
// EmployeeChanged event as the admin mutations (employee-commands.ts), so headcounts (triggers), read
// models (events) and audit entries follow as for any change, and a refused record changes nothing. A
// record equal to ours writes nothing and sends no event (re-imports are idempotent).
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { todayIso } from '@kinerja/kit/dates';
import { badUserInput, conflict, forbidden } from '@kinerja/kit/errors';
import { isNationalViewer, regionCovers } from '@kinerja/kit/scoping';
import { isGolonganValidFor, isValidKelasJabatan } from '../domain/golongan.ts';
import { parseNip } from '../domain/nip.ts';
import { isOneOf, jenisJabatanValues, type EmploymentType, type JenisJabatan } from '../domain/vocabulary.ts';
import { canAdministerRegion } from '../domain/visibility.ts';
import { Employee, OrgUnit, Position, Region, type EmployeeEntity } from '../entities/index.ts';
import type { EmployeeChangeKind } from '../events/employee-changed.ts';
import type { SiasnEmployeeFacts, SiasnPositionFacts, SiasnUnitFacts } from '../repositories/siasn-rows.ts';
import { actorOf, assertAdministers, assertSupervisorChainAcyclic, assertSupervisorUsable, publishSnapshot } from './employee-commands.ts';
import { SiasnLookups } from './siasn-lookups.ts';

export type SiasnOutcome = 'created' | 'updated' | 'unchanged';

export interface SiasnUnitRecord {
  /** SIASN unor `Id`. */
  siasnId: string;
  /** `NamaUnor`. */
  name: string;
  /** `DiatasanId`; null for the instansi (the root of the tree). */
  parentSiasnId: string | null;
  /** Kemendagri region of a new instansi; units below take their parent's region. */
  regionCode?: string | null;
}

export interface SiasnUnitResult {
  outcome: SiasnOutcome;
  id: string;
}

/** Creates the unit, renames it, or attaches SIASN's id to the unit of the same name under the same parent. */
export async function syncSiasnUnit(em: EntityManager, viewer: Viewer, record: SiasnUnitRecord): Promise<SiasnUnitResult> {
  assertRole(viewer, 'admin-kepegawaian');
  const name = record.name.trim();
  if (name.length < 2 || name.length > 200) throw badUserInput('Nama unit harus 2–200 karakter', 'invalid_name', { field: 'NamaUnor' });
  if (record.siasnId.trim() === '') throw badUserInput('Id unor SIASN kosong', 'missing_siasn_id', { field: 'Id' });
  return em.transactional(async (tx) => {
    const parent = record.parentSiasnId ? await tx.findOne(OrgUnit, { siasnId: record.parentSiasnId }) : null;
    if (record.parentSiasnId && !parent) {
      throw badUserInput(`Unor induk ${record.parentSiasnId} tidak ditemukan`, 'parent_not_found', { field: 'DiatasanId' });
    }
    const existing = (await tx.findOne(OrgUnit, { siasnId: record.siasnId })) ?? (await sameNamedUnit(tx, name, parent?.id ?? null, record.regionCode ?? null));
    if (existing) {
      assertAdministers(viewer, existing.regionCode, 'Unit kerja');
      if ((existing.parentId ?? null) !== (parent?.id ?? null)) {
        // Personnel has no command that moves a unit (its employees' unit paths and region would change with it).
        throw conflict(`Unit ${existing.name} berada di bawah unit induk lain daripada di SIASN; pemindahan unit belum didukung`, 'unit_moved');
      }
      if (existing.name === name && existing.siasnId === record.siasnId) return { outcome: 'unchanged' as const, id: existing.id };
      existing.name = name;
      existing.siasnId = record.siasnId;
      return { outcome: 'updated' as const, id: existing.id };
    }
    const regionCode = parent ? parent.regionCode : record.regionCode;
    if (!regionCode) throw badUserInput('Instansi baru memerlukan kode wilayah (--region)', 'region_required', { field: 'regionCode' });
    if (!parent && !(await tx.findOne(Region, { code: regionCode }))) {
      throw badUserInput(`Kode wilayah ${regionCode} tidak dikenal`, 'region_not_found', { field: 'regionCode' });
    }
    if (!canAdministerRegion(viewer, regionCode)) throw forbidden(`Wilayah ${regionCode} di luar kewenangan Anda`, 'region_out_of_scope');
    if (parent && !regionCovers(parent.regionCode, regionCode)) {
      throw badUserInput('Wilayah unit harus berada di dalam wilayah unit induknya', 'region_outside_parent', { field: 'regionCode' });
    }
    const id = randomUUID();
    tx.create(OrgUnit, { id, name, regionCode, parentId: parent?.id ?? null, instansiId: parent ? parent.instansiId : id, siasnId: record.siasnId });
    return { outcome: 'created' as const, id };
  });
}

async function sameNamedUnit(tx: EntityManager, name: string, parentId: string | null, regionCode: string | null) {
  // Units made here before the first import have no SIASN id yet: the one of the same name at the same place is it.
  const where = parentId ? { parentId, name, siasnId: null } : { parentId: null, name, siasnId: null, ...(regionCode ? { regionCode } : {}) };
  const matches = await tx.find(OrgUnit, where, { limit: 2 });
  return matches.length === 1 ? matches[0] : null;
}

export interface SiasnEmployeeRecord {
  /** SIASN person id (`id`/`pnsId`). */
  siasnId: string;
  /** `nipBaru`. */
  nip: string;
  name: string;
  employmentType: EmploymentType;
  /** `golRuangAkhir`: PNS I/a … IV/e, PPPK I … XVII. */
  golongan: string;
  position: { title: string; jenisJabatan: string; kelasJabatan: number };
  /** `unorId`. */
  unitSiasnId: string;
  /** SIASN person id of the direct supervisor (the leader of the unit, or of the nearest unit above). */
  supervisorSiasnId: string | null;
  /** False when SIASN no longer counts the person as active (pensiun, berhenti, …). */
  active: boolean;
  effectiveDate?: string | null;
}

export interface SiasnEmployeeResult {
  outcome: SiasnOutcome;
  id: string;
  /** What differed: name, golongan, position, unit, supervisor, siasnId. */
  changed: string[];
}

/** Validation that needs no database, so a bad record is refused before any transaction. */
function checkRecord(record: SiasnEmployeeRecord): { name: string; birthDate: string; gender: EmployeeEntity['gender']; tmtCpns: string | null } {
  const name = record.name.trim();
  if (record.siasnId.trim() === '') throw badUserInput('Id PNS SIASN kosong', 'missing_siasn_id', { field: 'id' });
  if (name.length < 2 || name.length > 200) throw badUserInput('Nama harus 2–200 karakter', 'invalid_name', { field: 'nama' });
  const nip = parseNip(record.nip, record.employmentType);
  if (!nip.ok) throw badUserInput(nip.message, nip.reason === 'nip_not_18_digits' ? 'invalid_nip' : nip.reason, { field: 'nipBaru' });
  if (!isGolonganValidFor(record.employmentType, record.golongan)) {
    throw badUserInput(`Golongan ${record.golongan} tidak ada dalam daftar golongan ${record.employmentType}`, 'invalid_golongan', { field: 'golRuangAkhir' });
  }
  if (!isOneOf(jenisJabatanValues, record.position.jenisJabatan)) {
    throw badUserInput(`Jenis jabatan ${record.position.jenisJabatan} tidak dikenal`, 'invalid_jenis_jabatan', { field: 'jenisJabatanId' });
  }
  if (!isValidKelasJabatan(record.position.kelasJabatan)) {
    throw badUserInput('Kelas jabatan harus bilangan bulat 1–17', 'invalid_kelas_jabatan', { field: 'kelas_jabatan' });
  }
  const title = record.position.title.trim();
  if (title.length < 2 || title.length > 200) throw badUserInput('Nama jabatan harus 2–200 karakter', 'invalid_title', { field: 'jabatanNama' });
  return { name, birthDate: nip.nip.birthDate, gender: nip.nip.gender, tmtCpns: nip.nip.tmtCpns ? `${nip.nip.tmtCpns}-01` : null };
}

/** The event kind that names the most telling change (the event carries the whole snapshot anyway). */
function changeKind(changed: readonly string[]): EmployeeChangeKind {
  if (changed.includes('unit')) return 'TRANSFERRED';
  if (changed.includes('supervisor') && !changed.includes('position') && !changed.includes('golongan')) return 'SUPERVISOR_SET';
  // Position, golongan or name: the EmployeeChange enum has no kind for a corrected name.
  return 'POSITION_CHANGED';
}

type CheckedPerson = ReturnType<typeof checkRecord>;

/** What a record asks for, decided from the lookups before anything is written. */
type EmployeePlan =
  | { kind: 'unchanged'; id: string }
  | {
      kind: 'create' | 'update';
      id: string;
      unit: SiasnUnitFacts;
      supervisor: SiasnEmployeeFacts | null;
      /** The catalogue position, or null when the write creates it. */
      position: SiasnPositionFacts | null;
      changed: string[];
    };

async function planEmployee(tx: EntityManager, viewer: Viewer, record: SiasnEmployeeRecord, person: CheckedPerson, known: SiasnLookups): Promise<EmployeePlan> {
  const unit = known.unit(record.unitSiasnId);
  if (!unit) throw badUserInput(`Unor ${record.unitSiasnId} tidak ditemukan`, 'unit_not_found', { field: 'unorId' });
  assertAdministers(viewer, unit.regionCode, 'Unit kerja');
  const supervisor = record.supervisorSiasnId ? (known.employeeBySiasnId(record.supervisorSiasnId) ?? null) : null;
  if (record.supervisorSiasnId && !supervisor) {
    throw badUserInput(`Atasan (PNS ${record.supervisorSiasnId}) belum ada`, 'supervisor_not_found', { field: 'PemimpinPnsId' });
  }
  const bySiasnId = known.employeeBySiasnId(record.siasnId);
  const byNip = bySiasnId ? undefined : known.employeeByNip(record.nip);
  const existing = bySiasnId ?? byNip;
  if (bySiasnId && bySiasnId.nip !== record.nip) {
    throw conflict(`NIP di SIASN (${record.nip}) berbeda dengan NIP tercatat (${bySiasnId.nip})`, 'nip_changed');
  }
  if (byNip?.siasnId && byNip.siasnId !== record.siasnId) {
    throw conflict(`NIP ${record.nip} tercatat untuk PNS SIASN lain (${byNip.siasnId})`, 'nip_taken');
  }
  if (supervisor && supervisor.id !== existing?.supervisorId) {
    assertSupervisorUsable(viewer, supervisor);
    // A new employee gets a fresh id nobody's chain can hold: only a change of an existing one can loop.
    if (existing) {
      // The chain is read from the database: write what this batch staged so far first (deferred writes).
      await tx.flush();
      await assertSupervisorChainAcyclic(tx, existing.id, supervisor.id);
    }
  }
  const title = record.position.title.trim();
  const position = known.position(title, record.position.jenisJabatan, record.position.kelasJabatan) ?? null;
  if (!position && !isNationalViewer(viewer)) {
    throw forbidden(`Jabatan ${title} belum ada dalam katalog; katalog jabatan hanya ditambah oleh admin nasional`, 'position_not_in_catalogue');
  }
  if (!existing) {
    if (!record.active) throw badUserInput('Pegawai tidak aktif di SIASN dan belum tercatat di sini', 'inactive_in_siasn', { field: 'id' });
    return { kind: 'create', id: randomUUID(), unit, supervisor, position, changed: [] };
  }
  assertAdministers(viewer, existing.regionCode, 'Pegawai');
  if (existing.status !== (record.active ? 'ACTIVE' : 'RETIRED')) {
    // Retirement moves subordinates (retireEmployee); a re-activation has no command. An admin decides both.
    throw conflict(
      `Status pegawai berbeda dengan SIASN (${existing.status === 'ACTIVE' ? 'aktif di sini' : 'pensiun di sini'}); catat lewat pensiun pegawai`,
      'status_differs',
    );
  }
  if (existing.employmentType !== record.employmentType) {
    throw conflict(`Jenis kepegawaian berbeda dengan SIASN (${existing.employmentType} di sini)`, 'employment_type_differs');
  }
  const changed: string[] = [];
  if (existing.name !== person.name) changed.push('name');
  if (existing.golongan !== record.golongan) changed.push('golongan');
  if (existing.positionId !== position?.id) changed.push('position');
  if (existing.unitId !== unit.id) changed.push('unit');
  if ((existing.supervisorId ?? null) !== (supervisor?.id ?? null)) changed.push('supervisor');
  if (existing.siasnId !== record.siasnId) changed.push('siasnId');
  if (changed.length === 0) return { kind: 'unchanged', id: existing.id };
  return { kind: 'update', id: existing.id, unit, supervisor, position, changed };
}

/** The plan's writes and event, in one transaction (a savepoint inside the import's batch). */
async function writeEmployee(
  tx: EntityManager,
  viewer: Viewer,
  record: SiasnEmployeeRecord,
  person: CheckedPerson,
  plan: Exclude<EmployeePlan, { kind: 'unchanged' }>,
  effectiveDate: string,
  known: SiasnLookups,
): Promise<void> {
  // Every read first: once something is staged, nothing below can fail before the flush.
  const updated = plan.kind === 'update' ? await tx.findOneOrFail(Employee, { id: plan.id }) : null;
  let position = plan.position;
  if (!position) {
    position = { id: randomUUID(), title: record.position.title.trim(), jenisJabatan: record.position.jenisJabatan as JenisJabatan, kelasJabatan: record.position.kelasJabatan };
    tx.create(Position, position);
    known.rememberPosition(position);
  }
  const placement = { position, instansiId: plan.unit.instansiId, unitPath: plan.unit.path };
  const placed = { golongan: record.golongan, positionId: position.id, unitId: plan.unit.id, regionCode: plan.unit.regionCode, supervisorId: plan.supervisor?.id ?? null, siasnId: record.siasnId };
  if (!updated) {
    const employee = tx.create(Employee, {
      id: plan.id,
      nip: record.nip,
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate,
      tmtCpns: person.tmtCpns,
      employmentType: record.employmentType,
      status: 'ACTIVE',
      retiredOn: null,
      ...placed,
    });
    publishSnapshot(tx, 'HIRED', employee, placement, effectiveDate, actorOf(viewer));
    known.rememberEmployee({ id: plan.id, nip: record.nip, name: person.name, employmentType: record.employmentType, status: 'ACTIVE', ...placed });
    return;
  }
  const employee = updated;
  Object.assign(employee, { name: person.name, ...placed });
  // SIASN's id alone is not part of the EmployeeChanged snapshot: attaching it is no business event.
  const business = plan.changed.filter((field) => field !== 'siasnId');
  if (business.length > 0) publishSnapshot(tx, changeKind(business), employee, placement, effectiveDate, actorOf(viewer));
  known.rememberEmployee({ id: employee.id, nip: employee.nip, name: employee.name, employmentType: employee.employmentType, status: employee.status, ...placed });
}

async function syncWithLookups(
  em: EntityManager,
  viewer: Viewer,
  record: SiasnEmployeeRecord,
  person: CheckedPerson,
  known: SiasnLookups,
  deferWrites: boolean,
): Promise<SiasnEmployeeResult> {
  const plan = await planEmployee(em, viewer, record, person, known);
  if (plan.kind === 'unchanged') return { outcome: 'unchanged', id: plan.id, changed: [] };
  const effectiveDate = record.effectiveDate ?? todayIso();
  const result = { outcome: plan.kind === 'create' ? ('created' as const) : ('updated' as const), id: plan.id, changed: plan.changed };
  if (deferWrites) {
    // Staged in the caller's unit of work and flushed with its batch; an error here fails the whole batch.
    await writeEmployee(em, viewer, record, person, plan, effectiveDate, known);
    known.keep();
    return result;
  }
  try {
    await em.transactional((tx) => writeEmployee(tx, viewer, record, person, plan, effectiveDate, known));
  } catch (error) {
    known.drop();
    // Someone else took the NIP or SIASN id since the lookups were read: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw conflict(`NIP ${record.nip} atau PNS SIASN ${record.siasnId} sudah terdaftar`, 'nip_taken');
    throw error;
  }
  known.keep();
  return result;
}

export interface SyncSiasnEmployeeOptions {
  /** What a batch of records refers to (SiasnLookups.load in the batch's transaction); read for this record when absent. */
  known?: SiasnLookups;
  /**
   * Stage the writes in `em`'s unit of work instead of flushing them in a transaction of their own: the
   * caller flushes a whole batch at once (one multi-row INSERT per table, one run of the headcount
   * trigger) and, should that flush fail, runs the batch again without this. Every refusal is decided
   * before anything is staged, so a refused record never leaves writes behind either way.
   */
  deferWrites?: boolean;
}

/**
 * Creates or updates the employee of one SIASN record. A record equal to ours writes nothing; any other
 * writes in one transaction (a savepoint when `em` is in the import's batch transaction), or staged for
 * the caller's batch flush (`deferWrites`), so a refused record leaves nothing.
 */
export async function syncSiasnEmployee(em: EntityManager, viewer: Viewer, record: SiasnEmployeeRecord, options: SyncSiasnEmployeeOptions = {}): Promise<SiasnEmployeeResult> {
  assertRole(viewer, 'admin-kepegawaian');
  const person = checkRecord(record);
  const deferWrites = options.deferWrites ?? false;
  if (options.known) return syncWithLookups(em, viewer, record, person, options.known, deferWrites);
  return em.transactional(async (tx) => syncWithLookups(tx, viewer, record, person, await SiasnLookups.load(tx, [record]), deferWrites));
}
