// The SIASN import against real PostgreSQL: a SIASN-shaped file of Kabupaten Karawang's employees,
// generated from the seed's dataset, imported through personnel's commands into a fresh personnel
// database, gives the same records and headcounts as the seed's bulk path; a second import changes
// nothing; bad rows are refused one by one with their reason and leave nothing behind. The import's events,
// relayed to a topic of this suite, give competency the same employee read model as the seed's loader.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Orm } from '@kinerja/kit/db';
import { createKafka, startOutboxRelay } from '@kinerja/kit/events';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { startCompetencyReadModel } from '@kinerja/competency/testing/read-model';
import { openPersonnelOrm } from '@kinerja/personnel/bulk';
import { runSeed } from '@kinerja/seed/seed';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSiasn } from '@kinerja/personnel/repositories/siasn-diff';
import { readSiasnFiles, writeSiasnWorkbook, type SiasnTables } from '../../src/files/siasn-files.ts';
import { generateSiasnExports, type GeneratedInstansi } from '../../src/generate.ts';
import { importSiasn } from '@kinerja/personnel/commands/siasn-import';

const logger = pino({ level: 'warn' });
const REGION = '32.15';
const datasetOptions = { employees: 4000, seed: 'siasn-test', provinces: ['32'] };

const databases: TestDatabase[] = [];
const orms: Orm[] = [];
const clients: pg.Client[] = [];
let folder: string;
let seedDb: pg.Client;
let seedCompetencyDb: pg.Client;
let generated: GeneratedInstansi;
let tables: SiasnTables;

async function freshPersonnel(prefix: string): Promise<{ orm: Orm; db: pg.Client }> {
  const database = await createTestDatabase(prefix);
  databases.push(database);
  const orm = await openPersonnelOrm(database.url, logger);
  orms.push(orm);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  clients.push(db);
  return { orm, db };
}

const count = async (db: pg.Client, sql: string, values: unknown[] = []) => Number((await db.query(sql, values)).rows[0].n);

// Everything that makes a personnel record, by natural keys (ids differ between the two paths).
// tmt_cpns only for PNS: the seed's bulk path stores a PPPK's contract start there, the API leaves it null.
const records = async (db: pg.Client) =>
  (
    await db.query(
      `with recursive unit_path(id, path) as (
         select id, name from org_unit where parent_id is null
         union all select u.id, p.path || ' / ' || u.name from org_unit u join unit_path p on u.parent_id = p.id)
       select e.nip, e.name, e.gender, e.birth_date::text, e.employment_type, e.golongan, e.status, e.region_code,
              case when e.employment_type = 'PNS' then e.tmt_cpns::text end as tmt_cpns,
              p.title, p.jenis_jabatan, p.kelas_jabatan, up.path as unit, s.nip as supervisor_nip
       from employee e join position p on p.id = e.position_id join unit_path up on up.id = e.unit_id
       left join employee s on s.id = e.supervisor_id
       where e.region_code = $1 order by e.nip`,
      [REGION],
    )
  ).rows;

const unitHeadcounts = async (db: pg.Client) =>
  (
    await db.query(
      `with recursive unit_path(id, path) as (
         select id, name from org_unit where parent_id is null and region_code = $1
         union all select u.id, p.path || ' / ' || u.name from org_unit u join unit_path p on u.parent_id = p.id)
       select up.path, h.active_employees from unit_headcount h join unit_path up on up.id = h.unit_id order by up.path`,
      [REGION],
    )
  ).rows;

// Competency's employee read model by natural keys: its ids are personnel's, which differ between the paths.
const competencyEmployees = async (competency: pg.Client, personnel: pg.Client) => {
  const names = async (sql: string) => new Map((await personnel.query<{ id: string; name: string }>(sql)).rows.map((r) => [r.id, r.name]));
  const [people, units, positions] = await Promise.all([names('select id, nip as name from employee'), names('select id, name from org_unit'), names('select id, title as name from position')]);
  const { rows } = await competency.query<{ nip: string; region_code: string; unit_id: string; instansi_id: string; jenis_jabatan: string; position_id: string; supervisor_id: string | null; unit_path: string[]; status: string }>(
    'select nip, region_code, unit_id, instansi_id, jenis_jabatan, position_id, supervisor_id, unit_path, status from employee where region_code = $1 order by nip',
    [REGION],
  );
  return rows.map((r) => ({
    nip: r.nip,
    region: r.region_code,
    unit: units.get(r.unit_id),
    instansi: units.get(r.instansi_id),
    jenis: r.jenis_jabatan,
    position: positions.get(r.position_id),
    supervisor: r.supervisor_id === null ? null : people.get(r.supervisor_id),
    path: r.unit_path.map((id) => units.get(id)).join(' / '),
    status: r.status,
  }));
};

