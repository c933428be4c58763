// Entities and migrations agree (docs/service-template.md): MikroORM's schema comparator finds nothing to
// change between the entities and a freshly migrated database (tables, columns, types, defaults, keys,
// foreign keys, indexes, checks). The headcount triggers and functions are hand-written in
// Migration0003HeadcountSummary and left out of the comparison (kit createOrm: ignoreTriggers/ignoreRoutines).
import { createOrm } from '@kinerja/kit/db';
import { createLogger } from '@kinerja/kit/server';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';

describe('entities and migrations agree', () => {
  let db: TestDatabase;
  let diff: string;
  beforeAll(async () => {
    db = await createTestDatabase('personnel_schema');
    const orm = await createOrm({ databaseUrl: db.url, entities, migrations, logger: createLogger({ serviceName: 'personnel', logLevel: 'silent' }) });
    try {
      diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    } finally {
      await orm.close(true);
    }
  }, 60_000);
  afterAll(() => db?.drop());

  it('the schema diff of the entities against a freshly migrated database is empty', () => {
    expect(diff.trim()).toBe('');
  });
});
