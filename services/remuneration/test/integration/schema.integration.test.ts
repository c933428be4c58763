// Entities and migrations agree (docs/service-template.md): on a freshly migrated database, MikroORM's
// schema diff from the entities is empty, so no table lacks an entity and no entity lacks its table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('remuneration_schema');
});

afterAll(async () => {
  await harness?.stop();
});

describe('entities and migrations', () => {
  it('describe the same schema', async () => {
    expect(await harness.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });
});
