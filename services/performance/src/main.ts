// Wiring only: configuration, database (migrations run on start), subgraph server (port 4003), outbox
// relay for performance.rating.v1, and the read-model consumers of personnel.employee.v1 and
// competency.assessment.v1 (the talent 9-box potential).
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { z } from 'zod';
import { startPerformanceSubgraph } from './app.ts';
import { entities } from './entities/index.ts';
import { ASSESSMENT_CONSUMER_GROUP, startAssessmentFinalisedConsumer } from './events/assessment-finalised-consumer.ts';
import { EMPLOYEE_CONSUMER_GROUP, startEmployeeChangedConsumer } from './events/employee-changed-consumer.ts';
import { migrations } from './migrations/index.ts';

// The consumer group is configurable so a second deployment (or an end-to-end suite) sharing a broker
// keeps its own read-model offsets instead of splitting the topic's partitions with another instance.
const config = loadServiceConfig('performance', process.env, {
  PERFORMANCE_EMPLOYEE_GROUP: z.string().min(1).default(EMPLOYEE_CONSUMER_GROUP),
  PERFORMANCE_ASSESSMENT_GROUP: z.string().min(1).default(ASSESSMENT_CONSUMER_GROUP),
  // Where a public feedback code's QR link points: the web app as citizens reach it.
  PUBLIC_WEB_URL: z.url().default('http://localhost:5173/'),
});
const logger = createLogger(config);

await ensureDatabase(config.databaseUrl);
const orm = await createOrm({ databaseUrl: config.databaseUrl, entities, migrations, logger });
const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: config.serviceName, security: config.kafkaSecurity, logger });
const relay = startOutboxRelay({ orm, kafka, logger });
const consumer = startEmployeeChangedConsumer({ orm, kafka, logger, groupId: config.extra.PERFORMANCE_EMPLOYEE_GROUP });
const assessments = startAssessmentFinalisedConsumer({ orm, kafka, logger, groupId: config.extra.PERFORMANCE_ASSESSMENT_GROUP });

await startPerformanceSubgraph({
  config,
  publicWebUrl: config.extra.PUBLIC_WEB_URL,
  orm,
  kafka,
  logger,
  onStop: async () => {
    await assessments.stop();
    await consumer.stop();
    await relay.stop();
    await orm.close();
  },
});
