// Entities and migrations agree (docs/service-template.md): on a freshly migrated database, MikroORM's
// schema diff from the entities is empty, so no table lacks an entity and no entity lacks its table; and
// statements with driver bind parameters (queryBound) belong to the transaction they are given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryBound, type Em } from '../../src/repositories/sql.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('attendance_schema');
});

afterAll(async () => {
  await harness?.stop();
});

describe('entities and migrations', () => {
  it('describe the same schema', async () => {
    expect(await harness.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });
});

describe('statements with bound parameters (the capture path)', () => {
  it('run in the caller’s transaction: a rollback undoes them', async () => {
    const em = harness.orm.em.fork() as unknown as Em;
    const failed = em.transactional(async (tx) => {
      await queryBound(tx, 'insert into ramadan_period (from_date, to_date) select * from unnest($1::date[], $2::date[])', [['2031-01-01'], ['2031-01-02']]);
      expect(await queryBound(tx, 'select count(*)::int as n from ramadan_period', [])).toEqual([{ n: 1 }]);
      throw new Error('rolled back on purpose');
    });
    await expect(failed).rejects.toThrow('rolled back on purpose');
    expect(await harness.sql('select count(*)::int as n from ramadan_period')).toEqual([{ n: 0 }]);
  });
});
