// Publishes committed outbox rows to Kafka in insertion order and marks them published.
// Delivery is at least once: if the process dies between Kafka's ack and the commit, the rows are sent
// again on restart, and consumers drop the duplicate by event id.
import type { Kafka, Message, Producer } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, OCCURRED_AT_HEADER, SCHEMA_VERSION_HEADER } from './headers.ts';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-tables.ts';
import { ensureTopics } from './topics.ts';
import { backoffDelay, createWakeSignal } from './wake-signal.ts';

export interface OutboxRelayOptions {
  orm: { em: SqlEntityManager };
  kafka: Kafka;
  logger: Logger;
  /** Poll even without a NOTIFY (another process's insert when LISTEN is down, a missed wake-up). */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Backoff after a failed publish or database error starts here and doubles up to the cap. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface OutboxRelay {
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  schema_version: number;
  payload: Buffer;
  headers: Record<string, string> | string;
  occurred_at: string;
}

// The minimal `pg` client surface LISTEN needs (the pool comes from MikroORM's PostgreSQL connection).
interface ListenClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  release(destroy?: boolean | Error): void;
}

// One relay publishes a database's outbox at a time (a transaction-scoped advisory lock), so two
// replicas cannot interleave one key's events out of order.
const RELAY_LOCK_KEY = 'kinerja.outbox_relay';

export function startOutboxRelay({
  orm,
  kafka,
  logger,
  pollIntervalMs = 2000,
  batchSize = 100,
  initialBackoffMs = 250,
  maxBackoffMs = 10_000,
}: OutboxRelayOptions): OutboxRelay {
  const log = logger.child({ component: 'outbox-relay' });
  const wakeSignal = createWakeSignal();
  // Backoff sleeps are cut short only by stop(): new commits during an outage must not bypass the backoff.
  const stopSignal = createWakeSignal();
  const knownTopics = new Set<string>();
  let stopping = false;
  let producer: Producer | undefined;
  let listenClient: ListenClient | undefined;

  async function listenForCommits(): Promise<void> {
    if (listenClient) return;
    const connection = orm.em.getConnection() as unknown as { getNativeClient?: () => Promise<{ connect(): Promise<ListenClient> }> };
    if (!connection.getNativeClient) return;
    const client = await (await connection.getNativeClient()).connect();
    client.on('notification', () => wakeSignal.wake());
    client.on('error', (error) => {
      log.warn({ err: error }, 'LISTEN connection lost; polling until it is back');
      if (listenClient === client) listenClient = undefined;
      client.removeAllListeners();
      client.release(error);
    });
    await client.query(`listen "${OUTBOX_NOTIFY_CHANNEL}"`);
    listenClient = client;
  }

  async function connectedProducer(): Promise<Producer> {
    if (producer) return producer;
    const created = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded so a Kafka outage returns control to our backoff loop (which retries forever) instead of
      // holding the outbox transaction open; duplicates that a retry may cause are dropped by consumers.
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2000 },
    });
    await created.connect();
    producer = created;
    return created;
  }

  async function dropProducer(): Promise<void> {
    const stale = producer;
    producer = undefined;
    await stale?.disconnect().catch(() => undefined);
  }

  /**
   * Publishes one batch in one transaction: lock the rows, send, mark them published. A failed send
   * still commits (the attempt count and error), and reports the failure to the caller's backoff.
   */
  async function publishBatch(): Promise<{ published: number; publishError?: unknown }> {
    return orm.em.fork().transactional(async (em) => {
      const [lock] = await em.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [RELAY_LOCK_KEY]);
      if (!lock?.locked) return { published: 0 };
      const rows = await em.execute<OutboxRow[]>(
        `select id, topic, key, type, schema_version, payload, headers, to_json(occurred_at) #>> '{}' as occurred_at
           from outbox_event where published_at is null
          order by seq limit ? for update skip locked`,
        [batchSize],
      );
      if (rows.length === 0) return { published: 0 };
      const ids = rows.map((row) => row.id);
      try {
        const newTopics = [...new Set(rows.map((row) => row.topic))].filter((topic) => !knownTopics.has(topic));
        if (newTopics.length > 0) {
          await ensureTopics(kafka, newTopics);
          for (const topic of newTopics) knownTopics.add(topic);
        }
        const byTopic = new Map<string, Message[]>();
        for (const row of rows) {
          const messages = byTopic.get(row.topic) ?? [];
          messages.push(toKafkaMessage(row));
          byTopic.set(row.topic, messages);
        }
        await (await connectedProducer()).sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await em.execute('update outbox_event set attempts = attempts + 1, last_error = ? where id in (?)', [message.slice(0, 2000), ids]);
        return { published: 0, publishError: error };
      }
      await em.execute('update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null where id in (?)', [ids]);
      log.debug({ count: rows.length }, 'published outbox events');
      return { published: rows.length };
    });
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopping) {
      let failure: { reason: string; error: unknown } | undefined;
      try {
        await listenForCommits().catch((error: unknown) => log.warn({ err: error }, 'LISTEN failed; polling only'));
        const { published, publishError } = await publishBatch();
        if (publishError !== undefined) {
          failure = { reason: 'publishing to Kafka failed', error: publishError };
          // A fresh producer after an outage: kafkajs can keep stale broker metadata otherwise.
          await dropProducer();
        } else {
          failures = 0;
          if (published < batchSize && !stopping) await wakeSignal.sleep(pollIntervalMs);
        }
      } catch (error) {
        failure = { reason: 'outbox relay database error', error };
      }
      if (failure) {
        failures += 1;
        const delayMs = backoffDelay(failures, initialBackoffMs, maxBackoffMs);
        log.warn({ err: failure.error, failures, delayMs }, `${failure.reason}; retrying`);
        if (!stopping) await stopSignal.sleep(delayMs);
      }
    }
  }

  const running = run();
  log.info('outbox relay started');

  return {
    async stop() {
      stopping = true;
      wakeSignal.wake();
      stopSignal.wake();
      await running;
      const client = listenClient;
      listenClient = undefined;
      if (client) {
        client.removeAllListeners();
        await client.query(`unlisten "${OUTBOX_NOTIFY_CHANNEL}"`).catch(() => undefined);
        client.release();
      }
      await dropProducer();
      log.info('outbox relay stopped');
    },
  };
}

function toKafkaMessage(row: OutboxRow): Message {
  const extraHeaders = typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers;
  return {
    key: row.key,
    value: row.payload,
    headers: {
      ...extraHeaders,
      [EVENT_ID_HEADER]: row.id,
      [EVENT_TYPE_HEADER]: row.type,
      [SCHEMA_VERSION_HEADER]: String(row.schema_version),
      [OCCURRED_AT_HEADER]: new Date(row.occurred_at).toISOString(),
    },
  };
}
