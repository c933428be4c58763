import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { startKafkaBroker } from '../../src/kafka.ts';
import { silentProgress } from '../../src/progress.ts';
import { kafkaAnswers } from '../../src/readiness.ts';
import { findFreePort } from '../../src/ports.ts';

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'local-infra-test', brokers, logLevel: logLevel.NOTHING, retry: { retries: 5 } });
}

async function produce(kafka: Kafka, topic: string, messages: { key: string; value: string }[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  // No waitForLeaders: kafkajs would throw on the UNKNOWN_TOPIC_OR_PARTITION a KRaft broker answers
  // while the new topic spreads through its metadata; the idempotent producer retries that instead.
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: messages.map((message) => ({ ...message, headers: { 'event-id': randomUUID() } })) });
  await producer.disconnect();
}

/**
 * A restarted broker answers metadata requests before it has loaded `__consumer_offsets`, so a consumer
 * group joined at once can fail with "Failed to find group coordinator" (seen in CI on a loaded machine).
 * Wait until the broker names a coordinator, as a consumer after an outage would by retrying.
 */
async function waitForGroupCoordinator(kafka: Kafka, timeoutMs = 60_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await admin.describeGroups([`local-infra-test-probe-${randomUUID()}`]);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function consume(kafka: Kafka, topic: string, count: number): Promise<KafkaMessage[]> {
  await waitForGroupCoordinator(kafka);
  const consumer = kafka.consumer({ groupId: `local-infra-test-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received: KafkaMessage[] = [];
  try {
    // A consumer that crashes (e.g. out of coordinator retries) fails the test with its reason instead of
    // leaving it to hang until vitest's time limit.
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push(message);
            if (received.length === count) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}

describe('Kafka', () => {
  it('produces to and consumes from a topic on the shared broker with kafkajs', async () => {
    const kafka = client(inject('kinerjaInfra').kafkaBrokers);
    const topic = `local-infra.smoke.${randomUUID()}`;
    await produce(kafka, topic, [
      { key: 'employee-1', value: 'first' },
      { key: 'employee-1', value: 'second' },
    ]);
    const received = await consume(kafka, topic, 2);
    expect(received.map((message) => message.value?.toString())).toEqual(['first', 'second']);
    expect(received[0]?.key?.toString()).toBe('employee-1');
    expect(received[0]?.headers?.['event-id']?.toString()).toMatch(/^[0-9a-f-]{36}$/);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  // Kernel-chosen ports: the kit's outage test runs its own private broker at the same time under turbo.
  it('runs a private broker that can be stopped and restarted with its data (for outage tests)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'private-kafka-'));
    const port = await findFreePort();
    const options = { port, controllerPort: await findFreePort(), dataDir, progress: silentProgress };
    let broker = await startKafkaBroker(options);
    try {
      expect(broker.brokers).toEqual([`localhost:${port}`]);
      await produce(client(broker.brokers), 'outage.test', [{ key: 'k', value: 'before the outage' }]);
      await broker.stop();
      expect(await kafkaAnswers(broker.brokers)).toBe(false);
      broker = await startKafkaBroker(options);
      const received = await consume(client(broker.brokers), 'outage.test', 1);
      expect(received[0]?.value?.toString()).toBe('before the outage');
    } finally {
      await broker.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
