// The write paths for employees: validate the input, check the admin's region, change state and add
// the EmployeeChanged event to the outbox, all in ONE transaction (nothing is written, and no event
// leaves, when any check fails).
import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Viewer } from '@kinerja/kit/auth';
import { assertRole } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { isIsoDate, todayIso } from '@kinerja/kit/dates';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { isUuid } from '@kinerja/kit/ids';
import { isGolonganValidFor } from '../domain/golongan.ts';
import { checkNipMatchesPerson } from '../domain/nip.ts';
import { reassignmentOnRetirement } from '../domain/retirement.ts';
import { supervisorProblem } from '../domain/supervisor.ts';
import { canAdministerRegion } from '../domain/visibility.ts';
import type { EmploymentType, Gender } from '../domain/vocabulary.ts';
import { Employee, OrgUnit, Position, type EmployeeEntity, type OrgUnitEntity, type PositionEntity } from '../entities/index.ts';
import { enqueueEmployeeChanged, type EmployeeChangeKind } from '../events/employee-changed.ts';
import { supervisorChainFrom, unitPathOf } from '../repositories/reference-rows.ts';

type Transaction = EntityManager;

export function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} bukan ID yang valid`, 'invalid_id', { field });
  return value.toLowerCase();
}

function effectiveDateOf(value: string | null | undefined): string {
  if (value === null || value === undefined) return todayIso();
  if (!isIsoDate(value)) throw badUserInput('Tanggal berlaku harus berformat YYYY-MM-DD', 'invalid_effective_date', { field: 'effectiveDate' });
  return value;
}

export function actorOf(viewer: Viewer): string {
  return viewer.username || viewer.subject;
}

export function assertAdministers(viewer: Viewer, regionCode: string, what: string): void {
  if (!canAdministerRegion(viewer, regionCode)) {
    throw forbidden(`${what} berada di luar wilayah kewenangan Anda (${regionCode})`, 'region_out_of_scope');
  }
}

async function loadUnit(tx: Transaction, unitId: string): Promise<OrgUnitEntity> {
  const unit = await tx.findOne(OrgUnit, { id: requireId(unitId, 'unitId') });
  if (!unit) throw badUserInput('Unit kerja tidak ditemukan', 'unit_not_found', { field: 'unitId' });
  return unit;
}

async function loadPosition(tx: Transaction, positionId: string): Promise<PositionEntity> {
  const position = await tx.findOne(Position, { id: requireId(positionId, 'positionId') });
  if (!position) throw badUserInput('Jabatan tidak ditemukan', 'position_not_found', { field: 'positionId' });
  return position;
}

/** The employee an admin changes: must exist, be inside the admin's region and still be active. */
async function loadManagedEmployee(tx: Transaction, viewer: Viewer, employeeId: string): Promise<EmployeeEntity> {
  const employee = await tx.findOne(Employee, { id: requireId(employeeId, 'employeeId') });
  if (!employee || !canAdministerRegion(viewer, employee.regionCode)) {
    // Outside the admin's region an employee is indistinguishable from a missing one.
    throw notFound('Pegawai tidak ditemukan di wilayah Anda', 'employee_not_found');
  }
  if (employee.status !== 'ACTIVE') throw conflict('Pegawai sudah pensiun', 'employee_retired');
  return employee;
}

/** What a supervisor check needs to know of the proposed supervisor (an entity or a preloaded row). */
export interface SupervisorFacts {
  id: string;
  regionCode: string;
  status: string;
}

/** The proposed supervisor exists, lies in the admin's region and is still active. */
export function assertSupervisorUsable(viewer: Viewer, supervisor: SupervisorFacts | null | undefined): asserts supervisor is SupervisorFacts {
  if (!supervisor || !canAdministerRegion(viewer, supervisor.regionCode)) {
    throw badUserInput('Atasan tidak ditemukan di wilayah Anda', 'supervisor_not_found', { field: 'supervisorId' });
  }
  if (supervisor.status !== 'ACTIVE') throw badUserInput('Atasan sudah pensiun', 'supervisor_retired', { field: 'supervisorId' });
}

/** The assignment keeps the supervisor chain a tree (no self-supervision, no loop back to the employee). */
export async function assertSupervisorChainAcyclic(tx: Transaction, employeeId: string, supervisorId: string): Promise<void> {
  const problem = supervisorProblem(employeeId, await supervisorChainFrom(tx, supervisorId));
  if (problem === 'self_supervisor') throw badUserInput('Pegawai tidak dapat menjadi atasan dirinya sendiri', problem, { field: 'supervisorId' });
  if (problem === 'supervisor_cycle') {
    throw badUserInput('Penetapan atasan ini membuat rantai atasan berputar', problem, { field: 'supervisorId' });
  }
}

export async function checkSupervisor(tx: Transaction, viewer: Viewer, employeeId: string, supervisorId: string): Promise<void> {
  const supervisor = await tx.findOne(Employee, { id: requireId(supervisorId, 'supervisorId') });
  assertSupervisorUsable(viewer, supervisor);
  await assertSupervisorChainAcyclic(tx, employeeId, supervisor.id);
}

/** Where the employee sits, as the EmployeeChanged snapshot names it (loaded by publish, or known to a bulk caller). */
export interface SnapshotPlacement {
  position: Pick<PositionEntity, 'id' | 'title' | 'jenisJabatan' | 'kelasJabatan'>;
  instansiId: string;
  /** Unit ids from the instansi down to the employee's unit (unitPathOf). */
  unitPath: string[];
}

/** Adds the EmployeeChanged event of `employee` as placed in `placement` to the transaction's outbox. */
export function publishSnapshot(
  tx: Transaction,
  change: EmployeeChangeKind,
  employee: EmployeeEntity,
  { position, instansiId, unitPath }: SnapshotPlacement,
  effectiveDate: string,
  actor: string,
): void {
  enqueueEmployeeChanged(
    tx,
    change,
    {
      id: employee.id,
      nip: employee.nip,
      name: employee.name,
      gender: employee.gender,
      birthDate: employee.birthDate,
      employmentType: employee.employmentType,
      golongan: employee.golongan,
      status: employee.status,
      unitId: employee.unitId,
      regionCode: employee.regionCode,
      supervisorId: employee.supervisorId ?? null,
      position: { id: position.id, title: position.title, jenisJabatan: position.jenisJabatan, kelasJabatan: position.kelasJabatan },
      instansiId,
      unitPath,
    },
    effectiveDate,
    actor,
  );
}

export async function publish(tx: Transaction, change: EmployeeChangeKind, employee: EmployeeEntity, effectiveDate: string, actor: string): Promise<void> {
  const [position, unit, unitPath] = await Promise.all([
    tx.findOneOrFail(Position, { id: employee.positionId }),
    tx.findOneOrFail(OrgUnit, { id: employee.unitId }),
    unitPathOf(tx, employee.unitId),
  ]);
  publishSnapshot(tx, change, employee, { position, instansiId: unit.instansiId, unitPath }, effectiveDate, actor);
}

export interface HireEmployeeInput {
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  employmentType: EmploymentType;
  golongan: string;
  positionId: string;
  unitId: string;
  supervisorId?: string | null;
  effectiveDate?: string | null;
}

export async function hireEmployee(em: EntityManager, viewer: Viewer, input: HireEmployeeInput): Promise<string> {
  assertRole(viewer, 'admin-kepegawaian');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) throw badUserInput('Nama harus 2–200 karakter', 'invalid_name', { field: 'name' });
  if (!isIsoDate(input.birthDate)) throw badUserInput('Tanggal lahir harus berformat YYYY-MM-DD', 'invalid_birth_date', { field: 'birthDate' });
  const nip = checkNipMatchesPerson(input.nip, { birthDate: input.birthDate, gender: input.gender, employmentType: input.employmentType });
  if (!nip.ok) throw badUserInput(nip.message, nip.reason === 'nip_not_18_digits' ? 'invalid_nip' : nip.reason, { field: 'nip' });
  if (!isGolonganValidFor(input.employmentType, input.golongan)) {
    throw badUserInput(`Golongan ${input.golongan} tidak berlaku untuk ${input.employmentType}`, 'invalid_golongan', { field: 'golongan' });
  }
  const effectiveDate = effectiveDateOf(input.effectiveDate);
  const id = randomUUID();
  try {
    await em.transactional(async (tx) => {
      const unit = await loadUnit(tx, input.unitId);
      assertAdministers(viewer, unit.regionCode, 'Unit kerja');
      await loadPosition(tx, input.positionId);
      if (input.supervisorId) await checkSupervisor(tx, viewer, id, input.supervisorId);
      if ((await tx.count(Employee, { nip: input.nip })) > 0) throw conflict(`NIP ${input.nip} sudah terdaftar`, 'nip_taken');
      const employee = tx.create(Employee, {
        id,
        nip: input.nip,
        name,
        gender: input.gender,
        birthDate: input.birthDate,
        tmtCpns: nip.nip.tmtCpns ? `${nip.nip.tmtCpns}-01` : null,
        employmentType: input.employmentType,
        golongan: input.golongan,
        positionId: input.positionId.toLowerCase(),
        unitId: unit.id,
        regionCode: unit.regionCode,
        supervisorId: input.supervisorId ? input.supervisorId.toLowerCase() : null,
        status: 'ACTIVE',
        retiredOn: null,
      });
      await publish(tx, 'HIRED', employee, effectiveDate, actorOf(viewer));
    });
  } catch (error) {
    // Two admins hiring the same NIP at once: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw conflict(`NIP ${input.nip} sudah terdaftar`, 'nip_taken');
    throw error;
  }
  return id;
}

export async function transferEmployee(em: EntityManager, viewer: Viewer, employeeId: string, unitId: string, effectiveDateInput?: string | null): Promise<string> {
  assertRole(viewer, 'admin-kepegawaian');
  const effectiveDate = effectiveDateOf(effectiveDateInput);
  return em.transactional(async (tx) => {
    const employee = await loadManagedEmployee(tx, viewer, employeeId);
    const unit = await loadUnit(tx, unitId);
    assertAdministers(viewer, unit.regionCode, 'Unit kerja tujuan');
    if (unit.id === employee.unitId) throw badUserInput('Pegawai sudah berada di unit kerja ini', 'same_unit', { field: 'unitId' });
    employee.unitId = unit.id;
    employee.regionCode = unit.regionCode;
    await publish(tx, 'TRANSFERRED', employee, effectiveDate, actorOf(viewer));
    return employee.id;
  });
}

export async function changePosition(
  em: EntityManager,
  viewer: Viewer,
  employeeId: string,
  positionId: string,
  golongan?: string | null,
  effectiveDateInput?: string | null,
): Promise<string> {
  assertRole(viewer, 'admin-kepegawaian');
  const effectiveDate = effectiveDateOf(effectiveDateInput);
  return em.transactional(async (tx) => {
    const employee = await loadManagedEmployee(tx, viewer, employeeId);
    const position = await loadPosition(tx, positionId);
    if (golongan !== null && golongan !== undefined && !isGolonganValidFor(employee.employmentType, golongan)) {
      throw badUserInput(`Golongan ${golongan} tidak berlaku untuk ${employee.employmentType}`, 'invalid_golongan', { field: 'golongan' });
    }
    if (position.id === employee.positionId && (golongan ?? employee.golongan) === employee.golongan) {
      throw badUserInput('Jabatan dan golongan tidak berubah', 'no_change', { field: 'positionId' });
    }
    employee.positionId = position.id;
    if (golongan) employee.golongan = golongan;
    await publish(tx, 'POSITION_CHANGED', employee, effectiveDate, actorOf(viewer));
    return employee.id;
  });
}

export async function setSupervisor(em: EntityManager, viewer: Viewer, employeeId: string, supervisorId: string | null | undefined, effectiveDateInput?: string | null): Promise<string> {
  assertRole(viewer, 'admin-kepegawaian');
  const effectiveDate = effectiveDateOf(effectiveDateInput);
  return em.transactional(async (tx) => {
    const employee = await loadManagedEmployee(tx, viewer, employeeId);
    const next = supervisorId ? requireId(supervisorId, 'supervisorId') : null;
    if (next) await checkSupervisor(tx, viewer, employee.id, next);
    if ((employee.supervisorId ?? null) === next) throw badUserInput('Atasan tidak berubah', 'no_change', { field: 'supervisorId' });
    employee.supervisorId = next;
    await publish(tx, 'SUPERVISOR_SET', employee, effectiveDate, actorOf(viewer));
    return employee.id;
  });
}

export interface RetirementOutcome {
  employeeId: string;
  /** Where the retiree's active direct subordinates now report; null when the retiree was at the top. */
  newSupervisorId: string | null;
  reassignedSubordinateIds: string[];
}

/**
 * Retires the employee and, in the same transaction, moves their active direct subordinates to the
 * retiree's own supervisor (null at the top), each with its own SUPERVISOR_SET event.
 */
export async function retireEmployee(em: EntityManager, viewer: Viewer, employeeId: string, effectiveDateInput?: string | null): Promise<RetirementOutcome> {
  assertRole(viewer, 'admin-kepegawaian');
  const effectiveDate = effectiveDateOf(effectiveDateInput);
  return em.transactional(async (tx) => {
    // Locked so two admins retiring the same person, or the retiree and a subordinate at once, serialise.
    const employee = await tx.findOne(Employee, { id: requireId(employeeId, 'employeeId') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!employee || !canAdministerRegion(viewer, employee.regionCode)) {
      throw notFound('Pegawai tidak ditemukan di wilayah Anda', 'employee_not_found');
    }
    if (employee.status !== 'ACTIVE') throw conflict('Pegawai sudah pensiun', 'already_retired');
    if (effectiveDate <= employee.birthDate) {
      throw badUserInput('Tanggal pensiun harus setelah tanggal lahir', 'invalid_effective_date', { field: 'effectiveDate' });
    }
    const chainIds = employee.supervisorId ? await supervisorChainFrom(tx, employee.supervisorId) : [];
    const chainRows = chainIds.length > 0 ? await tx.find(Employee, { id: { $in: chainIds } }) : [];
    const statusById = new Map(chainRows.map((row) => [row.id, row.status]));
    const chain = chainIds.flatMap((id) => {
      const status = statusById.get(id);
      return status ? [{ id, status }] : [];
    });
    const subordinates = await tx.find(Employee, { supervisorId: employee.id }, { orderBy: { name: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
    const plan = reassignmentOnRetirement(employee.id, chain, subordinates);
    // The retirement moves the active direct subordinates; an admin changes only people of their own
    // region, so a retiree who leads people elsewhere is retired by an admin covering them all.
    const outside = subordinates.filter((row) => plan.subordinateIds.includes(row.id) && !canAdministerRegion(viewer, row.regionCode));
    if (outside.length > 0) {
      throw forbidden(
        `Pegawai ini membawahi ${outside.length} pegawai di luar wilayah kewenangan Anda (${[...new Set(outside.map((row) => row.regionCode))].join(', ')}); pensiun harus dicatat oleh admin yang mencakup wilayah mereka`,
        'subordinates_out_of_scope',
      );
    }
    const actor = actorOf(viewer);
    employee.status = 'RETIRED';
    employee.retiredOn = effectiveDate;
    await publish(tx, 'RETIRED', employee, effectiveDate, actor);
    const byId = new Map(subordinates.map((row) => [row.id, row]));
    for (const subordinateId of plan.subordinateIds) {
      const subordinate = byId.get(subordinateId);
      if (!subordinate) continue;
      subordinate.supervisorId = plan.newSupervisorId;
      await publish(tx, 'SUPERVISOR_SET', subordinate, effectiveDate, actor);
    }
    return { employeeId: employee.id, newSupervisorId: plan.newSupervisorId, reassignedSubordinateIds: plan.subordinateIds };
  });
}
