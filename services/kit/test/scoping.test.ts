// The one region rule and the one atasan rule (issue 9), as pure functions and as SQL run on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Role, Viewer } from '../src/auth.ts';
import {
  assertViewerCovers,
  commonRegionPrefix,
  employeeAccess,
  escapeLike,
  isRegionCode,
  regionAncestors,
  regionCovers,
  regionCoversSql,
  regionSql,
  viewerCovers,
  visibleEmployeesSql,
  type EmployeeTable,
  type SqlFragment,
} from '../src/scoping.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

const viewer = (regionCode: string | null, nip: string | null, ...roles: Role[]): Viewer => ({ subject: 's', username: 'u', nip, roles: new Set(roles), regionCode });

describe('region codes (DOMAIN.md "Region codes")', () => {
  it.each([
    ['ID', true],
    ['32', true],
    ['32.15', true],
    ['32.15.01', true],
    ['', false],
    ['id', false],
    ['3', false],
    ['32.1', false],
    ['32.', false],
    [' 32', false],
    ['3%', false],
    [32, false],
    [null, false],
  ])('isRegionCode(%j) = %s', (code, expected) => {
    expect(isRegionCode(code)).toBe(expected);
  });

  it.each([
    ['ID', '32', true],
    ['ID', 'ID', true],
    ['ID', '36.01', true],
    ['32', '32', true],
    ['32', '32.15', true],
    ['32', '320', false],
    ['32', '36.01', false],
    ['32', 'ID', false],
    ['32.15', '32.15', true],
    ['32.15', '32', false],
    ['32.15', '32.16', false],
    ['32.1', '32.15', false],
  ])('scope %j covers %j: %s', (scope, code, expected) => {
    expect(regionCovers(scope, code)).toBe(expected);
  });

  it('a viewer without a region covers nothing; assertViewerCovers says FORBIDDEN region_out_of_scope', () => {
    expect(viewerCovers(viewer(null, null, 'pegawai'), '32')).toBe(false);
    expect(() => assertViewerCovers(viewer('36', null, 'analis'), '32')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'region_out_of_scope' }) }),
    );
    expect(() => assertViewerCovers(viewer('32', null, 'analis'), '32.15')).not.toThrow();
  });

  it('escapes LIKE wildcards and builds the region fragment', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
    expect(regionSql('e.region_code', '32.15')).toEqual({ sql: '(e.region_code = ? or e.region_code like ?)', params: ['32.15', '32.15.%'] });
    expect(regionSql('e.region_code', 'ID')).toEqual({ sql: 'true', params: [] });
  });
});

describe('employeeAccess (DESIGN.md "Identity and scoping")', () => {
  it.each<[string, Viewer, ReturnType<typeof employeeAccess>]>([
    ['pegawai: self', viewer('32.15', '1', 'pegawai'), { region: null, selfNip: '1', subordinatesOfNip: null }],
    ['atasan: self and chain', viewer('32.15', '1', 'atasan', 'pegawai'), { region: null, selfNip: '1', subordinatesOfNip: '1' }],
    ['atasan without NIP: nothing', viewer('32.15', null, 'atasan'), { region: null, selfNip: null, subordinatesOfNip: null }],
    ['asesor: region', viewer('32.15', null, 'asesor'), { region: '32.15', selfNip: null, subordinatesOfNip: null }],
    ['analis national', viewer('ID', null, 'analis'), { region: 'ID', selfNip: null, subordinatesOfNip: null }],
  ])('%s', (_label, v, expected) => {
    expect(employeeAccess(v)).toEqual(expected);
  });
});

