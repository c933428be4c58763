// The resolvers map: one export per GraphQL type, named like the type (docs/service-template.md).
import type { Resolvers } from '../generated/resolvers-types.ts';
import { CompetencyAssessment } from './assessment.ts';
import { Employee, OrgUnit, Region } from './federated.ts';
import { Mutation } from './mutation.ts';
import { CompetencyProfile } from './profile.ts';
import { Query } from './query.ts';
import { CompetencyStandard, MappingBand, MappingScheme } from './standard.ts';
import { TrainingNeed, TrainingProgramme } from './training.ts';

export type { Context } from './context.ts';
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Employee,
  Region,
  OrgUnit,
  CompetencyStandard,
  MappingScheme,
  MappingBand,
  CompetencyProfile,
  CompetencyAssessment,
  TrainingProgramme,
  TrainingNeed,
};
