// Competency's employee read model alone: its migrations on a database of the caller's and its
// personnel.employee.v1 consumer on a topic of the caller's (so a suite on the shared broker publishes its
// events where no other consumer reads them). For tests of other workspaces that compare read models
// (tools/siasn: the SIASN import against the seed path). Exported as `@kinerja/competency/testing/read-model`.
import { createOrm, type Orm } from '@kinerja/kit/db';
import { createKafka } from '@kinerja/kit/events';
import type { Logger } from 'pino';
import { entities } from '../../src/entities/index.ts';
import { startEmployeeChangedConsumer } from '../../src/events/employee-changed-consumer.ts';
import { migrations } from '../../src/migrations/index.ts';

export interface CompetencyReadModel {
  orm: Orm;
  stop(): Promise<void>;
}

export async function startCompetencyReadModel(options: { databaseUrl: string; brokers: string[]; topic: string; groupId: string; logger: Logger }): Promise<CompetencyReadModel> {
  const orm = await createOrm({ databaseUrl: options.databaseUrl, entities, migrations, logger: options.logger });
  const kafka = createKafka({ brokers: options.brokers, clientId: options.groupId, logger: options.logger });
  const consumer = startEmployeeChangedConsumer({ orm, kafka, logger: options.logger, topic: options.topic, groupId: options.groupId });
  await consumer.ready;
  return {
    orm,
    stop: async () => {
      await consumer.stop();
      await orm.close(true);
    },
  };
}
