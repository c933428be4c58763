import type { Resolvers } from '../generated/resolvers-types.ts';
import { Employee, OrgUnit, Region } from './entities.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { TppRule } from './rule-shape.ts';

export type { RemunerationContext } from './context.ts';
export const resolvers: Resolvers = { Query, Mutation, TppRule, Employee, Region, OrgUnit };
