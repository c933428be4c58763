// Writes to an SKP's plan (create, RHK, indicators): validate the input, then one transaction that locks
// the SKP, checks the caller may edit it (the employee, while DRAFT or REJECTED) and changes it. A refused
// call writes nothing.
import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, notFound } from '@kinerja/kit/errors';
import { todayWib } from '../domain/periods.ts';
import { checkSkpTransition, skpActorOf } from '../domain/skp-lifecycle.ts';
import { cascadeProblem, MAX_RHK_PER_SKP, validateIndicators, validateRhkText, yearProblem, type IndicatorAspect, type IndicatorInput, type RhkKind } from '../domain/skp-plan.ts';
import { Indicator, Rhk, Skp, SkpEvent } from '../entities/index.ts';
import { countSupporters, findRhk, findSkps, lockSkp, type SkpRow } from '../repositories/skp-rows.ts';
import { actorOf, requireUuid, transitionOrThrow, viewerEmployee } from './command-input.ts';
import { goalLinkProblem } from '../domain/cascade.ts';
import type { EmployeeRow } from '../repositories/employee-rows.ts';
import { findGoals } from '../repositories/goal-rows.ts';

export interface RhkInput {
  kind: RhkKind;
  text: string;
  supportsRhkId?: string | null;
  goalId?: string | null;
}

/** Locks the SKP and checks that the caller is its employee and it is still editable. */
async function editableSkp(tx: EntityManager, viewer: Viewer, skpId: string): Promise<{ skp: SkpRow; supervisorId: string | null; me: EmployeeRow }> {
  const me = await viewerEmployee(tx, viewer);
  const skp = await lockSkp(tx, skpId);
  if (skp === null) throw notFound('SKP tidak ditemukan', 'skp_not_found');
  transitionOrThrow(checkSkpTransition(skp.status, 'EDIT', skpActorOf(me.employeeId, { employeeId: skp.employeeId, supervisorId: null })));
  return { skp, supervisorId: me.supervisorId, me };
}

async function checkGoal(tx: EntityManager, owner: EmployeeRow, year: number, goalId: string | null): Promise<void> {
  if (goalId === null) return;
  const [goal] = await findGoals(tx, [goalId]);
  if (goal === undefined) throw badUserInput('Sasaran organisasi tidak ditemukan', 'goal_not_found', { field: 'goalId' });
  const problem = goalLinkProblem({ unitPath: owner.unitPath, unitId: owner.unitId, year }, goal);
  if (problem !== null) throw badUserInput(problem.message, problem.reason, { field: 'goalId' });
}

async function checkSupports(tx: EntityManager, owner: { supervisorId: string | null; year: number }, supportsRhkId: string | null): Promise<void> {
  if (supportsRhkId === null) return;
  const [target] = await findRhk(tx, [supportsRhkId]);
  if (target === undefined) throw badUserInput('RHK atasan yang diintervensi tidak ditemukan', 'supported_rhk_not_found', { field: 'supportsRhkId' });
  const [targetSkp] = await findSkps(tx, [target.skpId]);
  if (targetSkp === undefined) throw new Error(`rhk ${target.id} has no skp`);
  const problem = cascadeProblem(owner, { employeeId: targetSkp.employeeId, year: targetSkp.year, status: targetSkp.status });
  if (problem !== null) throw badUserInput(problem.message, problem.reason, { field: 'supportsRhkId' });
}

function validatedRhkInput(input: RhkInput): { kind: RhkKind; text: string; supportsRhkId: string | null; goalId: string | null } {
  const textProblem = validateRhkText(input.text);
  if (textProblem !== null) throw badUserInput(textProblem.message, textProblem.reason, { field: 'text' });
  const supportsRhkId = input.supportsRhkId ? requireUuid(input.supportsRhkId, 'supportsRhkId') : null;
  const goalId = input.goalId ? requireUuid(input.goalId, 'goalId') : null;
  return { kind: input.kind, text: input.text.trim(), supportsRhkId, goalId };
}

export async function createSkp(em: EntityManager, viewer: Viewer, year: number): Promise<string> {
  const problem = yearProblem(year, Number(todayWib().slice(0, 4)));
  if (problem !== null) throw badUserInput(problem.message, problem.reason, { field: 'year' });
  try {
    return await em.transactional(async (tx) => {
      const me = await viewerEmployee(tx, viewer);
      if (me.status !== 'ACTIVE') throw conflict('Pegawai sudah tidak aktif', 'employee_not_active');
      const existing = await tx.findOne(Skp, { employeeId: me.employeeId, year, positionId: me.positionId });
      if (existing !== null) throw conflict(`SKP tahun ${year} untuk jabatan ini sudah ada`, 'skp_exists');
      const id = randomUUID();
      tx.create(Skp, {
        id,
        employeeId: me.employeeId,
        year,
        positionId: me.positionId,
        unitId: me.unitId,
        instansiId: me.instansiId,
        regionCode: me.regionCode,
        raterEmployeeId: me.supervisorId,
        status: 'DRAFT',
      });
      tx.create(SkpEvent, { id: randomUUID(), skpId: id, action: 'CREATE', fromStatus: null, toStatus: 'DRAFT', actorUsername: actorOf(viewer), actorEmployeeId: me.employeeId, actingAs: 'PEGAWAI', note: null });
      return id;
    });
  } catch (error) {
    // Two concurrent creates: the unique index on (employee, year, assignment) refuses the second.
    if (error instanceof UniqueConstraintViolationException) throw conflict(`SKP tahun ${year} untuk jabatan ini sudah ada`, 'skp_exists');
    throw error;
  }
}

