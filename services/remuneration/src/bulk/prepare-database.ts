import { createOrm, ensureDatabase, type Orm } from '@kinerja/kit/db';
import type { Logger } from 'pino';
import { entities } from '../entities/index.ts';
import { migrations } from '../migrations/index.ts';

/** Creates remuneration's database if missing and brings it to the schema of remuneration's own migrations. */
export async function prepareRemunerationDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  const orm = await openRemunerationOrm(databaseUrl, logger);
  await orm.close(true);
}

/** The service's own ORM on its database (migrated), for running its compute command in-process. */
export async function openRemunerationOrm(databaseUrl: string, logger: Logger): Promise<Orm> {
  await ensureDatabase(databaseUrl);
  return createOrm({ databaseUrl, entities, migrations, logger });
}
