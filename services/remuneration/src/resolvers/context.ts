import type { RequestContext } from '@kinerja/kit/server';
import type { RunExecutor } from '../commands/compute-tpp.ts';

// What every resolver of this subgraph gets: the kit's request context (viewer, em, loaders, log) and the
// process's executor of compute runs.
export type RemunerationContext = RequestContext & { runs: RunExecutor };
