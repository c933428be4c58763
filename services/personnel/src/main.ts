// Wiring only: configuration, database (migrations run on start), subgraph server, outbox relay.
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createLogger } from '@kinerja/kit/server';
import { startPersonnelSubgraph } from './app.ts';
import { failInterruptedSiasnImports } from './commands/siasn-import-job.ts';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';

const config = loadServiceConfig('personnel');
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
// importSiasn jobs run inside the process; one cut off by the last stop will never finish.
const interrupted = await failInterruptedSiasnImports(orm.em.fork());
if (interrupted > 0) logger.warn({ interrupted }, 'SIASN import jobs cut off by the last stop marked FAILED');

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
