// The attendance subgraph assembled from its parts; main.ts and the integration tests both start it here.
import { readFileSync } from 'node:fs';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '@kinerja/kit/server';
import { createCaptureBatcher } from './commands/capture-batcher.ts';
import { registerIclockEndpoint } from './http/iclock-endpoint.ts';
import { defaultSettings, type AttendanceSettings } from './resolvers/context.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

type AttendanceSubgraphOptions = Omit<StartSubgraphOptions<object>, 'typeDefs' | 'resolvers' | 'context'> & { settings?: AttendanceSettings };

export async function startAttendanceSubgraph(options: AttendanceSubgraphOptions): Promise<RunningSubgraph> {
  const settings = options.settings ?? defaultSettings;
  // One batcher per process: concurrent check-ins share its transactions.
  const recordCapture = createCaptureBatcher(options.orm);
  const running = await startSubgraph({ ...options, typeDefs, resolvers, context: () => ({ settings, recordCapture }) });
  registerIclockEndpoint(running.app, { orm: options.orm, logger: running.logger });
  return running;
}
