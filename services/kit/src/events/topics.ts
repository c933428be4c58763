// Topics are created on first use, each with its dead-letter topic beside it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
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
    await createTopicsWithLeaders(admin, missing.map((topic) => ({ topic })));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Errors a broker answers with while a just-created topic is still spreading through its metadata. A
 * KRaft broker (Kafka 4) can answer the metadata request right after creation with
 * UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this topic-partition") until it has applied
 * the new metadata record, and a ListOffsets request with NOT_LEADER_FOR_PARTITION after the metadata
 * already names it leader, until it has taken up the partition: CI failed on each of these.
 */
const settlingErrors = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION']);

/**
 * Runs `attempt` until it stops failing with one of the settling errors above (backing off from 50 ms
 * to 1 s, for at most `timeoutMs`); any other error, or one after the deadline, is thrown as it is.
 */
export async function whileTopicsSettle<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delayMs = 50; ; delayMs = Math.min(delayMs * 2, 1000)) {
    try {
      return await attempt();
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (!type || !settlingErrors.has(type) || Date.now() > deadline) throw error;
    }
    await sleep(delayMs);
  }
}

/**
 * Creates topics and waits until every partition is served: a leader in the metadata, and the leader
 * answering for it (its offsets are read). kafkajs's own `waitForLeaders` retries only
 * LEADER_NOT_AVAILABLE, which is not enough on a KRaft broker (see settlingErrors). Topics another
 * client created meanwhile are fine (kafkajs leaves TOPIC_ALREADY_EXISTS unthrown).
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: ITopicConfig[],
  timeoutMs = 30_000,
): Promise<void> {
  await admin.createTopics({ topics, waitForLeaders: false });
  const names = topics.map((topic) => topic.topic);
  await whileTopicsSettle(async () => {
    const metadata = await admin.fetchTopicMetadata({ topics: names });
    const leaderless = metadata.topics.filter(
      (topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0),
    );
    if (leaderless.length > 0) {
      throw Object.assign(new Error(`no leader after ${timeoutMs} ms for ${leaderless.map((t) => t.name).join(', ')}`), {
        type: 'LEADER_NOT_AVAILABLE',
      });
    }
    for (const name of names) await admin.fetchTopicOffsets(name);
  }, timeoutMs);
}
