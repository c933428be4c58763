import type { Resolvers } from '../generated/resolvers-types.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { Employee, EmployeeConnection, OrgUnit, Position, Region } from './types.ts';

export { personnelContext, type PersonnelContext } from './context.ts';
export const resolvers: Resolvers = { Query, Mutation, Employee, EmployeeConnection, Region, OrgUnit, Position };
