// SKP lifecycle steps (submit, approve, reject, revision request and decision): lock the SKP, check who
// acts (the employee by their own token's NIP; the direct supervisor by the read model), check the step
// (domain/skp-lifecycle.ts), change the status and record the transition, in one transaction.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, notFound } from '@kinerja/kit/errors';
import { checkSkpTransition, type SkpHistoryAction } from '../domain/skp-lifecycle.ts';
import { expectationProblems, submitProblems } from '../domain/skp-plan.ts';
import { BehaviourExpectation, Skp, SkpEvent } from '../entities/index.ts';
import type { BerakhlakBehaviour } from '../domain/skp-plan.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { findGoalsOfUnits } from '../repositories/goal-rows.ts';
import { lockSkp, plannedRhkOf, type SkpRow } from '../repositories/skp-rows.ts';
import { actingOnSkp, actorOf, requireUuid, transitionOrThrow, trimmedNote } from './command-input.ts';

interface Step {
  skp: SkpRow;
  /** The SKP employee's current direct supervisor (read model). */
  ownerSupervisorId: string | null;
}

async function transition(
  em: EntityManager,
  viewer: Viewer,
  skpId: string,
  action: Exclude<SkpHistoryAction, 'CREATE'>,
  note: string | null,
  beforeChange?: (tx: EntityManager, step: Step) => Promise<void>,
): Promise<string> {
  const id = requireUuid(skpId, 'skpId');
  return em.transactional(async (tx) => {
    const skp = await lockSkp(tx, id);
    if (skp === null) throw notFound('SKP tidak ditemukan', 'skp_not_found');
    const [owner] = await findEmployees(tx, [skp.employeeId]);
    const ownerSupervisorId = owner?.supervisorId ?? null;
    const acting = await actingOnSkp(tx, viewer, { employeeId: skp.employeeId, supervisorId: ownerSupervisorId, regionCode: owner?.regionCode ?? skp.regionCode }, skp.instansiId);
    const result = checkSkpTransition(skp.status, action, acting?.actor ?? null, note);
    transitionOrThrow(result);
    await beforeChange?.(tx, { skp, ownerSupervisorId });
    const entity = await tx.findOneOrFail(Skp, { id: skp.id });
    entity.status = result.to;
    // The rater is the direct supervisor at submission and the one who approved; at the top of the chain
    // the admin-kepegawaian who approved, by username.
    if (action === 'SUBMIT') {
      entity.raterEmployeeId = ownerSupervisorId;
      entity.raterAdmin = null;
    }
    if (action === 'APPROVE') {
      const byAdmin = acting!.actingAs === 'ADMIN_KEPEGAWAIAN';
      entity.raterEmployeeId = byAdmin ? null : acting!.employeeId;
      entity.raterAdmin = byAdmin ? actorOf(viewer) : null;
    }
    tx.create(SkpEvent, {
      id: randomUUID(),
      skpId: skp.id,
      action,
      fromStatus: skp.status,
      toStatus: result.to,
      actorUsername: actorOf(viewer),
      actorEmployeeId: acting?.employeeId ?? null,
      actingAs: acting!.actingAs,
      note: trimmedNote(note),
    });
    return skp.id;
  });
}

export function submitSkp(em: EntityManager, viewer: Viewer, skpId: string): Promise<string> {
  return transition(em, viewer, skpId, 'SUBMIT', null, async (tx, { skp, ownerSupervisorId }) => {
    const [owner] = await findEmployees(tx, [skp.employeeId]);
    const path = owner === undefined ? [] : [...new Set([...owner.unitPath, ...(owner.unitId ? [owner.unitId] : [])])];
    const orgGoalsRecorded = (await findGoalsOfUnits(tx, path, skp.year)).length > 0;
    const problems = submitProblems(await plannedRhkOf(tx, skp.id), { hasSupervisor: ownerSupervisorId !== null, orgGoalsRecorded });
    const first = problems[0];
    if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  });
}

export function approveSkp(em: EntityManager, viewer: Viewer, skpId: string, expectations: readonly { behaviour: string; expectation: string }[], note: string | null): Promise<string> {
  const problems = expectationProblems(expectations);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  return transition(em, viewer, skpId, 'APPROVE', note, async (tx, { skp }) => {
    await tx.nativeDelete(BehaviourExpectation, { skpId: skp.id });
    for (const entry of expectations) {
      tx.create(BehaviourExpectation, { skpId: skp.id, behaviour: entry.behaviour as BerakhlakBehaviour, expectation: entry.expectation.trim() });
    }
  });
}

export function rejectSkp(em: EntityManager, viewer: Viewer, skpId: string, note: string): Promise<string> {
  return transition(em, viewer, skpId, 'REJECT', note);
}

export function requestSkpRevision(em: EntityManager, viewer: Viewer, skpId: string, note: string): Promise<string> {
  return transition(em, viewer, skpId, 'REQUEST_REVISION', note);
}

export function decideSkpRevision(em: EntityManager, viewer: Viewer, skpId: string, grant: boolean, note: string | null): Promise<string> {
  return transition(em, viewer, skpId, grant ? 'GRANT_REVISION' : 'REFUSE_REVISION', note);
}
