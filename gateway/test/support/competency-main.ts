// services/competency/src/main.ts for end-to-end suites, wired from the same parts, with one difference:
// the personnel.employee.v1 consumer joins the group named by COMPETENCY_EMPLOYEE_GROUP. With main.ts's
// fixed group, a competency already running on the shared broker (npm start) would share the topic's
// partition with the suite's process, which might then never see the suite's events.
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { z } from 'zod';
import { startCompetencySubgraph } from '../../../services/competency/src/app.ts';
import { entities } from '../../../services/competency/src/entities/index.ts';
import { startEmployeeChangedConsumer } from '../../../services/competency/src/events/employee-changed-consumer.ts';
import { migrations } from '../../../services/competency/src/migrations/index.ts';

const config = loadServiceConfig('competency', process.env, { COMPETENCY_EMPLOYEE_GROUP: z.string().min(1) });
const logger = createLogger(config);

await ensureDatabase(config.databaseUrl);
const orm = await createOrm({ databaseUrl: config.databaseUrl, entities, migrations, logger });
const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: config.serviceName, logger });
const relay = startOutboxRelay({ orm, kafka, logger });
const consumer = startEmployeeChangedConsumer({
  orm,
  kafka,
  logger,
  groupId: config.extra.COMPETENCY_EMPLOYEE_GROUP,
});

await startCompetencySubgraph({
  config,
  orm,
  kafka,
  logger,
  onStop: async () => {
    await consumer.stop();
    await relay.stop();
    await orm.close();
  },
});
