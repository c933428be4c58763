// The competency subgraph assembled from its parts; main.ts and the integration tests both start it here.
import { readFileSync } from 'node:fs';
import { createTokenVerifier } from '@kinerja/kit/auth';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '@kinerja/kit/server';
import { registerTrainingNeedsCsv } from './exports/training-needs-csv.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

type CompetencySubgraphOptions = Omit<StartSubgraphOptions<object>, 'typeDefs' | 'resolvers' | 'context'>;

export async function startCompetencySubgraph(options: CompetencySubgraphOptions): Promise<RunningSubgraph> {
  const running = await startSubgraph({ ...options, typeDefs, resolvers });
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({ issuer: options.config.authIssuer, jwksUrl: options.config.jwksUrl, audience: options.config.authAudience });
  registerTrainingNeedsCsv(running.app, { orm: options.orm, verifyToken, logger: running.logger });
  return running;
}
