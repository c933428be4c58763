// The remuneration subgraph assembled from its parts; main.ts and the integration tests both start it here.
import { readFileSync } from 'node:fs';
import { createTokenVerifier } from '@kinerja/kit/auth';
import { createLogger, startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '@kinerja/kit/server';
import { RunExecutor } from './commands/compute-tpp.ts';
import { registerPayrollExport } from './exports/payroll.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

type RemunerationSubgraphOptions = Omit<StartSubgraphOptions<object>, 'typeDefs' | 'resolvers' | 'context'> & {
  /** Runs computeTpp jobs; main.ts resumes the runs a crash left RUNNING through the same executor. */
  runs?: RunExecutor;
  batchSize?: number;
};

export async function startRemunerationSubgraph(options: RemunerationSubgraphOptions): Promise<RunningSubgraph & { runs: RunExecutor }> {
  const { runs: given, batchSize, ...rest } = options;
  const runs = given ?? new RunExecutor(options.orm, options.logger ?? createLogger(options.config), batchSize);
  const running = await startSubgraph({
    ...rest,
    typeDefs,
    resolvers,
    context: () => ({ runs }),
    onStop: async () => {
      await runs.stop();
      await rest.onStop?.();
    },
  });
  const verifyToken =
    options.verifyToken ?? createTokenVerifier({ issuer: options.config.authIssuer, jwksUrl: options.config.jwksUrl, audience: options.config.authAudience });
  registerPayrollExport(running.app, { orm: options.orm, verifyToken, logger: running.logger });
  return { ...running, runs };
}
