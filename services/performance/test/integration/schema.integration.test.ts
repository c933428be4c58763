// Entities and migrations agree: MikroORM's diff of the entities against a freshly migrated database
// changes no column (service template: every table is an entity the code uses).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@kinerja/kit/server';
import { createOrm, type Orm } from '@kinerja/kit/db';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';

let db: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  db = await createTestDatabase('performance_schema');
  orm = await createOrm({ databaseUrl: db.url, entities, migrations, logger: createLogger({ serviceName: 'performance', logLevel: 'silent' }) });
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

// Indexes, foreign keys, checks and defaults live in the migrations only (entities carry plain ids and
// no index metadata), so the diff proposes dropping them; tables, columns, types and nullability must match.
const structural = /create table|drop table|add column|drop column| type |set not null|drop not null|rename/i;

it('has no table or column the entities and the migrations disagree on', async () => {
  const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
  const statements = diff.split(';').map((s) => s.trim()).filter((s) => s !== '');
  expect(statements.filter((s) => structural.test(s))).toEqual([]);
});