export async function addRhk(em: EntityManager, viewer: Viewer, skpId: string, input: RhkInput): Promise<string> {
  const id = requireUuid(skpId, 'skpId');
  const rhk = validatedRhkInput(input);
  return em.transactional(async (tx) => {
    const { skp, supervisorId, me } = await editableSkp(tx, viewer, id);
    await checkSupports(tx, { supervisorId, year: skp.year }, rhk.supportsRhkId);
    await checkGoal(tx, me, skp.year, rhk.goalId);
    const [last] = await tx.execute<{ n: number; count: number }[]>('select coalesce(max(sort_order), 0)::int as n, count(*)::int as count from rhk where skp_id = ?', [skp.id]);
    if ((last?.count ?? 0) >= MAX_RHK_PER_SKP) throw conflict(`Satu SKP paling banyak ${MAX_RHK_PER_SKP} RHK`, 'too_many_rhk');
    const rhkId = randomUUID();
    tx.create(Rhk, { id: rhkId, skpId: skp.id, kind: rhk.kind, text: rhk.text, supportsRhkId: rhk.supportsRhkId, goalId: rhk.goalId, sortOrder: (last?.n ?? 0) + 1 });
    return rhkId;
  });
}

async function rhkInEditableSkp(tx: EntityManager, viewer: Viewer, rhkId: string) {
  const [row] = await findRhk(tx, [rhkId]);
  if (row === undefined) throw notFound('RHK tidak ditemukan', 'rhk_not_found');
  const { skp, supervisorId, me } = await editableSkp(tx, viewer, row.skpId);
  const rhk = await tx.findOneOrFail(Rhk, { id: row.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  return { rhk, skp, supervisorId, me };
}

export async function updateRhk(em: EntityManager, viewer: Viewer, rhkId: string, input: RhkInput): Promise<string> {
  const id = requireUuid(rhkId, 'rhkId');
  const change = validatedRhkInput(input);
  return em.transactional(async (tx) => {
    const { rhk, skp, supervisorId, me } = await rhkInEditableSkp(tx, viewer, id);
    await checkSupports(tx, { supervisorId, year: skp.year }, change.supportsRhkId);
    await checkGoal(tx, me, skp.year, change.goalId);
    rhk.kind = change.kind;
    rhk.text = change.text;
    rhk.supportsRhkId = change.supportsRhkId;
    rhk.goalId = change.goalId;
    return rhk.id;
  });
}

export async function removeRhk(em: EntityManager, viewer: Viewer, rhkId: string): Promise<string> {
  const id = requireUuid(rhkId, 'rhkId');
  return em.transactional(async (tx) => {
    const { rhk, skp } = await rhkInEditableSkp(tx, viewer, id);
    const supporters = await countSupporters(tx, rhk.id);
    if (supporters > 0) throw conflict(`RHK ini diintervensi oleh ${supporters} RHK bawahan; lepaskan kaitannya terlebih dahulu`, 'rhk_supported_by_others');
    tx.remove(rhk);
    return skp.id;
  });
}

export async function setIndicators(em: EntityManager, viewer: Viewer, rhkId: string, indicators: readonly (IndicatorInput & { id?: string | null })[]): Promise<string> {
  const id = requireUuid(rhkId, 'rhkId');
  const problems = validateIndicators(indicators);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  const keptIds = indicators.map((i) => (i.id ? requireUuid(i.id, 'indicators.id') : null));
  if (new Set(keptIds.filter((k) => k !== null)).size !== keptIds.filter((k) => k !== null).length) {
    throw badUserInput('Indikator yang sama disebut lebih dari sekali', 'duplicate_indicator_id');
  }
  return em.transactional(async (tx) => {
    const { rhk } = await rhkInEditableSkp(tx, viewer, id);
    const existing = await tx.find(Indicator, { rhkId: rhk.id });
    const byId = new Map(existing.map((i) => [i.id, i]));
    for (const kept of keptIds) {
      if (kept !== null && !byId.has(kept)) throw badUserInput('Indikator yang disebut bukan milik RHK ini', 'indicator_not_found', { field: 'indicators.id' });
    }
    for (const old of existing) if (!keptIds.includes(old.id)) tx.remove(old);
    indicators.forEach((input, index) => {
      const values = {
        text: input.text.trim(),
        aspect: input.aspect as IndicatorAspect,
        target: input.target,
        unit: input.unit.trim(),
        quarterlyTargets: input.quarterlyTargets ? [...input.quarterlyTargets] : null,
        sortOrder: index + 1,
      };
      const kept = keptIds[index];
      if (kept) Object.assign(byId.get(kept)!, values);
      else tx.create(Indicator, { id: randomUUID(), rhkId: rhk.id, ...values });
    });
    return rhk.id;
  });
}
