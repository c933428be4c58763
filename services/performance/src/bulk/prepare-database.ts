import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import type { Logger } from 'pino';
import { entities } from '../entities/index.ts';
import { migrations } from '../migrations/index.ts';

/** Creates performance's database if missing and brings it to the schema of performance's own migrations. */
export async function preparePerformanceDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  await ensureDatabase(databaseUrl);
  const orm = await createOrm({ databaseUrl, entities, migrations, logger });
  await orm.close(true);
}
