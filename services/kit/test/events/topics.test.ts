// Topic creation against the real broker: a topic that ensureTopics has just created is served at once
// (its leader answers ListOffsets), which a KRaft broker does not promise right after CreateTopics.
// CI failed on that twice (UNKNOWN_TOPIC_OR_PARTITION, then NOT_LEADER_FOR_PARTITION).
import { describe, expect, it, vi } from 'vitest';
import { ensureTopics, whileTopicsSettle } from '../../src/events.ts';
import { deadLetterTopicOf } from '../../src/events/headers.ts';
import { kafkaAnswers, rawKafka, uniqueTopic } from './harness.ts';

vi.setConfig({ testTimeout: 90_000 });

const kafkaUp = await kafkaAnswers();

function brokerError(type: string): Error {
  return Object.assign(new Error(type), { type });
}

describe('whileTopicsSettle', () => {
  it('tries again while the broker answers with a settling error, then returns the answer', async () => {
    const answers = [brokerError('UNKNOWN_TOPIC_OR_PARTITION'), brokerError('NOT_LEADER_FOR_PARTITION'), brokerError('LEADER_NOT_AVAILABLE')];
    let calls = 0;
    const result = await whileTopicsSettle(async () => {
      calls += 1;
      const next = answers.shift();
      if (next) throw next;
      return 'served';
    });
    expect(result).toBe('served');
    expect(calls).toBe(4);
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    await expect(
      whileTopicsSettle(async () => {
        calls += 1;
        throw brokerError('TOPIC_AUTHORIZATION_FAILED');
      }),
    ).rejects.toThrow('TOPIC_AUTHORIZATION_FAILED');
    expect(calls).toBe(1);
  });

  it('throws the settling error once the time is up', async () => {
    await expect(
      whileTopicsSettle(async () => {
        throw brokerError('NOT_LEADER_FOR_PARTITION');
      }, 120),
    ).rejects.toThrow('NOT_LEADER_FOR_PARTITION');
  });
});

describe.skipIf(!kafkaUp && !process.env.CI)('ensureTopics on the real broker', () => {
  it('leaves new topics and their dead-letter topics served: their offsets are read without a retry', async () => {
    const topics = [uniqueTopic('served-a'), uniqueTopic('served-b')];
    const kafka = rawKafka();
    await ensureTopics(kafka, topics);
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const topic of topics.flatMap((name) => [name, deadLetterTopicOf(name)])) {
        const offsets = await admin.fetchTopicOffsets(topic);
        expect(offsets.length, topic).toBeGreaterThan(0);
        expect(offsets.every(({ high }) => high === '0'), topic).toBe(true);
      }
    } finally {
      await admin.deleteTopics({ topics: topics.flatMap((name) => [name, deadLetterTopicOf(name)]) }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