const employeeEvents = (db: pg.Client) => count(db, "select count(*) as n from outbox_event where topic = 'personnel.employee.v1'");

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'siasn-test-'));
  const seedDatabase = await createTestDatabase('siasn_seed');
  const seedCompetency = await createTestDatabase('siasn_seed_competency');
  databases.push(seedDatabase, seedCompetency);
  await runSeed({
    ...datasetOptions,
    serverUrl: 'postgres://unused',
    services: ['personnel', 'competency'],
    databaseUrls: { personnel: seedDatabase.url, competency: seedCompetency.url },
    logger,
  });
  seedDb = new pg.Client({ connectionString: seedDatabase.url });
  seedCompetencyDb = new pg.Client({ connectionString: seedCompetency.url });
  await Promise.all([seedDb.connect(), seedCompetencyDb.connect()]);
  clients.push(seedDb, seedCompetencyDb);
  [generated] = [...generateSiasnExports({ ...datasetOptions, regions: [REGION] })] as [GeneratedInstansi];
  const file = join(folder, 'karawang.xlsx');
  await writeSiasnWorkbook(file, generated);
  tables = await readSiasnFiles([file]);
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await Promise.all(orms.map((orm) => orm.close(true)));
  await Promise.all(databases.map((database) => database.drop()));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('importing a SIASN export of a regency', () => {
  let orm: Orm;
  let db: pg.Client;
  let changed: SiasnTables;
  let promotedNip: string;
  let retiredNip: string;
  beforeAll(async () => {
    ({ orm, db } = await freshPersonnel('siasn_import'));
  });

  it('reads both sheets of the generated workbook', () => {
    expect(tables.employees).toHaveLength(generated.employees.length);
    expect(tables.units).toHaveLength(generated.units.length);
    expect(generated.employees.length).toBeGreaterThan(50);
  });

  it('creates every unit and employee, with the same records and headcounts as the seed path', async () => {
    const result = await importSiasn({ orm, tables, regionCode: REGION });
    expect(result.rows.filter((row) => row.outcome === 'refused')).toEqual([]);
    expect(result.counts).toEqual({ created: generated.employees.length + generated.units.length, updated: 0, unchanged: 0, refused: 0 });
    const imported = await records(db);
    expect(imported).toHaveLength(generated.employees.length);
    expect(imported).toEqual(await records(seedDb));
    expect(await unitHeadcounts(db)).toEqual(await unitHeadcounts(seedDb));
    const regionHeadcount = 'select coalesce(sum(active_employees), 0) as n from region_headcount where region_code = $1';
    for (const code of ['ID', '32', REGION]) expect(await count(db, regionHeadcount, [code])).toBe(await count(seedDb, regionHeadcount, [REGION]));
    // One EmployeeHired event per employee, in the same transactions (the outbox), and every employee keeps SIASN's id.
    expect(await employeeEvents(db)).toBe(generated.employees.length);
    expect(await count(db, "select count(*) as n from outbox_event where type <> 'EmployeeHired'")).toBe(0);
    expect(await count(db, 'select count(*) as n from employee where siasn_id is null')).toBe(0);
    expect(await count(db, 'select count(*) as n from org_unit where siasn_id is null')).toBe(0);
  });

  it('gives competency the same employee read model as the seed path, from the import\'s events on Kafka', async () => {
    // The relay publishes to the outbox rows' topic: point them at this suite's topic (nobody else reads
    // it), relay, and put the topic back for the checks below.
    const topic = `personnel.employee.v1.test-siasn-${randomUUID().slice(0, 8)}`;
    const brokers = (process.env['KAFKA_BROKERS'] ?? 'localhost:9092').split(',');
    const competencyDatabase = await createTestDatabase('siasn_competency');
    databases.push(competencyDatabase);
    const readModel = await startCompetencyReadModel({ databaseUrl: competencyDatabase.url, brokers, topic, groupId: `siasn-test-${randomUUID().slice(0, 8)}`, logger });
    const competencyDb = new pg.Client({ connectionString: competencyDatabase.url });
    await competencyDb.connect();
    clients.push(competencyDb);
    const events = await employeeEvents(db);
    await db.query("update outbox_event set topic = $1 where topic = 'personnel.employee.v1'", [topic]);
    const relay = startOutboxRelay({ orm, kafka: createKafka({ brokers, clientId: 'siasn-test-relay', logger }), logger });
    try {
      const deadline = Date.now() + 120_000;
      while ((await count(competencyDb, 'select count(*) as n from processed_event')) < events) {
        if (Date.now() > deadline) throw new Error('competency did not process the import\'s events');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await relay.stop();
      await readModel.stop();
      await db.query("update outbox_event set topic = 'personnel.employee.v1' where topic = $1", [topic]);
    }
    const imported = await competencyEmployees(competencyDb, db);
    expect(imported).toHaveLength(generated.employees.length);
    // The seed's competency loader leaves unit_path empty, where the events carry the chain from the
    // instansi down (a difference of the seed path, reported, not of the import): compared apart.
    const withoutPath = (rows: Awaited<ReturnType<typeof competencyEmployees>>) => rows.map(({ path: _path, ...rest }) => rest);
    expect(withoutPath(imported)).toEqual(withoutPath(await competencyEmployees(seedCompetencyDb, seedDb)));
    for (const row of imported) expect(row.unit === row.instansi ? row.path === row.instansi : row.path.startsWith(`${row.instansi} / `) && row.path.endsWith(` / ${row.unit}`)).toBe(true);
  });

  it('a second import of the same file reports every row unchanged and sends no event', async () => {
    const before = { events: await employeeEvents(db), records: await records(db) };
    const result = await importSiasn({ orm, tables, regionCode: REGION });
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: generated.employees.length + generated.units.length, refused: 0 });
    expect(await employeeEvents(db)).toBe(before.events);
    expect(await records(db)).toEqual(before.records);
  });

  it('the differences report is empty for the same file and names each disagreement of a changed one', async () => {
    expect(await diffSiasn(orm, tables)).toEqual([]);
    const leaves = leafRows(tables);
    const [promoted, retired, missing] = leaves as [SiasnRowWithNumber, SiasnRowWithNumber, SiasnRowWithNumber];
    const otherGolongan = promoted.values['golRuangAkhir'] === 'III/a' ? 'III/b' : 'III/a';
    changed = {
      units: tables.units,
      employees: tables.employees
        .filter((row) => row !== missing)
        .map((row) => {
          if (row === promoted) return { ...row, values: { ...row.values, golRuangAkhir: otherGolongan } };
          if (row === retired) return { ...row, values: { ...row.values, kedudukanPnsNama: 'Pensiun' } };
          return row;
        }),
    };
    promotedNip = promoted.values['nipBaru'] as string;
    retiredNip = retired.values['nipBaru'] as string;
    const differences = await diffSiasn(orm, changed);
    expect(differences.map((d) => [d.nip, d.field, d.siasn]).sort()).toEqual(
      [
        [promoted.values['nipBaru'], 'golongan', otherGolongan],
        [retired.values['nipBaru'], 'status', 'Pensiun'],
        [missing.values['nipBaru'], 'person', '(tidak ada di berkas SIASN)'],
      ].sort(),
    );
  });

  it('importing the changed file updates the promoted employee with one event and refuses the retirement', async () => {
    const events = await employeeEvents(db);
    const result = await importSiasn({ orm, tables: changed });
    expect(result.counts).toEqual({ created: 0, updated: 1, unchanged: generated.employees.length - 3 + generated.units.length, refused: 1 });
    expect(result.rows.find((row) => row.outcome === 'updated')).toMatchObject({ nip: promotedNip, reason: 'golongan' });
    expect(result.rows.find((row) => row.outcome === 'refused')).toMatchObject({ nip: retiredNip, reason: 'status_differs' });
    expect(await employeeEvents(db)).toBe(events + 1);
    const event = await db.query("select type, key from outbox_event order by created_at desc limit 1");
    expect(event.rows[0].type).toBe('EmployeePositionChanged');
    expect(await count(db, 'select count(*) as n from employee where nip = $1 and golongan = $2', [promotedNip, changed.employees.find((row) => row.values['nipBaru'] === promotedNip)?.values['golRuangAkhir']])).toBe(1);
    expect(await count(db, "select count(*) as n from employee where nip = $1 and status = 'ACTIVE'", [retiredNip])).toBe(1);
  });
});

