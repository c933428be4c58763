// What other workspaces may start of this service in-process: the benchmark (tools/bench) runs the
// monthly computation on a database of its own with the service's entities, migrations and executor;
// the seed's tests read stored statement lines back as the service does.
export { startRemunerationSubgraph } from './app.ts';
export { DEFAULT_BATCH_SIZE, RunExecutor } from './commands/compute-tpp.ts';
export { DEFAULT_TPP_RULE } from './domain/default-rules.ts';
export { entities } from './entities/index.ts';
export { migrations } from './migrations/index.ts';
export { decodeLines, type StoredLine } from './repositories/statement-lines.ts';
