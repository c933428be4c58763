// 360° feedback: the employee or the direct supervisor opens a round for an approved SKP's open period naming
// the raters; each named rater responds once while the round is open and the period not locked; the round is
// closed by the same people. Responses are written without their rater; the rater row only says "responded".
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { LockMode } from '@mikro-orm/core';
import { entryRefusal } from '../domain/evaluation.ts';
import { raterProblems, scoreProblems, type RaterRelation } from '../domain/multi-rater.ts';
import { todayWib } from '../domain/periods.ts';
import type { BerakhlakBehaviour } from '../domain/skp-plan.ts';
import { FeedbackRater, FeedbackResponse, FeedbackRound, FeedbackScore } from '../entities/index.ts';
import { configurationInForce } from '../repositories/configuration-rows.ts';
import { findEmployees, type EmployeeRow } from '../repositories/employee-rows.ts';
import { lockSkp, type SkpRow } from '../repositories/skp-rows.ts';
import { actingOnSkp, actorOf, requireUuid, trimmedNote, viewerEmployee } from './command-input.ts';
import { periodOf } from './period-context.ts';

/** The SKP locked, its owner, after checking the viewer is its employee or the one who rates it. */
async function skpOfOwnerOrRater(tx: EntityManager, viewer: Viewer, skpId: string): Promise<{ skp: SkpRow; owner: EmployeeRow }> {
  const skp = await lockSkp(tx, skpId);
  if (skp === null) throw notFound('SKP tidak ditemukan', 'skp_not_found');
  const [owner] = await findEmployees(tx, [skp.employeeId]);
  if (owner === undefined) throw new Error(`skp ${skp.id} names employee ${skp.employeeId} missing from the read model`);
  if ((await actingOnSkp(tx, viewer, owner, skp.instansiId)) === null) {
    throw forbidden('Putaran umpan balik 360° hanya dibuka dan ditutup oleh pegawai pemilik SKP atau atasan langsungnya', 'not_skp_owner_or_supervisor');
  }
  return { skp, owner };
}

export async function openFeedbackRound(
  em: EntityManager,
  viewer: Viewer,
  input: { skpId: string; period: string; raters: readonly { employeeId: string; relation: RaterRelation }[] },
): Promise<string> {
  const skpId = requireUuid(input.skpId, 'skpId');
  const raters = input.raters.map((r) => ({ employeeId: r.employeeId.trim(), relation: r.relation }));
  return em.transactional(async (tx) => {
    const { skp, owner } = await skpOfOwnerOrRater(tx, viewer, skpId);
    const period = await periodOf(tx, skp.instansiId, skp.year, input.period);
    const refusal = entryRefusal({ skpStatus: skp.status, periodState: period.state, evaluationStatus: null });
    if (refusal !== null) throw conflict(refusal.message, refusal.reason);
    if ((await tx.count(FeedbackRound, { skpId: skp.id, period: period.code })) > 0) {
      throw conflict(`Putaran umpan balik 360° untuk periode ${period.code} sudah dibuka`, 'round_exists');
    }
    const { minResponses } = await configurationInForce(tx, 'MULTI_RATER', skp.instansiId, todayWib());
    const people = new Map((await findEmployees(tx, raters.map((r) => r.employeeId))).map((e) => [e.employeeId, e]));
    const problems = raterProblems(owner, raters.map((r) => ({ ...r, person: people.get(r.employeeId) ?? null })), minResponses);
    const first = problems[0];
    if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
    const id = randomUUID();
    tx.create(FeedbackRound, { id, skpId: skp.id, period: period.code, minResponses, openedBy: actorOf(viewer) });
    for (const rater of raters) tx.create(FeedbackRater, { roundId: id, raterEmployeeId: rater.employeeId, relation: rater.relation, responded: false });
    return id;
  });
}

export async function submitFeedbackResponse(
  em: EntityManager,
  viewer: Viewer,
  input: { roundId: string; scores: readonly { behaviour: string; score: number }[]; comment?: string | null },
): Promise<string> {
  const roundId = requireUuid(input.roundId, 'roundId');
  const comment = trimmedNote(input.comment);
  const problems = scoreProblems(input.scores, comment);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  return em.transactional(async (tx) => {
    const me = await viewerEmployee(tx, viewer);
    const round = await tx.findOne(FeedbackRound, { id: roundId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (round === null) throw notFound('Putaran umpan balik tidak ditemukan', 'round_not_found');
    // Authority first: someone not named learns nothing about the round's state.
    const rater = await tx.findOne(FeedbackRater, { roundId, raterEmployeeId: me.employeeId });
    if (rater === null) throw forbidden('Anda tidak diminta memberi umpan balik pada putaran ini', 'not_named_rater');
    if (round.closedAt) throw conflict('Putaran umpan balik sudah ditutup', 'round_closed');
    if (rater.responded) throw conflict('Anda sudah memberi umpan balik pada putaran ini', 'already_responded');
    const skp = await lockSkp(tx, round.skpId);
    const period = await periodOf(tx, skp!.instansiId, skp!.year, round.period);
    if (period.state !== 'OPEN') throw conflict('Periode penilaian sudah dikunci (batas pengisian terlewati)', 'period_locked');
    const responseId = randomUUID();
    tx.create(FeedbackResponse, { id: responseId, roundId, comment });
    for (const { behaviour, score } of input.scores) tx.create(FeedbackScore, { responseId, behaviour: behaviour as BerakhlakBehaviour, score });
    rater.responded = true;
    return roundId;
  });
}

export async function closeFeedbackRound(em: EntityManager, viewer: Viewer, roundIdInput: string): Promise<string> {
  const roundId = requireUuid(roundIdInput, 'roundId');
  return em.transactional(async (tx) => {
    const found = await tx.findOne(FeedbackRound, { id: roundId });
    if (found === null) throw notFound('Putaran umpan balik tidak ditemukan', 'round_not_found');
    await skpOfOwnerOrRater(tx, viewer, found.skpId);
    const round = await tx.findOneOrFail(FeedbackRound, { id: roundId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (round.closedAt) throw conflict('Putaran umpan balik sudah ditutup', 'round_closed');
    round.closedAt = new Date();
    round.closedBy = actorOf(viewer);
    return roundId;
  });
}
