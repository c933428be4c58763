// The entity types this subgraph extends: Employee.tpp (the employee reads only their own; region-wide
// roles by the region rule), Region.tppSummary and OrgUnit.tppSummary (region-wide roles in scope).
import { forbidden, hasRole, type Role, type Viewer } from '@kinerja/kit';
import { viewerCovers } from '@kinerja/kit/scoping';
import { badUserInput } from '@kinerja/kit/errors';
import { isMonth } from '../domain/month.ts';
import { averageCuts, emptyFigures } from '../domain/tpp-summary.ts';
import type { EmployeeResolvers, OrgUnitResolvers, RegionResolvers, TppSummary } from '../generated/resolvers-types.ts';
import type { SummaryRow } from '../repositories/statement-rows.ts';
import { employeeRecord, monthLocked, statementHistory, tppSummary } from './loaders.ts';
import { storedStatementShape } from './statement-shape.ts';

/** Who reads TPP beyond their own: HR, analysts, leaders and auditors of the region (salary data, so not atasan). */
export const tppReaderRoles: Role[] = ['admin-kepegawaian', 'analis', 'pimpinan', 'auditor'];

const readsRegion = (viewer: Viewer, regionCode: string) => hasRole(viewer, ...tppReaderRoles) && viewerCovers(viewer, regionCode);

function month(value: string): string {
  if (!isMonth(value)) throw badUserInput(`Bulan ${value} tidak valid; gunakan YYYY-MM`, 'invalid_month');
  return value;
}

function summaryShape(row: SummaryRow | null, forMonth: string): TppSummary {
  const figures = row ?? { ...emptyFigures() };
  return { month: forMonth, headcountPaid: figures.headcountPaid, gross: figures.gross, deductions: figures.deductions, tax: figures.tax, net: figures.net, averageCutByCause: averageCuts(figures) };
}

export const Employee: EmployeeResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  tpp: async (parent, args, ctx) => {
    const forMonth = month(args.month);
    const employee = await employeeRecord(ctx).load(parent.id);
    if (!employee) return null;
    const own = ctx.viewer.nip !== null && ctx.viewer.nip === employee.nip;
    if (!own && !readsRegion(ctx.viewer, employee.regionCode)) throw forbidden('Slip TPP hanya dapat dilihat oleh pegawai yang bersangkutan dan pengelola di wilayahnya', 'employee_out_of_scope');
    const history = await statementHistory(ctx, forMonth).load(parent.id);
    const current = history.find((s) => s.current);
    if (!current) return null;
    return storedStatementShape(current, history, await monthLocked(ctx, forMonth).load(current.instansiId));
  },
};

export const Region: RegionResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
  tppSummary: async (parent, args, ctx) => {
    const forMonth = month(args.month);
    if (!readsRegion(ctx.viewer, parent.code)) throw forbidden(`Wilayah ${parent.code} di luar cakupan Anda`, 'region_out_of_scope');
    return summaryShape(await tppSummary(ctx, 'REGION', forMonth).load(parent.code), forMonth);
  },
};

export const OrgUnit: OrgUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  tppSummary: async (parent, args, ctx) => {
    const forMonth = month(args.month);
    const row = await tppSummary(ctx, 'UNIT', forMonth).load(parent.id);
    if (!hasRole(ctx.viewer, ...tppReaderRoles) || (row !== null && !readsRegion(ctx.viewer, row.regionCode))) {
      throw forbidden('Ringkasan TPP unit ini di luar cakupan Anda', 'region_out_of_scope');
    }
    return summaryShape(row, forMonth);
  },
};
