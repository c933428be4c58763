import type { Resolvers } from '../generated/resolvers-types.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { Employee, EmployeeConnection, OrgUnit, Position, Region } from './types.ts';
import { SiasnImportJob, SiasnImportRow, siasnMutation, siasnQuery } from './siasn.ts';

export { personnelContext, type PersonnelContext } from './context.ts';
export const resolvers: Resolvers = {
  Query: { ...Query, ...siasnQuery },
  Mutation: { ...Mutation, ...siasnMutation },
  Employee,
  EmployeeConnection,
  Region,
  OrgUnit,
  Position,
  SiasnImportJob,
  SiasnImportRow,
};
