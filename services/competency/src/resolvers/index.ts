import { entityResolvers } from './entities.ts';
import { mutationResolvers } from './mutation.ts';
import { queryResolvers } from './query.ts';
import { typeResolvers } from './types.ts';

export const resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  ...entityResolvers,
  ...typeResolvers,
};
