// The real performance subgraph (src/main.ts) as a child process on a fresh database, the way the
// launcher runs it, for tests of other workspaces (the gateway's). Exported as `@kinerja/performance/testing`;
// the generic parts are the kit's.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { topics } from '@kinerja/proto';
import { startConsumerAtTopicEnd, startSubgraphProcess, type SubgraphProcess } from '@kinerja/kit/testing';

export { ensureKepalaUser, KEPALA_USER } from './keycloak-users.ts';

export interface PerformanceProcess extends SubgraphProcess {
  /** The consumer group the process reads personnel.employee.v1 with (processed_event.consumer_group). */
  groupId: string;
}

/**
 * Performance with consumer groups of its own on the real personnel.employee.v1 and competency.assessment.v1,
 * started at the topics' current ends: its read models hold only what is published from now on. `stop`
 * deletes the groups too. PERFORMANCE_LOG_LEVEL sets its log level.
 */
export async function startPerformanceProcess(env: Record<string, string | undefined> = process.env): Promise<PerformanceProcess> {
  const groupId = `test-performance-${randomUUID().slice(0, 8)}`;
  const employees = await startConsumerAtTopicEnd(groupId, topics.personnelEmployee, env);
  const assessments = await startConsumerAtTopicEnd(`${groupId}-assessments`, topics.competencyAssessment, env);
  const deleteGroups = () => Promise.all([employees.delete(), assessments.delete()]);
  let running: SubgraphProcess;
  try {
    running = await startSubgraphProcess({
      name: 'performance',
      main: fileURLToPath(new URL('../../src/main.ts', import.meta.url)),
      env,
      extraEnv: { PERFORMANCE_EMPLOYEE_GROUP: employees.groupId, PERFORMANCE_ASSESSMENT_GROUP: assessments.groupId },
      logLevel: env['PERFORMANCE_LOG_LEVEL'] ?? 'warn',
    });
  } catch (error) {
    await deleteGroups();
    throw error;
  }
  return {
    ...running,
    groupId,
    async stop() {
      await running.stop();
      await deleteGroups();
    },
  };
}
