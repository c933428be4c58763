import { readAuditLog } from '@kinerja/kit/audit-log';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { regionFilterAllowed, seesNothing } from '../domain/visibility.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listEmployees } from '../repositories/employee-rows.ts';
import { listPositions, listRegions, listRootUnits } from '../repositories/reference-rows.ts';
import { isUuid } from '@kinerja/kit/ids';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { employeeById, employeeByNip, regionByCode, unitById, unitChildren } from './loaders.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const Query: QueryResolvers = {
  personnelAuditLog: (_, args, ctx) => readAuditLog(ctx, args),
  me: (_, __, ctx) => (ctx.viewer.nip ? employeeByNip(ctx).load(ctx.viewer.nip) : null),

  employee: (_, args, ctx) => {
    if ((args.id ? 1 : 0) + (args.nip ? 1 : 0) !== 1) throw badUserInput('Isi salah satu: id atau nip', 'id_or_nip_required');
    if (args.id) return isUuid(args.id) ? employeeById(ctx).load(args.id.toLowerCase()) : null;
    return employeeByNip(ctx).load(args.nip as string);
  },

  employees: async (_, args, ctx) => {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badUserInput(`first harus 1–${MAX_PAGE_SIZE}`, 'invalid_page_size', { field: 'first' });
    }
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.after && !after) throw badUserInput('Kursor halaman tidak valid', 'invalid_cursor', { field: 'after' });
    const filter = args.filter ?? {};
    if (filter.regionCode && !regionFilterAllowed(ctx.visibility, filter.regionCode)) {
      throw forbidden(`Wilayah ${filter.regionCode} di luar cakupan Anda`, 'region_out_of_scope');
    }
    if (filter.unitId && !isUuid(filter.unitId)) throw badUserInput('unitId bukan ID yang valid', 'invalid_id', { field: 'unitId' });
    if (seesNothing(ctx.visibility)) return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, countOf: null };

    const listFilter = { ...filter, unitId: filter.unitId?.toLowerCase() ?? null };
    const page = await listEmployees(ctx.em, ctx.visibility, listFilter, first, after);
    for (const row of page.rows) employeeById(ctx).prime(row.id, row);
    const edges = page.rows.map((row) => ({ cursor: encodeCursor(row), node: row }));
    return {
      edges,
      nodes: page.rows,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      countOf: { visibility: ctx.visibility, filter: listFilter },
    };
  },

  regions: (_, args, ctx) => listRegions(ctx.em, args.level, args.parentCode ?? null),

  region: (_, args, ctx) => regionByCode(ctx).load(args.code),

  orgUnit: (_, args, ctx) => (isUuid(args.id) ? unitById(ctx).load(args.id.toLowerCase()) : null),

  orgUnits: (_, args, ctx) => {
    if (args.parentId) return isUuid(args.parentId) ? unitChildren(ctx).load(args.parentId.toLowerCase()) : [];
    return listRootUnits(ctx.em, args.regionCode ?? null);
  },

  positions: (_, __, ctx) => listPositions(ctx.em),
};
