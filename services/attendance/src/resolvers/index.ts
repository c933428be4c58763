import type { Resolvers } from '../generated/resolvers-types.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { OrgUnit, Region } from './scopes.ts';
import { AbsenceRequest, AttendanceDay, AttendanceMonth, AttendanceOffice, Employee, WorkSchedule } from './types.ts';

export const resolvers: Resolvers = { Query, AbsenceRequest, Mutation, Employee, AttendanceMonth, AttendanceDay, AttendanceOffice, WorkSchedule, Region, OrgUnit };
