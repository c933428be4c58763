// Runs the competency subgraph (services/competency/src/main.ts) as a child
// process with its own fresh database and its own consumer group on the real personnel.employee.v1.
// The group starts at the topic's current end, so the read model holds only what personnel publishes
// from now on, not every employee earlier runs and other suites left on the shared broker.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.ts';

export const employeeTopic = 'personnel.employee.v1';

export interface CompetencyProcess extends SubgraphProcess {
  /** The consumer group the process reads personnel.employee.v1 with (processed_event.consumer_group). */
  groupId: string;
}

const competencyMain = fileURLToPath(new URL('../../../services/competency/src/main.ts', import.meta.url));

export function kafkaBrokers(env: Record<string, string | undefined> = process.env): string[] {
  return (env['KAFKA_BROKERS'] ?? 'localhost:9092').split(',');
}

function kafkaAdmin(env: Record<string, string | undefined>) {
  return new Kafka({
    clientId: 'gateway-test-admin',
    brokers: kafkaBrokers(env),
    logLevel: logLevel.NOTHING,
  }).admin();
}

async function startGroupAtTopicEnd(groupId: string, env: Record<string, string | undefined>): Promise<void> {
  const admin = kafkaAdmin(env);
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(employeeTopic)) {
      throw new Error(
        `topic ${employeeTopic} is missing; run \`KAFKA_BROKERS=localhost:9092 npm run -w @kinerja/deploy-check create-topics\``,
      );
    }
    const ends = await admin.fetchTopicOffsets(employeeTopic);
    await admin.setOffsets({
      groupId,
      topic: employeeTopic,
      partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
    });
  } finally {
    await admin.disconnect();
  }
}

export async function startCompetency(
  env: Record<string, string | undefined> = process.env,
): Promise<CompetencyProcess> {
  const groupId = `gateway-test-competency-${randomUUID().slice(0, 8)}`;
  // Best effort: a group the broker still lists (e.g. mid-rebalance) expires on its own.
  const deleteGroup = async () => {
    const admin = kafkaAdmin(env);
    await admin.connect();
    try {
      await admin.deleteGroups([groupId]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  };
  await startGroupAtTopicEnd(groupId, env);
  let running: SubgraphProcess;
  try {
    running = await startSubgraphProcess({
      name: 'competency',
      main: competencyMain,
      env,
      extraEnv: { COMPETENCY_EMPLOYEE_GROUP: groupId },
      logLevel: env['COMPETENCY_LOG_LEVEL'] ?? 'warn',
    });
  } catch (error) {
    await deleteGroup();
    throw error;
  }
  return {
    ...running,
    groupId,
    async stop() {
      await running.stop();
      // The group has no members once the process is gone; leave no per-run groups on the shared broker.
      await deleteGroup();
    },
  };
}
