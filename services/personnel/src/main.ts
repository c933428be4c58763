// Wiring only: configuration, database (migrations run on start), subgraph server, outbox relay.
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { startPersonnelSubgraph } from './app.ts';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';

const config = loadServiceConfig('personnel');
const logger = createLogger(config);

await ensureDatabase(config.databaseUrl);
const orm = await createOrm({ databaseUrl: config.databaseUrl, entities, migrations, logger });
const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: config.serviceName, logger });
const relay = startOutboxRelay({ orm, kafka, logger });

await startPersonnelSubgraph({
  config,
  orm,
  kafka,
  logger,
  onStop: async () => {
    await relay.stop();
    await orm.close();
  },
});
