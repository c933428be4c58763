// Runs a handler for each Kafka message so that its effect and the processed-event row commit in one
// transaction: a redelivered event (same event id) changes nothing. A handler that keeps failing, or a
// message that cannot be read, goes to `<topic>.dlq` with the error, and the consumer moves on.
import { Partitioners, type Consumer, type EachMessagePayload, type IHeaders, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { QueryResult } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { DLQ_HEADERS, deadLetterTopicOf, readIncomingEvent, type IncomingEvent } from './headers.ts';
import { ensureTopics } from './topics.ts';
import { backoffDelay, createWakeSignal } from './wake-signal.ts';

export interface IdempotentConsumerOptions<Em extends SqlEntityManager> {
  orm: { em: Em };
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  /** Runs inside the transaction that records the event as processed; write through `em`. */
  handle: (em: Em, event: IncomingEvent) => Promise<void>;
  /** Attempts per message before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Delay before the second attempt; doubles per attempt up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Kafka group session timeout (default 10 s, the broker's minimum is 6 s). After a broker restart the
   * group waits this long for members that are gone, so it bounds the delay before consumption resumes.
   */
  sessionTimeoutMs?: number;
  logger: Logger;
}

export interface IdempotentConsumer {
  /** Resolves once the consumer has subscribed and is running (it keeps retrying while Kafka is down). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startIdempotentConsumer<Em extends SqlEntityManager>({
  orm,
  kafka,
  groupId,
  topics,
  handle,
  maxAttempts = 5,
  retryDelayMs = 200,
  maxRetryDelayMs = 5000,
  sessionTimeoutMs = 10_000,
  logger,
}: IdempotentConsumerOptions<Em>): IdempotentConsumer {
  const log = logger.child({ component: 'idempotent-consumer', groupId });
  const stopSignal = createWakeSignal();
  let stopping = false;
  let consumer: Consumer | undefined;
  let deadLetterProducer: Producer | undefined;

  /** Returns false when this group had already processed the event. */
  async function processOnce(event: IncomingEvent): Promise<boolean> {
    return orm.em.fork().transactional(async (em) => {
      const inserted = await em.execute<QueryResult>(
        'insert into processed_event (consumer_group, event_id, processed_at) values (?, ?, now()) on conflict do nothing',
        [groupId, event.id],
        'run',
      );
      if (inserted.affectedRows === 0) return false;
      await handle(em, event);
      return true;
    });
  }

  async function deadLetter({ topic, partition, message }: EachMessagePayload, error: unknown): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      [DLQ_HEADERS.errorMessage]: error instanceof Error ? error.message : String(error),
      [DLQ_HEADERS.errorClass]: error instanceof Error ? error.name : typeof error,
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: String(partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    };
    if (!deadLetterProducer) throw new Error('dead-letter producer is not connected');
    // If this send fails, the error propagates and kafkajs redelivers the message: nothing is lost.
    await deadLetterProducer.send({
      topic: deadLetterTopicOf(topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }

  async function eachMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message, heartbeat } = payload;
    const where = { topic, partition, offset: message.offset };
    let event: IncomingEvent;
    try {
      event = readIncomingEvent({ topic, key: message.key, value: message.value, headers: message.headers });
    } catch (error) {
      log.error({ ...where, err: error }, 'unreadable event; sent to the dead-letter topic');
      await deadLetter(payload, error);
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        const processed = await processOnce(event);
        log.debug({ ...where, eventId: event.id, type: event.type, processed }, processed ? 'event processed' : 'duplicate event skipped');
        return;
      } catch (error) {
        if (attempt >= maxAttempts || stopping) {
          if (stopping && attempt < maxAttempts) throw error; // redelivered after restart, not dead-lettered
          log.error({ ...where, eventId: event.id, type: event.type, attempt, err: error }, 'event failed; sent to the dead-letter topic');
          await deadLetter(payload, error);
          return;
        }
        const delayMs = backoffDelay(attempt, retryDelayMs, maxRetryDelayMs);
        log.warn({ ...where, eventId: event.id, type: event.type, attempt, delayMs, err: error }, 'event failed; retrying');
        await stopSignal.sleep(delayMs);
        await heartbeat();
      }
    }
  }

  async function start(): Promise<void> {
    for (let failures = 1; !stopping; failures += 1) {
      try {
        await ensureTopics(kafka, topics);
        deadLetterProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
        await deadLetterProducer.connect();
        const started = kafka.consumer({ groupId, sessionTimeout: sessionTimeoutMs, heartbeatInterval: Math.floor(sessionTimeoutMs / 5) });
        consumer = started;
        // kafkajs restarts itself after retriable errors; after any other crash it stays down, so start over.
        started.on(started.events.CRASH, ({ payload }) => {
          if (payload.restart || stopping || consumer !== started) return;
          log.error({ err: payload.error }, 'consumer crashed; starting it again');
          void shutDown().then(() => {
            if (!stopping) ready = start();
          });
        });
        await started.connect();
        // A new group reads from the beginning so events published before its first start are not missed.
        await consumer.subscribe({ topics: [...topics], fromBeginning: true });
        await consumer.run({ eachMessage });
        log.info({ topics }, 'consumer running');
        return;
      } catch (error) {
        const delayMs = backoffDelay(failures, 500, 10_000);
        log.warn({ err: error, delayMs }, 'consumer could not start; retrying');
        await shutDown();
        await stopSignal.sleep(delayMs);
      }
    }
  }

  async function shutDown(): Promise<void> {
    const [oldConsumer, oldProducer] = [consumer, deadLetterProducer];
    consumer = undefined;
    deadLetterProducer = undefined;
    await oldConsumer?.disconnect().catch(() => undefined);
    await oldProducer?.disconnect().catch(() => undefined);
  }

  let ready = start();

  return {
    get ready() {
      return ready;
    },
    async stop() {
      stopping = true;
      stopSignal.wake();
      await ready.catch(() => undefined);
      // kafkajs finishes the message in hand and commits its offset before disconnecting.
      await shutDown();
      log.info('consumer stopped');
    },
  };
}

