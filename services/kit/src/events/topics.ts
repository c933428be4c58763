// Topics are created on first use, each with its dead-letter topic beside it.
import type { Kafka } from 'kafkajs';
import { deadLetterTopicOf } from './headers.ts';

export async function ensureTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))].filter(
      (topic) => !existing.has(topic),
    );
    if (missing.length === 0) return;
    // Partitions and replication follow the broker's defaults (deploy/ sets them per environment).
    await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
