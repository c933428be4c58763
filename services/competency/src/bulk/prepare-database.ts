import { createOrm, ensureDatabase } from '@kinerja/kit/db';
import { outboxEntities } from '@kinerja/kit/events';
import type { Logger } from 'pino';
import { migrations } from '../migrations/index.ts';

/** Creates competency's database if missing and brings it to the schema of competency's own migrations. */
export async function prepareCompetencyDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  await ensureDatabase(databaseUrl);
  const orm = await createOrm({ databaseUrl, entities: [...outboxEntities], migrations, logger });
  await orm.close(true);
}
