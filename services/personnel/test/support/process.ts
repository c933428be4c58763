// The real personnel subgraph (src/main.ts) as a child process on a fresh database, the way the
// launcher runs it, for tests of other workspaces (the gateway's, the bench's). Exported as
// `@kinerja/personnel/testing`; the generic starter is the kit's startSubgraphProcess.
import { fileURLToPath } from 'node:url';
import { startSubgraphProcess, type SubgraphProcess } from '@kinerja/kit/testing';

export type PersonnelProcess = SubgraphProcess;

/** PERSONNEL_LOG_LEVEL sets the child's log level (default warn). */
export function startPersonnelProcess(env: Record<string, string | undefined> = process.env): Promise<PersonnelProcess> {
  return startSubgraphProcess({
    name: 'personnel',
    main: fileURLToPath(new URL('../../src/main.ts', import.meta.url)),
    env,
    logLevel: env['PERSONNEL_LOG_LEVEL'] ?? 'warn',
  });
}
