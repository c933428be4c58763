// A remuneration subgraph on a fresh database per suite, verified against the real Keycloak realm `asn`.
// With `consume: true` it also runs the inputs consumer on the real topics with a group of its own that
// starts at the topics' current end (it reads only what the suite publishes from then on, not what other
// runs left on the shared broker), and gives the suite a producer for real protobuf events.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createKafka } from '@kinerja/kit/events';
import { startConsumerAtTopicEnd, startTestSubgraph, type TestConsumerGroup, type TestSubgraph } from '@kinerja/kit/testing';
import { startRemunerationSubgraph } from '../../src/app.ts';
import { entities } from '../../src/entities/index.ts';
import { startInputsConsumer } from '../../src/events/inputs-consumer.ts';
import { inputTopics } from '../../src/events/topics.ts';
import { migrations } from '../../src/migrations/index.ts';
import { until } from './until.ts';

export interface Harness extends TestSubgraph {
  producer: Producer;
  groupId: string;
  /** Resolves when the suite's consumer has recorded the event as processed. */
  processed(eventId: string): Promise<void>;
}

export async function startHarness(prefix: string, options: { consume?: boolean } = {}): Promise<Harness> {
  const groupId = `remuneration-test-${prefix}-${randomUUID().slice(0, 8)}`;
  const base = await startTestSubgraph({
    serviceName: 'remuneration',
    prefix,
    entities,
    migrations,
    start: async ({ config, orm, logger }) => {
      const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `remuneration-test-${prefix}`, logger });
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      let stopConsumer = async () => {};
      if (options.consume) {
        const groups: TestConsumerGroup[] = [];
        for (const topic of Object.values(inputTopics)) groups.push(await startConsumerAtTopicEnd(groupId, topic));
        const consumer = startInputsConsumer({ orm, kafka, logger, groupId });
        await consumer.ready;
        stopConsumer = async () => {
          await consumer.stop();
          await groups[0]?.delete();
        };
      }
      const server = await startRemunerationSubgraph({ config, orm, logger, handleSignals: false });
      return {
        server,
        extra: { producer },
        stopExtra: async () => {
          await producer.disconnect();
          await stopConsumer();
        },
      };
    },
  });
  return {
    ...base,
    groupId,
    processed: (eventId) =>
      until(`event ${eventId}`, async () => {
        const rows = await base.sql(`select 1 from "processed_event" where "consumer_group" = ? and "event_id" = ?`, [groupId, eventId]);
        return rows.length > 0 ? true : undefined;
      }).then(() => undefined),
  };
}