// Real PostgreSQL: the fragments must select exactly the right rows (LIKE escaping, recursion, cycles).
describe('visibleEmployeesSql on PostgreSQL', () => {
  let db: TestDatabase;
  let client: pg.Client;
  const table: EmployeeTable = { table: 'staff', alias: 's', id: 'staff_id', nip: 'nip', supervisorId: 'boss_id', regionCode: 'region' };

  beforeAll(async () => {
    db = await createTestDatabase('kit_scoping');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`create table staff (staff_id text primary key, nip text, boss_id text, region text)`);
    // top ← mid ← low ← lowest, mid ← side; loop1 ↔ loop2 (bad data); other has nobody.
    await client.query(`insert into staff values
      ('top', 'N-top', null, '32.15'), ('mid', 'N-mid', 'top', '32.15'), ('low', 'N-low', 'mid', '36.01'),
      ('lowest', 'N-lowest', 'low', '32.16'), ('side', 'N-side', 'mid', '32.15'), ('other', 'N-other', null, '320'),
      ('loop1', 'N-loop1', 'loop2', '11'), ('loop2', 'N-loop2', 'loop1', '11'), ('under', 'N-under', 'other', '3_.15')`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  async function ids(fragment: SqlFragment): Promise<string[]> {
    let n = 0;
    const text = fragment.sql.replace(/\?/g, () => `$${++n}`);
    const result = await client.query<{ staff_id: string }>(`select s.staff_id from staff s where ${text} order by 1`, fragment.params);
    return result.rows.map((row) => row.staff_id);
  }

  it('an atasan sees self and everyone below, direct and indirect, wherever they are', async () => {
    expect(await ids(visibleEmployeesSql(employeeAccess(viewer('32.15', 'N-mid', 'atasan', 'pegawai')), table))).toEqual(['low', 'lowest', 'mid', 'side']);
    expect(await ids(visibleEmployeesSql(employeeAccess(viewer('32.15', 'N-top', 'atasan')), table))).toEqual(['low', 'lowest', 'mid', 'side', 'top']);
  });

  it('stops on a supervisor cycle', async () => {
    expect(await ids(visibleEmployeesSql(employeeAccess(viewer(null, 'N-loop1', 'atasan')), table))).toEqual(['loop1', 'loop2']);
  });

  it('a region reader sees the prefix on whole segments, wildcards taken literally', async () => {
    expect(await ids(visibleEmployeesSql(employeeAccess(viewer('32', null, 'analis')), table))).toEqual(['lowest', 'mid', 'side', 'top']);
    expect(await ids(visibleEmployeesSql({ region: '3_', selfNip: null, subordinatesOfNip: null }, table))).toEqual(['under']);
    expect((await ids(visibleEmployeesSql(employeeAccess(viewer('ID', null, 'auditor')), table))).length).toBe(9);
  });

  it('regionCoversSql compares two columns on whole segments, wildcards literal', async () => {
    const rows = await client.query<{ scope: string; code: string; covers: boolean }>(
      `select scope, code, ${regionCoversSql('scope', 'code')} as covers from (values ('ID', '32'), ('32', '32.15'), ('32', '320'), ('3_', '32.15'), ('32.15', '32'), ('32.15', '32.15')) v(scope, code)`,
    );
    expect(rows.rows.map((r) => `${r.scope}>${r.code}:${r.covers}`)).toEqual(['ID>32:true', '32>32.15:true', '32>320:false', '3_>32.15:false', '32.15>32:false', '32.15>32.15:true']);
  });

  it('a viewer granted nothing sees nothing; extra grants are OR-ed in', async () => {
    expect(await ids(visibleEmployeesSql(employeeAccess(viewer(null, null, 'pegawai')), table))).toEqual([]);
    expect(await ids(visibleEmployeesSql(employeeAccess(viewer(null, 'N-low', 'pegawai')), table, [{ sql: 's.staff_id = ?', params: ['top'] }]))).toEqual(['low', 'top']);
  });
});

describe('region roll-up (DOMAIN.md "People and organisation": codes PP / PP.KK, prefix match on whole segments)', () => {
  it.each([
    ['32.15', ['ID', '32', '32.15']],
    ['32.15.01', ['ID', '32', '32.15', '32.15.01']],
    ['32', ['ID', '32']],
    ['ID', ['ID']],
    ['', ['ID']],
  ])('regionAncestors(%j) → %j', (code, ancestors) => {
    expect(regionAncestors(code)).toEqual(ancestors);
  });

  it.each([
    ['32.15', '32.15', '32.15'],
    ['32.15', '32.04', '32'],
    ['32', '32.15', '32'],
    ['32.15', '36.01', 'ID'],
    ['ID', '32.15', 'ID'],
    ['32.1', '32.15', '32'],
    ['', '32.15', 'ID'],
  ])('commonRegionPrefix(%j, %j) → %j', (a, b, prefix) => {
    expect(commonRegionPrefix(a, b)).toBe(prefix);
  });
});
