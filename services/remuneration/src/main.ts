// Wiring only: configuration, database (migrations run on start), Kafka, outbox relay, the consumer of
// personnel.employee.v1, performance.rating.v1 and attendance.recap.v1 (read models), the executor of compute
// runs (resuming unfinished ones), subgraph server (port 4005).
import { z } from 'zod';
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { startRemunerationSubgraph } from './app.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_LANES, RunExecutor } from './commands/compute-tpp.ts';
import { entities } from './entities/index.ts';
import { INPUTS_CONSUMER_GROUP, startInputsConsumer } from './events/inputs-consumer.ts';
import { migrations } from './migrations/index.ts';
import { findRunningRunIds } from './repositories/statement-rows.ts';

// The consumer group is configurable so a second deployment (or an end-to-end suite) sharing a broker
// keeps its own read-model offsets.
const config = loadServiceConfig('remuneration', process.env, {
  REMUNERATION_INPUTS_GROUP: z.string().min(1).default(INPUTS_CONSUMER_GROUP),
  // Employees per computeTpp batch (one transaction each): larger is faster, smaller loses less on a crash.
  REMUNERATION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_BATCH_SIZE),
  // Lanes of a large run side by side, each on its own connection (a small run stays one ordered lane).
  REMUNERATION_RUN_LANES: z.coerce.number().int().min(1).max(8).default(DEFAULT_MAX_LANES),
});
const logger = createLogger(config);

await ensureDatabase(config.databaseUrl);
const orm = await createOrm({ databaseUrl: config.databaseUrl, entities, migrations, logger });
const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: config.serviceName, security: config.kafkaSecurity, logger });
const relay = startOutboxRelay({ orm, kafka, logger });
const consumer = startInputsConsumer({ orm, kafka, logger, groupId: config.extra.REMUNERATION_INPUTS_GROUP });

const runs = new RunExecutor(orm, logger, config.extra.REMUNERATION_BATCH_SIZE, config.extra.REMUNERATION_RUN_LANES);

await startRemunerationSubgraph({
  config,
  orm,
  kafka,
  logger,
  runs,
  onStop: async () => {
    await consumer.stop();
    await relay.stop();
    await orm.close();
  },
});

// Runs a crash or restart left RUNNING continue from their stored cursor.
for (const runId of await findRunningRunIds(orm.em.fork())) void runs.run(runId);
