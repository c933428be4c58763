import { readAuditLog } from '@kinerja/kit/audit-log';
import { badUserInput } from '@kinerja/kit/errors';
import { isUuid } from '@kinerja/kit/ids';
import { predikatOf } from '../domain/predikat-matrix.ts';
import { todayWib } from '../domain/periods.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { directSubordinateIds } from '../repositories/employee-rows.ts';
import { configurationInForce, findConfigurationHistory } from '../repositories/configuration-rows.ts';
import { findApprovedRhkOf, findIndicators, findSkpsOfYear, findTopOfChainSkps } from '../repositories/skp-rows.ts';
import { findFinalisedEvaluationsOfInstansi, findInstansiRegion, type FinalisedCursor } from '../repositories/evaluation-rows.ts';
import { regionSql } from '@kinerja/kit/scoping';
import { viewerEmployee } from '../commands/command-input.ts';
import { periodsWithState } from '../commands/period-context.ts';
import type { PerformanceContext } from './context.ts';
import { assertAdminOfRegion, performanceAdminRoles } from './access.ts';
import { assertRole } from '@kinerja/kit/auth';
import { publicFeedbackForm } from './public-feedback-types.ts';
import { employeeVisible, rhkById, skpById } from './loaders.ts';

/** Heads of instansi in an admin's region: a regency has a few dozen; the list is capped for its cost. */
const TOP_OF_CHAIN_LIMIT = 200;

function matrixInForce(ctx: PerformanceContext, instansiId: string | null | undefined) {
  return configurationInForce(ctx.em, 'PREDIKAT_MATRIX', instansiId?.trim() || null, todayWib());
}

function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput('Tahun tidak valid', 'invalid_year', { field: 'year' });
  return year;
}

/** finalisedResults(first:): a page is one round trip of the SIASN export, bounded so a page stays small. */
export const MAX_FINALISED_PAGE = 500;
export const DEFAULT_FINALISED_PAGE = 200;

function encodeFinalisedCursor(cursor: FinalisedCursor): string {
  return Buffer.from(JSON.stringify([cursor.employeeId, cursor.period]), 'utf8').toString('base64url');
}

function decodeFinalisedCursor(value: string): FinalisedCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') return { employeeId: parsed[0], period: parsed[1] };
  } catch {
    // fall through: not a cursor we issued
  }
  throw badUserInput('Kursor halaman tidak valid', 'invalid_cursor', { field: 'after' });
}

export const Query: QueryResolvers<PerformanceContext> = {
  indicator: async (_, { id }, ctx) => {
    if (!isUuid(id)) return null;
    const [indicator] = await findIndicators(ctx.em, [id.toLowerCase()]);
    if (indicator === undefined) return null;
    const rhk = await rhkById(ctx).load(indicator.rhkId);
    const skp = rhk === null ? null : await skpById(ctx).load(rhk.skpId).catch(() => null);
    // Like skp(id): an indicator the caller may not see is indistinguishable from a missing one.
    return skp !== null && (await employeeVisible(ctx).load(skp.employeeId)) ? indicator : null;
  },
  performanceAuditLog: (_, args, ctx) => readAuditLog(ctx, args),
  skp: async (_, { id }, ctx) => {
    const skp = await skpById(ctx).load(id.toLowerCase()).catch(() => null);
    if (skp === null) return null;
    // An SKP the caller may not see is indistinguishable from a missing one.
    return (await employeeVisible(ctx).load(skp.employeeId)) ? skp : null;
  },
  teamSkps: async (_, { year, status }, ctx) => {
    const me = await viewerEmployee(ctx.em, ctx.viewer);
    return findSkpsOfYear(ctx.em, await directSubordinateIds(ctx.em, me.employeeId), requireYear(year), status ?? null);
  },
  topOfChainSkps: async (_, { year, status }, ctx) => {
    assertAdminOfRegion(ctx.viewer, ctx.viewer.regionCode ?? '');
    return findTopOfChainSkps(ctx.em, regionSql('e.region_code', ctx.viewer.regionCode!), requireYear(year), status ?? null, TOP_OF_CHAIN_LIMIT);
  },
  supervisorRhk: async (_, { year }, ctx) => {
    const me = await viewerEmployee(ctx.em, ctx.viewer);
    return me.supervisorId === null ? [] : findApprovedRhkOf(ctx.em, me.supervisorId, requireYear(year));
  },
  configurationVersions: (_, { kind, instansiId }, ctx) => findConfigurationHistory(ctx.em, kind, instansiId?.trim() || null),
  publicFeedbackForm: (_, { code }, ctx) => publicFeedbackForm(ctx, code),
  predikatMatrix: async (_, { instansiId }, ctx) => [...(await matrixInForce(ctx, instansiId)).cells],
  evaluationPeriods: async (_, { year, instansiId }, ctx) => periodsWithState(ctx.em, instansiId?.trim() || null, requireYear(year)),
  finalisedResults: async (_, { instansiId, year, period, first, after }, ctx) => {
    assertRole(ctx.viewer, ...performanceAdminRoles);
    const limit = first ?? DEFAULT_FINALISED_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FINALISED_PAGE) throw badUserInput(`Ukuran halaman harus 1–${MAX_FINALISED_PAGE}`, 'invalid_page_size', { field: 'first' });
    const cursor = after ? decodeFinalisedCursor(after) : null;
    const regionCode = await findInstansiRegion(ctx.em, instansiId);
    if (regionCode === null) return { nodes: [], endCursor: null, hasNextPage: false };
    assertAdminOfRegion(ctx.viewer, regionCode);
    const rows = await findFinalisedEvaluationsOfInstansi(ctx.em, { instansiId, year: requireYear(year), period: period?.trim().toUpperCase() || null, after: cursor, limit: limit + 1 });
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return { nodes, endCursor: last ? encodeFinalisedCursor(last) : null, hasNextPage: rows.length > limit };
  },
  predikatPreview: async (_, { hasilKerja, perilakuKerja, instansiId }, ctx) => predikatOf((await matrixInForce(ctx, instansiId)).cells, hasilKerja, perilakuKerja),
};
