// Two datasets in the same databases: npm start's `--seed 1` and then another seed on top (a person
// testing scale adds employees this way), first cut short and completed by running it again.
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ATASAN, DEMO_KEPALA, DEMO_PEGAWAI } from '../src/dataset.ts';
import { SEEDED_SERVICES, type SeededService } from '../src/load.ts';
import { runSeed } from '../src/seed.ts';

const logger = pino({ level: 'warn' });
const today = '2026-11-29';
const perSeed = 900;
const databases = {} as Record<SeededService, TestDatabase>;
const clients = {} as Record<SeededService, pg.Client>;

const seed = (seedName: string, onProgress?: (done: number) => void) =>
  runSeed({
    employees: perSeed,
    seed: seedName,
    provinces: ['32'],
    today,
    serverUrl: 'postgres://unused',
    services: SEEDED_SERVICES,
    databaseUrls: Object.fromEntries(SEEDED_SERVICES.map((s) => [s, databases[s].url])),
    batchSize: 200,
    logger,
    onProgress,
  });

const ids = async (service: SeededService): Promise<string[]> =>
  (await clients[service].query(`select ${service === 'personnel' ? 'id' : 'employee_id'}::text as id from employee order by 1`)).rows.map((r) => r.id as string);

/** Every table's row count in every service: a re-run that writes nothing leaves it equal. */
const snapshot = async () => {
  const counts: Record<string, number> = {};
  for (const service of SEEDED_SERVICES) {
    const tables = await clients[service].query(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname = 'public' and c.relname not like 'mikro_orm%' order by 1`,
    );
    for (const { name } of tables.rows) counts[`${service}.${name}`] = Number((await clients[service].query(`select count(*) as n from "${name}"`)).rows[0].n);
  }
  return counts;
};

beforeAll(async () => {
  for (const service of SEEDED_SERVICES) databases[service] = await createTestDatabase(`seed_two_${service}`);
  await seed('1');
  for (const service of SEEDED_SERVICES) {
    clients[service] = new pg.Client({ connectionString: databases[service].url });
    await clients[service].connect();
  }
}, 180_000);

afterAll(async () => {
  for (const service of SEEDED_SERVICES) await clients[service]?.end();
  for (const service of SEEDED_SERVICES) await databases[service]?.drop();
});

describe('a second --seed on top of the first', () => {
  it('cut short, then run again, adds the second dataset beside the first: every service holds the same employees', async () => {
    const first = await ids('personnel');
    expect(first).toHaveLength(perSeed);

    // The load stops after its first chunks were written (as a killed process or a lost connection would).
    await expect(
      seed('cap2', (done) => {
        if (done > perSeed / 2) throw new Error('dihentikan');
      }),
    ).rejects.toThrow('dihentikan');
    const cutShort = (await ids('personnel')).length;
    expect(cutShort).toBeGreaterThan(perSeed);
    expect(cutShort).toBeLessThan(2 * perSeed);

    const report = await seed('cap2');
    expect(report.employees).toBe(perSeed);
    const both = await ids('personnel');
    expect(both).toHaveLength(2 * perSeed);
    // The first dataset is untouched and every service's read model has exactly personnel's employees.
    expect(both).toEqual(expect.arrayContaining(first));
    for (const service of SEEDED_SERVICES) expect(await ids(service)).toEqual(both);
    // Supervisors stay within their own instansi (a NIP taken by the other dataset would join the two).
    const crossed = await clients.personnel.query(
      `select count(*)::int as n from employee e join employee s on s.id = e.supervisor_id where s.region_code <> e.region_code`,
    );
    expect(crossed.rows[0].n).toBe(0);
    // The demo users exist once, placed by the first dataset.
    const demo = await clients.personnel.query('select nip from employee where nip = any($1)', [[DEMO_ATASAN.nip, DEMO_PEGAWAI.nip, DEMO_KEPALA.nip]]);
    expect(demo.rows).toHaveLength(3);
  });

  it('writes nothing when either seed is run again', async () => {
    const before = await snapshot();
    await seed('cap2');
    await seed('1');
    expect(await snapshot()).toEqual(before);
  });
});
