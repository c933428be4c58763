import { changePosition, hireEmployee, retireEmployee, setSupervisor, transferEmployee, type HireEmployeeInput } from '../commands/employee-commands.ts';
import { createOrgUnit, createPosition } from '../commands/organisation-commands.ts';
import type { JenisJabatan } from '../domain/vocabulary.ts';
import { findVisibleEmployeesBy } from '../repositories/employee-rows.ts';
import { findPositions, findUnits } from '../repositories/reference-rows.ts';
import type { PersonnelContext } from './context.ts';

// After a committed change, read the row back through the same scoped SQL the queries use.
async function reload(ctx: PersonnelContext, id: string) {
  const [row] = await findVisibleEmployeesBy(ctx.em, ctx.visibility, 'id', [id]);
  return row;
}

export const Mutation = {
  hireEmployee: async (_: unknown, { input }: { input: HireEmployeeInput }, ctx: PersonnelContext) =>
    reload(ctx, await hireEmployee(ctx.em, ctx.viewer, input)),
  transferEmployee: async (_: unknown, args: { employeeId: string; unitId: string; effectiveDate?: string | null }, ctx: PersonnelContext) =>
    reload(ctx, await transferEmployee(ctx.em, ctx.viewer, args.employeeId, args.unitId, args.effectiveDate)),
  changePosition: async (
    _: unknown,
    args: { employeeId: string; positionId: string; golongan?: string | null; effectiveDate?: string | null },
    ctx: PersonnelContext,
  ) => reload(ctx, await changePosition(ctx.em, ctx.viewer, args.employeeId, args.positionId, args.golongan, args.effectiveDate)),
  setSupervisor: async (_: unknown, args: { employeeId: string; supervisorId?: string | null; effectiveDate?: string | null }, ctx: PersonnelContext) =>
    reload(ctx, await setSupervisor(ctx.em, ctx.viewer, args.employeeId, args.supervisorId, args.effectiveDate)),
  retireEmployee: async (_: unknown, args: { employeeId: string; effectiveDate?: string | null }, ctx: PersonnelContext) =>
    reload(ctx, await retireEmployee(ctx.em, ctx.viewer, args.employeeId, args.effectiveDate)),
  createOrgUnit: async (_: unknown, { input }: { input: { name: string; regionCode: string; parentId?: string | null } }, ctx: PersonnelContext) => {
    const [unit] = await findUnits(ctx.em, [await createOrgUnit(ctx.em, ctx.viewer, input)]);
    return unit;
  },
  createPosition: async (_: unknown, { input }: { input: { title: string; jenisJabatan: JenisJabatan; kelasJabatan: number } }, ctx: PersonnelContext) => {
    const [position] = await findPositions(ctx.em, [await createPosition(ctx.em, ctx.viewer, input)]);
    return position;
  },
};
