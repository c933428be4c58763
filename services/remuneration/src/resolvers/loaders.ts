// Per-request DataLoaders: one SQL statement per batch however many parents ask (DESIGN.md "Federation").
import type DataLoader from 'dataloader';
import { byKeys, groupByKeys } from '@kinerja/kit/loaders';
import { findEmployees, type EmployeeRecord } from '../repositories/employee-rows.ts';
import { findLockedInstansi, findStatementHistories, findSummaries, type StatementRow, type SummaryRow } from '../repositories/statement-rows.ts';
import type { RemunerationContext } from './context.ts';

export function employeeRecord(ctx: RemunerationContext): DataLoader<string, EmployeeRecord | null> {
  return ctx.loaders.get('employeeRecord', async (ids: readonly string[]) => byKeys(ids, await findEmployees(ctx.em, ids), (row) => row.employeeId));
}

/** Every version of the month's statement per employee, newest first (Employee.tpp over a page of employees). */
export function statementHistory(ctx: RemunerationContext, month: string): DataLoader<string, StatementRow[]> {
  return ctx.loaders.get(`statementHistory:${month}`, async (ids: readonly string[]) => groupByKeys(ids, await findStatementHistories(ctx.em, ids, month), (row) => row.employeeId));
}

/** Whether an instansi's month is locked, for every instansi of the statements asked for at once. */
export function monthLocked(ctx: RemunerationContext, month: string): DataLoader<string, boolean> {
  return ctx.loaders.get(`monthLocked:${month}`, async (instansiIds: readonly string[]) => {
    const locked = await findLockedInstansi(ctx.em, instansiIds, month);
    return instansiIds.map((id) => locked.has(id));
  });
}

/** The month's maintained summary of a region or unit (Region/OrgUnit.tppSummary over every region of a dashboard). */
export function tppSummary(ctx: RemunerationContext, scopeKind: 'REGION' | 'UNIT', month: string): DataLoader<string, SummaryRow | null> {
  return ctx.loaders.get(`tppSummary:${scopeKind}:${month}`, async (ids: readonly string[]) => byKeys(ids, await findSummaries(ctx.em, scopeKind, ids, month), (row) => row.scopeId));
}
