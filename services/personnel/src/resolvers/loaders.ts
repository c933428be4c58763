// Per-request DataLoaders: every reference and nested list below is one SQL statement per batch,
// however many parents ask (DESIGN.md "Federation").
import type DataLoader from 'dataloader';
import { byKeys, groupByKeys } from '@kinerja/kit/loaders';
import { findVisibleEmployeesBy, type EmployeeRow } from '../repositories/employee-rows.ts';
import {
  countActiveEmployeesInRegions,
  countActiveEmployeesInUnits,
  findPositions,
  findRegionChildren,
  findRegions,
  findUnitChildren,
  findUnits,
  type OrgUnitRow,
  type PositionRow,
  type RegionRow,
} from '../repositories/reference-rows.ts';
import type { PersonnelContext } from './context.ts';

export function employeeById(ctx: PersonnelContext): DataLoader<string, EmployeeRow | null> {
  return ctx.loaders.get('employeeById', async (ids: readonly string[]) =>
    byKeys(ids, await findVisibleEmployeesBy(ctx.em, ctx.visibility, 'id', ids), (row) => row.id),
  );
}

export function employeeByNip(ctx: PersonnelContext): DataLoader<string, EmployeeRow | null> {
  return ctx.loaders.get('employeeByNip', async (nips: readonly string[]) => {
    const rows = await findVisibleEmployeesBy(ctx.em, ctx.visibility, 'nip', nips);
    for (const row of rows) employeeById(ctx).prime(row.id, row);
    return byKeys(nips, rows, (row) => row.nip);
  });
}

export function subordinatesOf(ctx: PersonnelContext): DataLoader<string, EmployeeRow[]> {
  return ctx.loaders.get('subordinatesOf', async (ids: readonly string[]) => {
    const rows = await findVisibleEmployeesBy(ctx.em, ctx.visibility, 'supervisor_id', ids);
    for (const row of rows) employeeById(ctx).prime(row.id, row);
    return groupByKeys(ids, rows, (row) => row.supervisorId ?? '');
  });
}

export function regionByCode(ctx: PersonnelContext): DataLoader<string, RegionRow | null> {
  return ctx.loaders.get('regionByCode', async (codes: readonly string[]) => byKeys(codes, await findRegions(ctx.em, codes), (row) => row.code));
}

export function regionChildren(ctx: PersonnelContext): DataLoader<string, RegionRow[]> {
  return ctx.loaders.get('regionChildren', async (codes: readonly string[]) =>
    groupByKeys(codes, await findRegionChildren(ctx.em, codes), (row) => row.parentCode ?? ''),
  );
}

export function regionHeadcount(ctx: PersonnelContext): DataLoader<string, number> {
  return ctx.loaders.get('regionHeadcount', async (codes: readonly string[]) => {
    const counts = await countActiveEmployeesInRegions(ctx.em, codes);
    return codes.map((code) => counts.get(code) ?? 0);
  });
}

export function unitById(ctx: PersonnelContext): DataLoader<string, OrgUnitRow | null> {
  return ctx.loaders.get('unitById', async (ids: readonly string[]) => byKeys(ids, await findUnits(ctx.em, ids), (row) => row.id));
}

export function unitChildren(ctx: PersonnelContext): DataLoader<string, OrgUnitRow[]> {
  return ctx.loaders.get('unitChildren', async (ids: readonly string[]) =>
    groupByKeys(ids, await findUnitChildren(ctx.em, ids), (row) => row.parentId ?? ''),
  );
}

export function unitHeadcount(ctx: PersonnelContext): DataLoader<string, number> {
  return ctx.loaders.get('unitHeadcount', async (ids: readonly string[]) => {
    const counts = await countActiveEmployeesInUnits(ctx.em, ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function positionById(ctx: PersonnelContext): DataLoader<string, PositionRow | null> {
  return ctx.loaders.get('positionById', async (ids: readonly string[]) => byKeys(ids, await findPositions(ctx.em, ids), (row) => row.id));
}

/** The row a foreign key points at: the schema declares it non-null and the database guarantees it, so a miss is a server fault. */
export async function referenced<Row>(row: Promise<Row | null>, what: string, key: string): Promise<Row> {
  const found = await row;
  if (found === null) throw new Error(`${what} ${key} is referenced but not found`);
  return found;
}
