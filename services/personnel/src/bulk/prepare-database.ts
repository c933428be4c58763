import { createOrm, ensureDatabase, type Orm } from '@kinerja/kit/db';
import type { Logger } from 'pino';
import { entities } from '../entities/index.ts';
import { migrations } from '../migrations/index.ts';

/** Creates personnel's database if missing and brings it to the schema of personnel's own migrations. */
export async function preparePersonnelDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  await ensureDatabase(databaseUrl);
  const orm = await createOrm({ databaseUrl, entities, migrations, logger });
  await orm.close(true);
}

/**
 * Personnel's ORM on its database, migrated, for tools of this repository that run personnel's own
 * commands (tools/siasn): the caller closes it.
 */
export async function openPersonnelOrm(databaseUrl: string, logger: Logger): Promise<Orm> {
  await ensureDatabase(databaseUrl);
  return createOrm({ databaseUrl, entities, migrations, logger });
}
