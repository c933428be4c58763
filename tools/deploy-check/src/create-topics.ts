// One-shot job (compose `topic-init`, Kubernetes Job `kafka-topics`): creates the topics of
// deploy/kafka/topics.yaml that the cluster lacks and exits. Existing topics are left as they are, so
// running it again is harmless; changing a live topic's partitions or config is an operator's decision.
import { fileURLToPath } from 'node:url';
import { readCommandLine } from '@kinerja/cli';
import { loadKafkaSecurity, type KafkaSecurity } from '@kinerja/kit/events/kafka-security';
import { createTopicsWithLeaders } from '@kinerja/kit/events/topics';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { readTopicPlan, topicSpecs, type TopicPlan } from './topics.ts';

const defaultTopicsFile = fileURLToPath(new URL('../../../deploy/kafka/topics.yaml', import.meta.url));

readCommandLine({
  name: 'create-topics',
  helpCommand: 'node src/create-topics.ts --help',
  usage: `usage: node src/create-topics.ts   (npm run create-topics -w @kinerja/deploy-check)
Creates the Kafka topics of deploy/kafka/topics.yaml (each with its .dlq) that the cluster lacks; existing
topics are left as they are. Configured by the environment only:
  KAFKA_BROKERS             comma-separated host:port (required)
  TOPICS_FILE               the topic list, default deploy/kafka/topics.yaml
  KAFKA_REPLICATION_FACTOR  replication of every topic, default from the topic list
  KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD
                            TLS and SASL/SCRAM as for the services (docs/conventions.md); with topic ACLs
                            this job needs a principal allowed to create topics`,
  options: {},
});

const settings = z
  .object({
    KAFKA_BROKERS: z.string().min(1, 'required, comma-separated host:port'),
    TOPICS_FILE: z.string().min(1).default(defaultTopicsFile),
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).optional(),
  })
  .safeParse(process.env);
if (!settings.success) {
  const details = settings.error.issues
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  console.error(`create-topics: invalid configuration: ${details}`);
  process.exit(2);
}

const { KAFKA_BROKERS, TOPICS_FILE, KAFKA_REPLICATION_FACTOR } = settings.data;
let security: KafkaSecurity;
try {
  security = loadKafkaSecurity(process.env);
} catch (error) {
  console.error(`create-topics: invalid configuration: ${(error as Error).message}`);
  process.exit(2);
}
let plan: TopicPlan;
try {
  plan = readTopicPlan(TOPICS_FILE);
} catch (error) {
  console.error(
    `create-topics: cannot use ${TOPICS_FILE}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
const wanted = topicSpecs(plan, KAFKA_REPLICATION_FACTOR);

const kafka = new Kafka({
  clientId: 'kinerja-topic-init',
  brokers: KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
  ssl: security.ssl,
  ...(security.sasl ? { sasl: security.sasl } : {}),
  logLevel: logLevel.WARN,
  // The broker may still be electing its controller when compose starts this job.
  retry: { retries: 10, initialRetryTime: 500, maxRetryTime: 5000 },
});
const admin = kafka.admin();
try {
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic.name));
  if (missing.length > 0) {
    await createTopicsWithLeaders(
      admin,
      missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: topic.replicationFactor,
        configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
      })),
    );
  }
  for (const topic of wanted) {
    const state = existing.has(topic.name) ? 'exists ' : 'created';
    console.log(
      `${state} ${topic.name} (partitions ${topic.partitions}, replication ${topic.replicationFactor})`,
    );
  }
  console.log(`create-topics: ${missing.length} created, ${wanted.length - missing.length} already present`);
} catch (error) {
  console.error(
    `create-topics: ${error instanceof Error ? error.message : String(error)} (brokers ${KAFKA_BROKERS})`,
  );
  process.exitCode = 1;
} finally {
  await admin.disconnect();
}
