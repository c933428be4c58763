// The real remuneration subgraph (src/main.ts) as a child process on a fresh database, the way the
// launcher runs it, for tests of other workspaces (the gateway's, the bench's). Exported as
// `@kinerja/remuneration/testing`; the generic parts are the kit's.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startConsumerAtTopicEnd, startSubgraphProcess, type SubgraphProcess, type TestConsumerGroup } from '@kinerja/kit/testing';
import { inputTopics } from '../../src/events/topics.ts';

export interface RemunerationProcess extends SubgraphProcess {
  /** The consumer group the process reads its three input topics with. */
  groupId: string;
}

/**
 * Remuneration with its own consumer group on the real input topics, started at their current end, so
 * its read models hold only what is published from now on. `stop` deletes the group too.
 * REMUNERATION_LOG_LEVEL sets its log level.
 */
export async function startRemunerationProcess(env: Record<string, string | undefined> = process.env): Promise<RemunerationProcess> {
  const groupId = `test-remuneration-${randomUUID().slice(0, 8)}`;
  const groups: TestConsumerGroup[] = [];
  for (const topic of Object.values(inputTopics)) groups.push(await startConsumerAtTopicEnd(groupId, topic, env));
  let running: SubgraphProcess;
  try {
    running = await startSubgraphProcess({
      name: 'remuneration',
      main: fileURLToPath(new URL('../../src/main.ts', import.meta.url)),
      env,
      extraEnv: { REMUNERATION_INPUTS_GROUP: groupId },
      logLevel: env['REMUNERATION_LOG_LEVEL'] ?? 'warn',
    });
  } catch (error) {
    await groups[0]?.delete();
    throw error;
  }
  return {
    ...running,
    groupId,
    async stop() {
      await running.stop();
      await groups[0]?.delete();
    },
  };
}

// Other workspaces' suites (the gateway's end to end) publish the inputs of TPP the way performance and
// attendance do, and set rules with the GraphQL input shape.
export { publishPredikat, publishRecap } from './events.ts';
export { ruleInput } from './rule-input.ts';
export { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
