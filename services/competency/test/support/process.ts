// The real competency subgraph (src/main.ts) as a child process on a fresh database, the way the
// launcher runs it, for tests of other workspaces (the gateway's, the bench's). Exported as
// `@kinerja/competency/testing`; the generic parts are the kit's.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { topics } from '@kinerja/proto';
import { startConsumerAtTopicEnd, startSubgraphProcess, type SubgraphProcess } from '@kinerja/kit/testing';

export interface CompetencyProcess extends SubgraphProcess {
  /** The consumer group the process reads personnel.employee.v1 with (processed_event.consumer_group). */
  groupId: string;
}

/**
 * Competency with its own consumer group on the real personnel.employee.v1, started at the topic's
 * current end: the read model holds only what personnel publishes from now on, not every employee earlier
 * runs left on the shared broker. `stop` deletes the group too. COMPETENCY_LOG_LEVEL sets its log level.
 */
export async function startCompetencyProcess(env: Record<string, string | undefined> = process.env): Promise<CompetencyProcess> {
  const groupId = `test-competency-${randomUUID().slice(0, 8)}`;
  const group = await startConsumerAtTopicEnd(groupId, topics.personnelEmployee, env);
  let running: SubgraphProcess;
  try {
    running = await startSubgraphProcess({
      name: 'competency',
      main: fileURLToPath(new URL('../../src/main.ts', import.meta.url)),
      env,
      extraEnv: { COMPETENCY_EMPLOYEE_GROUP: groupId },
      logLevel: env['COMPETENCY_LOG_LEVEL'] ?? 'warn',
    });
  } catch (error) {
    await group.delete();
    throw error;
  }
  return {
    ...running,
    groupId,
    async stop() {
      await running.stop();
      // The group has no members once the process is gone; leave no per-run groups on the shared broker.
      await group.delete();
    },
  };
}
