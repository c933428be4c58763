// Wiring only: configuration, database (migrations run on start), subgraph server (port 4004) with the
// fingerprint-device endpoint, outbox relay for attendance.checkin.v1 and attendance.recap.v1, and the
// personnel.employee.v1 read-model consumer, and the job opening each office day (attendance today).
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { z } from 'zod';
import { startAttendanceSubgraph } from './app.ts';
import { startOpenDaysJob } from './commands/open-day.ts';
import { entities } from './entities/index.ts';
import { EMPLOYEE_CONSUMER_GROUP, startEmployeeChangedConsumer } from './events/employee-changed-consumer.ts';
import { migrations } from './migrations/index.ts';
import { defaultSettings } from './resolvers/context.ts';

// The consumer group is configurable so a second deployment (or an end-to-end suite) sharing a broker
// keeps its own read-model offsets.
const config = loadServiceConfig('attendance', process.env, {
  ATTENDANCE_EMPLOYEE_GROUP: z.string().min(1).default(EMPLOYEE_CONSUMER_GROUP),
  // Days after filing a pending absence request expires (DOMAIN.md: one regency rejects after 3 days).
  ATTENDANCE_ABSENCE_EXPIRY_DAYS: z.coerce.number().int().min(1).max(60).default(defaultSettings.expiryDays),
  // Day of the following month on which a month closes and its recap is published (1–28).
  ATTENDANCE_CLOSE_DAY: z.coerce.number().int().min(1).max(28).default(5),
});
const logger = createLogger(config);

await ensureDatabase(config.databaseUrl);
const orm = await createOrm({ databaseUrl: config.databaseUrl, entities, migrations, logger });
const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: config.serviceName, security: config.kafkaSecurity, logger });
const relay = startOutboxRelay({ orm, kafka, logger });
const consumer = startEmployeeChangedConsumer({ orm, kafka, logger, groupId: config.extra.ATTENDANCE_EMPLOYEE_GROUP });
const openDaysJob = startOpenDaysJob({ orm, logger, closeDay: config.extra.ATTENDANCE_CLOSE_DAY });

await startAttendanceSubgraph({
  config,
  orm,
  kafka,
  logger,
  settings: { expiryDays: config.extra.ATTENDANCE_ABSENCE_EXPIRY_DAYS },
  onStop: async () => {
    await openDaysJob.stop();
    await consumer.stop();
    await relay.stop();
    await orm.close();
  },
});
