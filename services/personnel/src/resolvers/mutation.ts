import { changePosition, hireEmployee, retireEmployee, setSupervisor, transferEmployee } from '../commands/employee-commands.ts';
import { createOrgUnit, createPosition } from '../commands/organisation-commands.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { findVisibleEmployeesBy } from '../repositories/employee-rows.ts';
import { findPositions, findUnits } from '../repositories/reference-rows.ts';
import type { PersonnelContext } from './context.ts';

// The schema promises a non-null result; a committed row that can't be read back is a server fault, not a null.
function committed<Row>(row: Row | undefined, what: string, id: string): Row {
  if (row === undefined) throw new Error(`${what} ${id} was committed but cannot be read back`);
  return row;
}

// After a committed change, read the row back through the same scoped SQL the queries use.
async function reload(ctx: PersonnelContext, id: string) {
  const [row] = await findVisibleEmployeesBy(ctx.em, ctx.visibility, 'id', [id]);
  return committed(row, 'employee', id);
}

export const Mutation: MutationResolvers = {
  hireEmployee: async (_, { input }, ctx) => reload(ctx, await hireEmployee(ctx.em, ctx.viewer, input)),
  transferEmployee: async (_, args, ctx) => reload(ctx, await transferEmployee(ctx.em, ctx.viewer, args.employeeId, args.unitId, args.effectiveDate)),
  changePosition: async (_, args, ctx) => reload(ctx, await changePosition(ctx.em, ctx.viewer, args.employeeId, args.positionId, args.golongan, args.effectiveDate)),
  setSupervisor: async (_, args, ctx) => reload(ctx, await setSupervisor(ctx.em, ctx.viewer, args.employeeId, args.supervisorId, args.effectiveDate)),
  retireEmployee: async (_, args, ctx) => {
    const outcome = await retireEmployee(ctx.em, ctx.viewer, args.employeeId, args.effectiveDate);
    // Subordinates or the new supervisor may sit outside what the caller may see (another region):
    // the payload lists only the visible ones, like every other read.
    const [employee, reassignedSubordinates, newSupervisor] = await Promise.all([
      reload(ctx, outcome.employeeId),
      findVisibleEmployeesBy(ctx.em, ctx.visibility, 'id', outcome.reassignedSubordinateIds),
      outcome.newSupervisorId ? findVisibleEmployeesBy(ctx.em, ctx.visibility, 'id', [outcome.newSupervisorId]) : Promise.resolve([]),
    ]);
    const order = new Map(outcome.reassignedSubordinateIds.map((id, index) => [id, index]));
    return {
      employee,
      reassignedSubordinates: reassignedSubordinates.toSorted((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
      newSupervisor: newSupervisor[0] ?? null,
      subordinatesLeftWithoutSupervisor: outcome.newSupervisorId === null && outcome.reassignedSubordinateIds.length > 0,
    };
  },
  createOrgUnit: async (_, { input }, ctx) => {
    const id = await createOrgUnit(ctx.em, ctx.viewer, input);
    const [unit] = await findUnits(ctx.em, [id]);
    return committed(unit, 'org unit', id);
  },
  createPosition: async (_, { input }, ctx) => {
    const id = await createPosition(ctx.em, ctx.viewer, input);
    const [position] = await findPositions(ctx.em, [id]);
    return committed(position, 'position', id);
  },
};
