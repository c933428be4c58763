import type { Resolvers } from '../generated/resolvers-types.ts';
import { entityResolvers } from './entities.ts';
import { mutationResolvers } from './mutation.ts';
import { queryResolvers } from './query.ts';
import { typeResolvers } from './types.ts';

export const resolvers: Resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  ...entityResolvers,
  ...typeResolvers,
};
