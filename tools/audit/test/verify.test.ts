// npm run audit -- verify against a real PostgreSQL database holding the kit's audit table: the chains
// written by the row trigger verify; an entry edited behind the append-only trigger, or deleted, is
// named by its seq and chain and the command exits 1.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { auditContextJson, auditMigrationSql } from '@kinerja/kit/audit';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let db: TestDatabase;
let client: pg.Client;

const verify = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, 'verify', '--service', 'personnel', '--database-url', db.url, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(async () => {
  db = await createTestDatabase('audit_verify');
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query('create table note (id int primary key, text text not null)');
  for (const sql of auditMigrationSql) await client.query(sql);
  const context = auditContextJson({
    viewer: { subject: 'sub-1', username: 'karawang.admin', nip: null, roles: new Set(['admin-kepegawaian']), regionCode: '32.15' },
    operation: 'writeNote',
    requestId: 'req-1',
    reason: 'uji',
  });
  for (let id = 1; id <= 3; id += 1) {
    await client.query('begin');
    await client.query(`select set_config('kinerja.audit_context', $1, true)`, [context]);
    await client.query('insert into note values ($1, $2)', [id, `catatan ${id}`]);
    await client.query('update note set text = $2 where id = $1', [id, `catatan ${id} diubah`]);
    await client.query('commit');
  }
  // Without an audit context (a consumer, the seed): no entry.
  await client.query(`insert into note values (9, 'tanpa konteks')`);
}, 60_000);

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('npm run audit -- verify', () => {
  it('recorded one entry per changed row, with who, why, before and after', async () => {
    const { rows } = await client.query<{ seq: string; action: string; actor_username: string; reason: string; entity_id: string; before: unknown; after: { text: string } }>(
      'select seq, action, actor_username, reason, entity_id, before, after from audit_entry order by seq',
    );
    expect(rows.map((r) => `${r.seq}:${r.action}:${r.entity_id}`)).toEqual(['1:insert:1', '2:update:1', '3:insert:2', '4:update:2', '5:insert:3', '6:update:3']);
    expect(rows[1]).toMatchObject({ actor_username: 'karawang.admin', reason: 'uji', before: { id: 1, text: 'catatan 1' }, after: { id: 1, text: 'catatan 1 diubah' } });
  });

  it('gave each transaction one chain', async () => {
    const { rows } = await client.query<{ entity_id: string; chains: number }>('select entity_id, count(distinct chain)::int as chains from audit_entry group by entity_id order by entity_id');
    expect(rows).toEqual([1, 2, 3].map((id) => ({ entity_id: String(id), chains: 1 })));
  });

  it('reports intact chains and exits 0', async () => {
    const result = verify();
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const { rows: [{ chains } = { chains: 0 }] } = await client.query<{ chains: number }>('select count(distinct chain)::int as chains from audit_entry');
    expect(JSON.parse(result.stdout)).toEqual({ service: 'personnel', entries: 6, chains, firstBroken: null });
  });

  it('names an entry edited behind the trigger with its chain, and exits 1', async () => {
    // Seq 3 (the second transaction's insert) and the entries after it in its chain stop verifying.
    const { rows: [edited] } = await client.query<{ chain: number; chain_seq: string; from_here: number; next_seq: string }>(
      `select e.chain, e.chain_seq, (select count(*)::int from audit_entry l where l.chain = e.chain and l.chain_seq >= e.chain_seq) as from_here,
              (select n.seq from audit_entry n where n.chain = e.chain and n.chain_seq = e.chain_seq + 1) as next_seq
         from audit_entry e where e.seq = 3`,
    );
    await expect(client.query(`update audit_entry set reason = 'lain' where seq = 3`)).rejects.toThrow(/append-only/);
    await client.query('alter table audit_entry disable trigger audit_entry_append_only');
    await client.query(`update audit_entry set after = '{"id": 2, "text": "dipalsukan"}' where seq = 3`);
    const result = verify();
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      service: 'personnel',
      entries: 6 - (edited?.from_here ?? 0),
      firstBroken: { seq: 3, chain: edited?.chain, problem: 'hash does not match the content (entry edited)' },
    });
    expect(result.stderr).toContain(`rantai ${edited?.chain} rusak pada entri 3`);
    // Deleted, it leaves a gap: the next entry of its chain (seq 4, its transaction's update) is named.
    await client.query('delete from audit_entry where seq = 3');
    const position = Number(edited?.chain_seq);
    expect(edited?.next_seq).toBe('4');
    expect(JSON.parse(verify().stdout).firstBroken).toEqual({ seq: 4, chain: edited?.chain, problem: `entries ${position}..${position} of chain ${edited?.chain} are missing` });
    await client.query('alter table audit_entry enable trigger audit_entry_append_only');
  });

  it('refuses an unknown service with exit 2 before connecting', () => {
    const result = spawnSync(process.execPath, [cli, 'verify', '--service', 'payroll', '--database-url', db.url], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toContain("--service: unknown 'payroll'");
  });
});
