// Migrations and entities (docs/service-template.md): the entities describe exactly the schema the
// migrations build (MikroORM's schema comparator finds nothing to change on a freshly migrated database),
// and the rename of the pre-template migrations (Migration2025…_initial → Migration0001Schema, …) does not
// run anything twice on a database migrated before it.
import { createOrm } from '@kinerja/kit/db';
import { createLogger } from '@kinerja/kit/server';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';

const logger = createLogger({ serviceName: 'competency', logLevel: 'silent' });
const databases: TestDatabase[] = [];

async function freshDatabase(prefix: string): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  databases.push(db);
  return db;
}

afterAll(async () => {
  for (const db of databases) await db.drop();
});

describe('entities and migrations agree', () => {
  let diff: string;
  beforeAll(async () => {
    const orm = await createOrm({ databaseUrl: (await freshDatabase('competency_schema')).url, entities, migrations, logger });
    try {
      diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    } finally {
      await orm.close(true);
    }
  }, 60_000);

  it('the schema diff of the entities against a freshly migrated database is empty', () => {
    expect(diff.trim()).toBe('');
  });
});

describe('renamed migrations', () => {
  it('a database migrated under the old names is recognised, not migrated again, and gets the new migration', async () => {
    const db = await freshDatabase('competency_legacy');
    // The three migrations as a database migrated before issue 9 recorded them (same classes, old names).
    const legacy = migrations.slice(0, 3).map((entry) => ({ name: entry.renamedFrom as string, class: entry.class }));
    const before = await createOrm({ databaseUrl: db.url, entities, migrations: legacy, logger });
    const recordedBefore = await before.em.fork().execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
    const standardsBefore = await before.em.fork().execute<{ n: number }[]>('select count(*)::int as n from competency_standard');
    await before.close(true);
    expect(recordedBefore.map((row) => row.name)).toEqual(['Migration20250601000000_initial', 'Migration20261122000000_applied_at', 'Migration20261122010000_unit_path']);

    // Would fail with "relation already exists" if any of the three ran again.
    const after = await createOrm({ databaseUrl: db.url, entities, migrations, logger });
    try {
      const recorded = await after.em.fork().execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
      // The renamed three under their new names, then every later migration once.
      expect(recorded.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
      expect(await after.em.fork().execute('select count(*)::int as n from competency_standard')).toEqual(standardsBefore);
      const constraints = await after.em.fork().execute<{ conname: string }[]>("select conname from pg_constraint where conname = 'training_programme_code_key'");
      expect(constraints).toEqual([]);
      expect(await after.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await after.close(true);
    }
  }, 60_000);
});
