// Migration0005CompactStatements on a database that already holds statements: the lines written as
// objects before it read back field for field through the service's reads, the history keeps every
// version, and the primary key is the version's natural key (a second row for the same version is refused).
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, type Orm } from '@kinerja/kit/db';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import type { TppLine } from '../../src/domain/tpp-statement.ts';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';
import { findPayroll, findStatementHistory } from '../../src/repositories/statement-rows.ts';

const logger = pino({ level: 'silent' });
let database: TestDatabase;
let orm: Orm | undefined;

const lines: TppLine[] = [
  { kind: 'BASE', label: 'Besaran dasar TPP kelas jabatan 9', amount: 4_000_000, inGross: false, code: null, count: null, rateBp: null, days: [], source: 'aturan TPP "Perbup" \\ 2026' },
  { kind: 'DEDUCTION', label: 'Potongan TL1: 2 × 0,5% porsi disiplin', amount: -16_000, inGross: true, code: 'TL1', count: 2, rateBp: 50, days: ['2026-08-03', '2026-08-04'], source: 'rekap kehadiran 2026-08 versi 1' },
  { kind: 'TAX', label: 'PPh 21 5% (PNS golongan III)', amount: -120_000, inGross: false, code: 'PPH21', count: null, rateBp: 500, days: [], source: 'aturan TPP\tbaris\nbaru' },
];

beforeAll(async () => {
  database = await createTestDatabase('remuneration_compact');
  // The schema as it was before the migration, with two versions written in the old shape.
  const before = await createOrm({ databaseUrl: database.url, entities, migrations: migrations.filter((m) => m.name !== 'Migration0005CompactStatements'), logger });
  for (const version of [1, 2]) {
    await before.em.getConnection().execute(
      `insert into "tpp_statement" ("id", "employee_id", "month", "version", "current", "instansi_id", "region_code", "nip", "name", "rule_version", "inputs",
         "base", "gross", "deductions", "tax", "net", "lines", "cuts", "run_id", "computed_by", "computed_at", "reason")
       values (?, 'pegawai-1', '2026-08', ?, ?, 'instansi-1', '32.15', '1990', 'Siti', ?, 'x', 4000000, 2400000, 16000, 120000, 2280000, ?::json, '{}', ?, 'test', now(), 'awal')`,
      [randomUUID(), version, version === 2, randomUUID(), JSON.stringify(lines), randomUUID()],
    );
  }
  await before.close(true);
  orm = await createOrm({ databaseUrl: database.url, entities, migrations, logger });
});

afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

describe('compact statement rows', () => {
  it('keep every line of the versions written before, in order, field for field', async () => {
    const history = await findStatementHistory(orm!.em.fork(), 'pegawai-1', '2026-08');
    expect(history.map((s) => s.version)).toEqual([2, 1]);
    for (const statement of history) expect(statement.lines).toEqual(lines);
    const [stored] = await orm!.em.fork().getConnection().execute<{ lines: unknown[] }[]>(`select "lines" from "tpp_statement" where "version" = 1`);
    expect(stored!.lines[0]).toEqual(['BASE', 'Besaran dasar TPP kelas jabatan 9', 4_000_000, false, null, null, null, [], 'aturan TPP "Perbup" \\ 2026']);
    expect((await findPayroll(orm!.em.fork(), 'instansi-1', '2026-08')).map((s) => [s.version, s.lines])).toEqual([[2, lines]]);
  });

  it('refuse a second row for the same employee, month and version', async () => {
    await expect(
      orm!.em.fork().getConnection().execute(
        `insert into "tpp_statement" ("id", "employee_id", "month", "version", "current", "instansi_id", "region_code", "nip", "name", "rule_version", "inputs",
           "base", "gross", "deductions", "tax", "net", "lines", "cuts", "run_id", "computed_by", "computed_at", "reason")
         values (?, 'pegawai-1', '2026-08', 1, false, 'instansi-1', '32.15', '1990', 'Siti', ?, 'x', 0, 0, 0, 0, 0, '[]', '{}', ?, 'test', now(), 'ganda')`,
        [randomUUID(), randomUUID(), randomUUID()],
      ),
    ).rejects.toThrow(/tpp_statement_pkey/);
  });
});
