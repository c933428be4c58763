// 360° feedback reads: rounds of an SKP for its employee and the one who rates it (aggregates from the
// round's threshold on), and a rater's own requests. Rater identities never leave the service.
import { hasRole } from '@kinerja/kit/auth';
import { forbidden } from '@kinerja/kit/errors';
import { groupByKeys } from '@kinerja/kit/loaders';
import type DataLoader from 'dataloader';
import { aggregateResponses } from '../domain/multi-rater.ts';
import type { FeedbackRequestResolvers, FeedbackRoundResolvers } from '../generated/resolvers-types.ts';
import { findRequestsOfRaters, findResponsesOfRounds, findRoundsOfSkps, type RequestRow, type ResponseRow, type RoundRow } from '../repositories/multi-rater-rows.ts';
import type { SkpRow } from '../repositories/skp-rows.ts';
import { performanceAdminRoles, readsRegion } from './access.ts';
import type { PerformanceContext } from './context.ts';
import { employeeById, viewerSelf } from './loaders.ts';

function roundsOfSkp(ctx: PerformanceContext): DataLoader<string, RoundRow[]> {
  return ctx.loaders.get('roundsOfSkp', async (ids: readonly string[]) => groupByKeys(ids, await findRoundsOfSkps(ctx.em, ids), (row) => row.skpId));
}

function responsesOfRound(ctx: PerformanceContext): DataLoader<string, ResponseRow[]> {
  return ctx.loaders.get('responsesOfRound', async (ids: readonly string[]) => groupByKeys(ids, await findResponsesOfRounds(ctx.em, ids), (row) => row.roundId));
}

/** The SKP's employee, their direct supervisor, or at the top of the chain an admin-kepegawaian of the region. */
async function seesRounds(ctx: PerformanceContext, skp: SkpRow): Promise<boolean> {
  const [owner, me] = await Promise.all([employeeById(ctx).load(skp.employeeId), ctx.viewer.nip === null ? null : viewerSelf(ctx).load(ctx.viewer.nip)]);
  if (owner === null) return false;
  if (me !== null && (me.employeeId === owner.employeeId || me.employeeId === owner.supervisorId)) return true;
  return owner.supervisorId === null && hasRole(ctx.viewer, ...performanceAdminRoles) && readsRegion(ctx.viewer, owner.regionCode);
}

export async function feedbackRoundsOfSkp(ctx: PerformanceContext, skp: SkpRow): Promise<RoundRow[]> {
  return (await seesRounds(ctx, skp)) ? roundsOfSkp(ctx).load(skp.id) : [];
}

/** Employee.feedbackRequests: only the employee themselves sees whom they are asked to rate. */
export async function feedbackRequestsOf(ctx: PerformanceContext, employeeId: string): Promise<RequestRow[]> {
  const me = ctx.viewer.nip === null ? null : await viewerSelf(ctx).load(ctx.viewer.nip);
  if (me?.employeeId !== employeeId) throw forbidden('Permintaan umpan balik hanya dapat dilihat oleh pegawai yang diminta', 'not_own_requests');
  return findRequestsOfRaters(ctx.em, [employeeId]);
}

async function aggregateOf(ctx: PerformanceContext, round: RoundRow) {
  return aggregateResponses(round.responses < round.minResponses ? [] : await responsesOfRound(ctx).load(round.id), round.minResponses);
}

export const FeedbackRound: FeedbackRoundResolvers<PerformanceContext> = {
  status: (round) => (round.closedAt === null ? 'OPEN' : 'CLOSED'),
  aggregatesVisible: (round) => round.responses >= round.minResponses,
  behaviours: async (round, _, ctx) => (await aggregateOf(ctx, round)).behaviours,
  comments: async (round, _, ctx) => (await aggregateOf(ctx, round)).comments,
};

export const FeedbackRequest: FeedbackRequestResolvers<PerformanceContext> = {
  employee: (request) => ({ id: request.employeeId }),
  open: (request) => request.closedAt === null,
};
