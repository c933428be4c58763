// Wiring only: configuration, database (migrations run on start), subgraph server (port 4002), outbox
// relay for competency.assessment.v1, the personnel.employee.v1 read-model consumer, and the hourly job
// applying standards that come into force (src/commands/configuration-in-force.ts).
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { startCompetencySubgraph } from './app.ts';
import { startConfigurationInForceJob } from './commands/configuration-in-force.ts';
import { entities } from './entities/index.ts';
import { EMPLOYEE_CONSUMER_GROUP, startEmployeeChangedConsumer } from './events/employee-changed-consumer.ts';
import { migrations } from './migrations/index.ts';
import { z } from 'zod';

// The consumer group is configurable so a second deployment (or an end-to-end suite) sharing a broker
// keeps its own read-model offsets instead of splitting the topic's partitions with another instance.
const config = loadServiceConfig('competency', process.env, {
  COMPETENCY_EMPLOYEE_GROUP: z.string().min(1).default(EMPLOYEE_CONSUMER_GROUP),
});
const logger = createLogger(config);

await ensureDatabase(config.databaseUrl);
const orm = await createOrm({ databaseUrl: config.databaseUrl, entities, migrations, logger });
const kafka = createKafka({
  brokers: config.kafkaBrokers,
  clientId: config.serviceName,
  logger,
  security: config.kafkaSecurity,
});
const relay = startOutboxRelay({ orm, kafka, logger });
const consumer = startEmployeeChangedConsumer({ orm, kafka, logger, groupId: config.extra.COMPETENCY_EMPLOYEE_GROUP });
const configurationJob = startConfigurationInForceJob({ orm, logger });

await startCompetencySubgraph({
  config,
  orm,
  kafka,
  logger,
  onStop: async () => {
    await configurationJob.stop();
    await consumer.stop();
    await relay.stop();
    await orm.close();
  },
});
