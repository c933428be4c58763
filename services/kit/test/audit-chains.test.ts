// The audit trail's chains (audit.ts) on a real PostgreSQL: audited transactions open at the same time
// each get a chain of their own instead of queueing on one lock, entries written concurrently from several
// connections all verify, an entry altered or deleted in one chain is named with its chain, and a table of
// the single chain of before is upgraded in place by createOrm with its old entries still verifying.
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CHAINS, auditContextJson, AuditEntry, auditMigrationSql, verifyAuditChain, type SqlRunner } from '../src/audit.ts';
import { createOrm } from '../src/db.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { singleChainAuditSql } from './fixtures/audit-single-chain.ts';

const CONNECTIONS = 8;
const TRANSACTIONS_PER_CONNECTION = 10;

const contextFor = (requestId: string) =>
  auditContextJson({
    viewer: { subject: 'sub-1', username: 'karawang.admin', nip: null, roles: new Set(['admin-kepegawaian']), regionCode: '32.15' },
    operation: 'writeNote',
    requestId,
    reason: 'uji',
  });

/** The kit's `?` placeholders as pg's `$1…`. */
const runnerOf = (client: pg.Client): SqlRunner => ({
  execute: async <T>(sql: string, params: unknown[] = []) => {
    let index = 0;
    return (await client.query(sql.replace(/\?/g, () => `$${(index += 1)}`), params)).rows as T;
  },
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** One audited transaction: a note inserted and updated (two entries), left open for the caller to end. */
async function auditedWrite(client: pg.Client, id: number, requestId: string): Promise<void> {
  await client.query('begin');
  await client.query(`select set_config('kinerja.audit_context', $1, true)`, [contextFor(requestId)]);
  await client.query('insert into note values ($1, $2)', [id, `catatan ${id}`]);
  await client.query('update note set text = $2 where id = $1', [id, `catatan ${id} diubah`]);
}

/** A raw entry, as the audit test of each service writes its own. */
const insertEntrySql = `insert into audit_entry (id, actor_subject, actor_username, actor_roles, operation, request_id, entity_type, action)
  values (gen_random_uuid(), 'audit-test', 'audit-test', '[]', 'auditChainsTest', $1, 'audit_entry', 'insert')`;

describe('audit chains', () => {
  let db: TestDatabase;
  let clients: pg.Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('audit_chains');
    clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(db.url)));
    const [admin] = clients as [pg.Client];
    await admin.query('create table note (id int primary key, text text not null)');
    for (const sql of auditMigrationSql) await admin.query(sql);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await db?.drop();
  });

  it(`audited transactions open at the same time each hold a chain of their own (up to ${AUDIT_CHAINS})`, async () => {
    // With one chain the second of these would wait for the first to commit, and this test would hang.
    for (const [index, client] of clients.entries()) await auditedWrite(client, 1000 + index, `open-${index}`);
    for (const client of clients) await client.query('commit');
    const committed = await clients[0]!.query<{ request_id: string; chains: number[] }>(
      `select request_id, array_agg(distinct chain) as chains from audit_entry where request_id like 'open-%' group by request_id`,
    );
    expect(committed.rows).toHaveLength(CONNECTIONS);
    // Both entries of a transaction are in one chain, and no two open transactions shared one.
    expect(committed.rows.every((row) => row.chains.length === 1)).toBe(true);
    expect(new Set(committed.rows.map((row) => row.chains[0])).size).toBe(CONNECTIONS);
  });

  it('entries written concurrently from several connections all verify, each transaction in one chain', async () => {
    await Promise.all(
      clients.map(async (client, connection) => {
        for (let t = 0; t < TRANSACTIONS_PER_CONNECTION; t += 1) {
          const id = connection * 100 + t;
          await auditedWrite(client, id, `c${connection}-t${t}`);
          await client.query('commit');
        }
      }),
    );
    const report = await verifyAuditChain(runnerOf(clients[0]!));
    const total = 2 * CONNECTIONS * (TRANSACTIONS_PER_CONNECTION + 1);
    expect(report).toMatchObject({ entries: total, firstBroken: null });
    expect(report.chains).toBeGreaterThan(1);
    const { rows } = await clients[0]!.query<{ split: number; seqs: number; places: number }>(
      `select (select count(*)::int from (select request_id from audit_entry group by request_id having count(distinct chain) > 1) t) as split,
              count(distinct seq)::int as seqs, count(distinct (chain, chain_seq))::int as places from audit_entry`,
    );
    expect(rows[0]).toEqual({ split: 0, seqs: total, places: total });
  });

  it('takes the number of chains from the setting kinerja.audit_chains', async () => {
    const client = clients[1]!;
    await client.query(`set kinerja.audit_chains = 3`);
    try {
      for (let t = 0; t < 6; t += 1) {
        await auditedWrite(client, 2000 + t, `three-${t}`);
        await client.query('commit');
      }
    } finally {
      await client.query('reset kinerja.audit_chains');
    }
    const { rows } = await client.query<{ chain: number }>(`select distinct chain from audit_entry where request_id like 'three-%'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.chain >= 0 && row.chain < 3)).toBe(true);
    expect((await verifyAuditChain(runnerOf(client))).firstBroken).toBeNull();
  });

  it('names an entry altered in one chain, with its chain, while the other chains verify', async () => {
    const [admin] = clients as [pg.Client];
    const { rows: [target] } = await admin.query<{ seq: string; chain: number; chain_seq: string; later: number }>(
      `select e.seq, e.chain, e.chain_seq, (select count(*)::int from audit_entry l where l.chain = e.chain and l.chain_seq >= e.chain_seq) as later
         from audit_entry e
        where e.chain_seq = 2 and exists (select 1 from audit_entry n where n.chain = e.chain and n.chain_seq = 3)
        order by e.chain desc limit 1`,
    );
    const before = await verifyAuditChain(runnerOf(admin));
    await expect(admin.query(`update audit_entry set reason = 'lain' where seq = $1`, [target!.seq])).rejects.toThrow(/append-only/);
    await admin.query('alter table audit_entry disable trigger audit_entry_append_only');
    try {
      await admin.query(`update audit_entry set reason = 'dipalsukan' where seq = $1`, [target!.seq]);
      const tampered = await verifyAuditChain(runnerOf(admin));
      expect(tampered).toEqual({
        entries: before.entries - target!.later,
        chains: before.chains,
        firstBroken: { seq: Number(target!.seq), chain: target!.chain, problem: 'hash does not match the content (entry edited)' },
      });
      // Put back, the chain verifies again (the hash covers the content, nothing else).
      await admin.query(`update audit_entry set reason = 'uji' where seq = $1`, [target!.seq]);
      expect((await verifyAuditChain(runnerOf(admin))).firstBroken).toBeNull();
      // A deleted entry leaves a gap in its chain: the entry after it is named.
      const { rows: [next] } = await admin.query<{ seq: string }>('select seq from audit_entry where chain = $1 and chain_seq = $2', [target!.chain, Number(target!.chain_seq) + 1]);
      await admin.query('delete from audit_entry where seq = $1', [target!.seq]);
      expect((await verifyAuditChain(runnerOf(admin))).firstBroken).toEqual({
        seq: Number(next!.seq),
        chain: target!.chain,
        problem: `entries 2..2 of chain ${target!.chain} are missing`,
      });
    } finally {
      await admin.query('alter table audit_entry enable trigger audit_entry_append_only');
    }
  });
});

describe('a single-chain audit table of before', () => {
  let db: TestDatabase;
  let clients: pg.Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('audit_upgrade');
    clients = await Promise.all([connect(db.url), connect(db.url)]);
    for (const sql of singleChainAuditSql) await clients[0]!.query(sql);
    for (let i = 1; i <= 5; i += 1) await clients[0]!.query(insertEntrySql, [`old-${i}`]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await db?.drop();
  });

  it('is upgraded in place by createOrm: old entries become chain 0 and still verify, new ones chain on', async () => {
    const [first, second] = clients as [pg.Client, pg.Client];
    const old = (await first.query<{ seq: string; hash: string }>('select seq, hash from audit_entry order by seq')).rows;
    const orm = await createOrm({ databaseUrl: db.url, entities: [AuditEntry], migrations: [], logger: pino({ level: 'silent' }) });
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close(true);
    }
    const upgraded = await first.query<{ seq: string; chain: number; chain_seq: string; hash: string }>(
      'select seq, chain, chain_seq, hash from audit_entry order by seq',
    );
    expect(upgraded.rows).toEqual(old.map((row) => ({ seq: row.seq, chain: 0, chain_seq: row.seq, hash: row.hash })));
    // Two writers open at once: neither waits, and the global seq continues after the old entries.
    for (const [index, client] of [first, second].entries()) {
      await client.query('begin');
      await client.query(insertEntrySql, [`new-${index}`]);
    }
    await first.query('commit');
    await second.query('commit');
    const fresh = await first.query<{ seq: string; chain: number }>(`select seq, chain from audit_entry where request_id like 'new-%' order by seq`);
    expect(fresh.rows.map((row) => Number(row.seq))).toEqual([6, 7]);
    expect(new Set(fresh.rows.map((row) => row.chain)).size).toBe(2);
    expect(await verifyAuditChain(runnerOf(first))).toMatchObject({ entries: 7, firstBroken: null });
    // Started again, createOrm finds the table current and leaves it alone.
    const again = await createOrm({ databaseUrl: db.url, entities: [AuditEntry], migrations: [], logger: pino({ level: 'silent' }) });
    await again.close(true);
    expect((await first.query('select count(*)::int as n from audit_entry')).rows).toEqual([{ n: 7 }]);
  });
});
