// Runs the real personnel subgraph (services/personnel/src/main.ts) as a child process on a free port,
// with its own fresh database, the way the launcher runs it.
import { fileURLToPath } from 'node:url';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.ts';

export type PersonnelProcess = SubgraphProcess;

const personnelMain = fileURLToPath(new URL('../../../services/personnel/src/main.ts', import.meta.url));

export function startPersonnel(
  env: Record<string, string | undefined> = process.env,
): Promise<PersonnelProcess> {
  return startSubgraphProcess({
    name: 'personnel',
    main: personnelMain,
    env,
    logLevel: env['PERSONNEL_LOG_LEVEL'] ?? 'warn',
  });
}