type SiasnRowWithNumber = SiasnTables['employees'][number];

/** PNS employees who lead no unit: refusing or changing them touches nobody else's supervisor. */
function leafRows(source: SiasnTables): SiasnRowWithNumber[] {
  const leaders = new Set(source.units.map((unit) => unit.values['PemimpinPnsId']));
  return source.employees.filter((row) => !leaders.has(row.values['id']) && row.values['golRuangAkhir']?.includes('/'));
}

describe('a file with bad rows', () => {
  it('imports the good rows, refuses each bad one with its reason, and writes nothing for them', async () => {
    const { orm, db } = await freshPersonnel('siasn_bad_rows');
    const [badNip, unknownUnit, badGolongan, badBirthDate, duplicateNip] = leafRows(tables) as SiasnRowWithNumber[];
    const bad = new Map<SiasnRowWithNumber | undefined, Record<string, string>>([
      [badNip, { nipBaru: '12345' }],
      [unknownUnit, { unorId: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', jabatanNama: 'Jabatan Yang Tidak Boleh Tercipta Ahli Muda', jenisJabatanId: '2' }],
      [badGolongan, { golRuangAkhir: 'V/a' }],
      [badBirthDate, { nipBaru: `1990023${(badBirthDate?.values['nipBaru'] ?? '').slice(7)}` }],
    ]);
    const employees = tables.employees.map((row) => (bad.has(row) ? { ...row, values: { ...row.values, ...bad.get(row) } } : row));
    // A second person (another SIASN id) under a NIP that is already someone's, with a new jabatan.
    employees.push({
      row: 9999,
      values: { ...(duplicateNip as SiasnRowWithNumber).values, id: 'D'.repeat(32), jabatanNama: 'Jabatan Duplikat Ahli Muda', jenisJabatanId: '2', eselonId: '' },
    });
    const badTables = { units: tables.units, employees };

    // A dry run reports what would happen and keeps nothing.
    const dryRun = await importSiasn({ orm, tables: badTables, regionCode: REGION, dryRun: true });
    expect(dryRun.counts.refused).toBe(5);
    expect(dryRun.counts.created).toBe(generated.employees.length - 4 + generated.units.length);
    expect(await count(db, 'select count(*) as n from employee')).toBe(0);
    expect(await count(db, 'select count(*) as n from org_unit')).toBe(0);
    expect(await count(db, 'select count(*) as n from outbox_event')).toBe(0);

    const result = await importSiasn({ orm, tables: badTables, regionCode: REGION });
    const refused = result.rows.filter((row) => row.outcome === 'refused').map((row) => [row.row, row.reason]);
    expect(refused.sort()).toEqual(
      [
        [badNip?.row, 'invalid_nip'],
        [unknownUnit?.row, 'unit_not_found'],
        [badGolongan?.row, 'invalid_golongan'],
        [badBirthDate?.row, 'nip_birth_date_invalid'],
        [9999, 'nip_taken'],
      ].sort(),
    );
    expect(result.rows.filter((row) => row.outcome === 'refused').every((row) => row.message.length > 0)).toBe(true);
    const good = generated.employees.length - 4;
    expect(result.counts).toEqual({ created: good + generated.units.length, updated: 0, unchanged: 0, refused: 5 });
    expect(await count(db, 'select count(*) as n from employee')).toBe(good);
    expect(await employeeEvents(db)).toBe(good);
    expect(await count(db, "select count(*) as n from position where title in ('Jabatan Duplikat Ahli Muda', 'Jabatan Yang Tidak Boleh Tercipta Ahli Muda')")).toBe(0);
    const badNips = [badNip, unknownUnit, badGolongan].map((row) => row?.values['nipBaru']);
    expect(await count(db, 'select count(*) as n from employee where nip = any($1)', [badNips])).toBe(0);
    expect(await count(db, 'select count(*) as n from employee where siasn_id = $1', ['D'.repeat(32)])).toBe(0);
    // Headcounts equal a recount: no trigger ran for a refused row.
    expect(await count(db, "select active_employees as n from region_headcount where region_code = '32.15'")).toBe(good);
  });
});

describe('a batch whose single flush fails', () => {
  it('is run again row by row, each row in a savepoint: the row that cannot be written is refused, the others imported', async () => {
    const { orm, db } = await freshPersonnel('siasn_flush_fails');
    // Stands in for another admin hiring the NIP between the batch's lookups and its flush: the insert
    // meets the unique violation the NIP index would raise.
    const [taken] = leafRows(tables) as [SiasnRowWithNumber];
    const takenNip = taken.values['nipBaru'] as string;
    await db.query(`create function test_nip_taken() returns trigger language plpgsql as $$
      begin
        if new.nip = '${takenNip}' then
          raise exception 'duplicate key value violates unique constraint "employee_nip_key"' using errcode = 'unique_violation';
        end if;
        return new;
      end $$`);
    await db.query('create trigger test_nip_taken before insert on employee for each row execute function test_nip_taken()');
    const progress: [number, number][] = [];
    const result = await importSiasn({ orm, tables, regionCode: REGION, batchRows: 40, onProgress: (done, total) => progress.push([done, total]) });

    expect(result.rows.filter((row) => row.outcome === 'refused').map((row) => [row.row, row.reason])).toEqual([[taken.row, 'nip_taken']]);
    const good = generated.employees.length - 1;
    expect(result.counts).toEqual({ created: good + generated.units.length, updated: 0, unchanged: 0, refused: 1 });
    expect(await count(db, 'select count(*) as n from employee')).toBe(good);
    expect(await count(db, 'select count(*) as n from employee where nip = $1', [takenNip])).toBe(0);
    expect(await employeeEvents(db)).toBe(good);
    expect(await count(db, "select active_employees as n from region_headcount where region_code = '32.15'")).toBe(good);
    // Progress counts every row once, in order, against a total that does not move.
    const rows = generated.employees.length + generated.units.length;
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: rows }, (_x, i) => i + 1));
    expect(new Set(progress.map(([, total]) => total))).toEqual(new Set([rows]));
  });
});

