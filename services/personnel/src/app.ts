// The personnel subgraph assembled from its parts; main.ts and the integration tests both start it here.
import { readFileSync } from 'node:fs';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '@kinerja/kit/server';
import { personnelContext, resolvers } from './resolvers/index.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

type PersonnelSubgraphOptions = Omit<StartSubgraphOptions<object>, 'typeDefs' | 'resolvers' | 'context'>;

export function startPersonnelSubgraph(options: PersonnelSubgraphOptions): Promise<RunningSubgraph> {
  return startSubgraph({ ...options, typeDefs, resolvers, context: personnelContext });
}
