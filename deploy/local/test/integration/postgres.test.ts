import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { databaseUrlFor, ensureDatabase } from '../../src/postgres.ts';

describe('PostgreSQL', () => {
  it('creates a service database on the server once, and connects to it through its own URL', async () => {
    const serverUrl = inject('kinerjaInfra').databaseUrl;
    const database = `kinerja_infra_test_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(serverUrl, database);
    await ensureDatabase(serverUrl, database);
    const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, database) });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select current_database() as name');
      expect(rows[0]?.name).toBe(database);
    } finally {
      await client.end();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists "${database}"`);
      await admin.end();
    }
  });

  it('refuses database names that would need quoting', async () => {
    await expect(ensureDatabase(inject('kinerjaInfra').databaseUrl, 'kinerja"; drop')).rejects.toThrow('is not a safe database name');
  });
});