describe('a new unit leader in SIASN', () => {
  it('puts the old leader and the unit\'s people under the new one, each chain checked against what the batch wrote before', async () => {
    const { orm, db } = await freshPersonnel('siasn_new_leader');
    expect((await importSiasn({ orm, tables, regionCode: REGION })).counts.refused).toBe(0);
    const leaders = new Set(tables.units.map((unit) => unit.values['PemimpinPnsId']));
    // A unit whose leader leads no other unit (the top official also leads the instansi root: giving their
    // unit another leader would loop) and has at least two members who lead nothing themselves.
    const unit = tables.units.find((candidate) => {
      const leader = candidate.values['PemimpinPnsId'];
      const members = tables.employees.filter((row) => row.values['unorId'] === candidate.values['Id'] && !leaders.has(row.values['id']));
      return leader && tables.units.filter((other) => other.values['PemimpinPnsId'] === leader).length === 1 && members.length >= 2;
    }) as SiasnTables['units'][number];
    const oldLeader = unit.values['PemimpinPnsId'] as string;
    const members = tables.employees.filter((row) => row.values['unorId'] === unit.values['Id'] && row.values['id'] !== oldLeader);
    const newLeader = members[0]?.values['id'] as string;
    const changed = { employees: tables.employees, units: tables.units.map((row) => (row === unit ? { ...row, values: { ...row.values, PemimpinPnsId: newLeader } } : row)) };
    const events = await employeeEvents(db);
    const siasnIds = async (sql: string, values: unknown[]) => (await db.query<{ siasn_id: string }>(sql, values)).rows.map((row) => row.siasn_id).sort();
    // Everyone the old leader led: the unit's members and the leaders of the units below.
    const ledBefore = await siasnIds('select e.siasn_id from employee e join employee s on s.id = e.supervisor_id where s.siasn_id = $1', [oldLeader]);
    const [aboveOldLeader] = await siasnIds('select s.siasn_id from employee e join employee s on s.id = e.supervisor_id where e.siasn_id = $1', [oldLeader]);

    // The new leader is written first (parents first); the old leader's move under them is checked
    // against the chain with that write in it, or it would look like a loop through the old leader.
    const result = await importSiasn({ orm, tables: changed });
    expect(result.rows.filter((row) => row.outcome === 'refused')).toEqual([]);
    expect(result.rows.filter((row) => row.outcome === 'updated').map((row) => [row.siasnId, row.reason]).sort()).toEqual(
      [oldLeader, ...ledBefore].map((id) => [id, 'supervisor']).sort(),
    );
    expect(await employeeEvents(db)).toBe(events + ledBefore.length + 1);
    const supervisorOf = async (siasnId: string) =>
      (await db.query('select s.siasn_id from employee e join employee s on s.id = e.supervisor_id where e.siasn_id = $1', [siasnId])).rows[0]?.siasn_id;
    expect(await supervisorOf(oldLeader)).toBe(newLeader);
    expect(await supervisorOf(newLeader)).toBe(aboveOldLeader);
    expect(await siasnIds('select e.siasn_id from employee e join employee s on s.id = e.supervisor_id where s.siasn_id = $1', [newLeader])).toEqual(
      [oldLeader, ...ledBefore.filter((id) => id !== newLeader)].sort(),
    );
  });
});
