// The performance subgraph assembled from its parts; main.ts and the integration tests both start it here.
import { readFileSync } from 'node:fs';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '@kinerja/kit/server';
import { resolvers } from './resolvers/index.ts';
import { anonymousRootFields } from './resolvers/public-feedback-types.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

type PerformanceSubgraphOptions = Omit<StartSubgraphOptions<object>, 'typeDefs' | 'resolvers' | 'context' | 'anonymousRootFields'> & {
  /** The web app's base URL for public feedback QR links (PUBLIC_WEB_URL). */
  publicWebUrl?: string;
};

export function startPerformanceSubgraph({ publicWebUrl = 'http://localhost:5173/', ...options }: PerformanceSubgraphOptions): Promise<RunningSubgraph> {
  return startSubgraph({ ...options, typeDefs, resolvers, anonymousRootFields, context: () => ({ publicWebUrl }) });
}
