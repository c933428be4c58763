// Region.attendanceToday and OrgUnit.attendanceToday: region roles of an enclosing region (the unit's
// region is the longest prefix its employees share, kept from personnel's events).
import { hasRole } from '@kinerja/kit/auth';
import { viewerCovers } from '@kinerja/kit/scoping';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { isValidDate, localDateOf } from '../domain/office-time.ts';
import { sharePresent } from '../domain/today-counts.ts';
import { regionReaderRoles } from '../commands/scope.ts';
import type { OrgUnitResolvers, RegionResolvers } from '../generated/resolvers-types.ts';
import { findScopeCounts } from '../repositories/today-counts.ts';
import type { Context } from './context.ts';
import { unitRegion } from './loaders.ts';

function dateArgument(date: string | null | undefined): string {
  if (date === null || date === undefined) return localDateOf(new Date(), 'Asia/Jakarta');
  if (!isValidDate(date)) throw badUserInput(`Tanggal ${date} tidak valid (format YYYY-MM-DD)`, 'invalid_date', { field: 'date' });
  return date;
}

function assertSeesRegion(ctx: Context, regionCode: string): void {
  if (!hasRole(ctx.viewer, ...regionReaderRoles) || !viewerCovers(ctx.viewer, regionCode)) {
    throw forbidden(`Wilayah ${regionCode} di luar cakupan Anda`, 'region_out_of_scope');
  }
}

async function today(ctx: Context, scopeKey: string, date: string) {
  const counts = (await ctx.loaders.get<string, Awaited<ReturnType<typeof findScopeCounts>>>(`todayCounts:${date}`, async (keys) => {
    const all = await findScopeCounts(ctx.em, keys, date);
    return keys.map(() => all);
  }).load(scopeKey)).get(scopeKey);
  if (counts === undefined) return null;
  return { date, ...counts, sharePresent: sharePresent(counts) };
}

export const Region: RegionResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
  attendanceToday: async (parent, { date }, ctx) => {
    assertSeesRegion(ctx, parent.code);
    return today(ctx, `R:${parent.code}`, dateArgument(date));
  },
};

export const OrgUnit: OrgUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  attendanceToday: async (parent, { date }, ctx) => {
    const region = await unitRegion(ctx).load(parent.id);
    if (region === null) return null;
    assertSeesRegion(ctx, region);
    return today(ctx, `U:${parent.id}`, dateArgument(date));
  },
};
