// The audit trail every subgraph keeps (issue 14 item 5): who changed what, when, why, by which operation
// and request, written in the same transaction as the change, append-only and chained by hash.
//
// How a write gets its entries without the command knowing:
// - the kit's server runs each Mutation field inside `auditScope` (AsyncLocalStorage): the viewer, the
//   operation (the Mutation field's name), the request id and the reason/note argument, if any;
// - `AuditSubscriber` (registered by createOrm when the service lists `auditEntities`) copies that scope
//   into every transaction the ORM starts inside it (`set_config('kinerja.audit_context', …, true)`);
// - a row trigger on every table of the service (`audit_row_change`, attached by createOrm to each table
//   without it, so a table added by a later migration is covered too) writes one entry per inserted,
//   updated or deleted row with the row before and after, whenever that setting is present. ORM flushes
//   and hand-written SQL alike are audited, in the same transaction; a write outside a transaction (a
//   bare `em.execute` in autocommit) is not, so commands write in `em.transactional` (service template).
// Writes outside a mutation (Kafka consumers applying other services' events, the outbox relay, the seed
// loader) carry no setting and are not audited here: the originating service audited the change its
// event carries.
//
// The database owns the chains. One chain per database serialised every audited write transaction of a
// service from its first audited row to its commit (docs/capacity.md: 330–1,000 audited transactions/s per
// database against the 2,650 check-ins/s of the morning peak), so the trail is split
// into a fixed number of independent chains (`kinerja.audit_chains`, a database setting, default
// AUDIT_CHAINS). The BEFORE INSERT trigger gives a transaction one chain for all its entries: the first
// chain from `txid_current() mod N` onwards whose advisory lock (`pg_advisory_xact_lock(hashtext(
// 'audit_entry_chain'), chain)`, held to commit) is free, so concurrent writers rarely wait (only when
// all N are busy does it queue on the first). Within its chain the entry gets `chain_seq` (the chain's last
// entry + 1, one probe of the (chain, chain_seq) index) and `hash = sha256(prev_hash ||
// audit_entry_content(entry))` with prev_hash the chain's last hash; the global `seq` (order and paging of
// the log) comes from a sequence without a lock, so it has gaps (rolled-back entries) and a later commit
// may carry a smaller seq (a reader paging the log newest first may meet such an entry only on a later
// read). chain and chain_seq are not hashed: they only index the chain whose links the
// hashes carry, and leaving them out keeps the hashes of entries written before the split valid (an
// existing single chain becomes chain 0 with chain_seq = seq when the kit upgrades the table at start).
// UPDATE, DELETE and TRUNCATE are refused. `verifyAuditChain` walks every chain, recomputes every link
// and names the first broken one (by seq) with its chain.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { defineEntity, p, type EventSubscriber, type TransactionEventArgs } from '@mikro-orm/core';
import type { Viewer } from './auth.ts';

export interface AuditScope {
  viewer: Viewer;
  operation: string;
  requestId: string;
  reason: string | null;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** Runs `work` with `scope` as the audit context of every write it makes. */
export function auditScope<T>(scope: AuditScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentAuditScope(): AuditScope | undefined {
  return scopes.getStore();
}

/** Argument names that carry the caller's why (top level, or one level down in an input object). */
const reasonArguments = ['reason', 'note', 'alasan', 'catatan'] as const;

/** The operation's reason or note from its arguments (`reason`, `note`, `input.reason`, …), else null. */
export function reasonFromArguments(args: Record<string, unknown>): string | null {
  const pick = (source: Record<string, unknown>): string | null => {
    for (const name of reasonArguments) {
      const value = source[name];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
    return null;
  };
  const direct = pick(args);
  if (direct !== null) return direct;
  for (const value of Object.values(args)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = pick(value as Record<string, unknown>);
      if (nested !== null) return nested;
    }
  }
  return null;
}

type Resolver = (parent: unknown, args: Record<string, unknown>, context: { viewer: Viewer; requestId: string }, info: { fieldName: string }) => unknown;

/**
 * Wraps every field resolver of `Mutation` so it runs inside an audit scope; the kit's server applies it
 * to each service's resolver map, so a mutation added later is audited without touching this code.
 */
export function auditedResolvers<R extends Record<string, unknown>>(resolvers: R): R {
  const mutation = resolvers['Mutation'] as Record<string, unknown> | undefined;
  if (!mutation) return resolvers;
  const wrapped = Object.fromEntries(
    Object.entries(mutation).map(([name, resolver]) => {
      if (typeof resolver !== 'function') return [name, resolver];
      const audited: Resolver = (parent, args, context, info) =>
        auditScope(
          { viewer: context.viewer, operation: info.fieldName, requestId: context.requestId, reason: reasonFromArguments(args ?? {}) },
          () => (resolver as Resolver)(parent, args, context, info),
        );
      return [name, audited];
    }),
  );
  return { ...resolvers, Mutation: wrapped };
}

export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.uuid().primary(),
    // Set by the insert trigger (seq: global order, from a sequence; chain and chain_seq: the entry's
    // chain and place in it); nullable only because the ORM never writes them.
    seq: p.bigint('number').nullable().unique('audit_entry_seq_unique'),
    chain: p.smallint().nullable(),
    chainSeq: p.bigint('number').nullable(),
    occurredAt: p.datetime().defaultRaw('now()'),
    actorSubject: p.text(),
    actorUsername: p.text(),
    actorRoles: p.json<string[]>(),
    actorRegion: p.text().nullable(),
    // The region the changed record belongs to (its `regionCode`), else the actor's: auditors are scoped by it.
    regionCode: p.text().nullable(),
    operation: p.text(),
    requestId: p.text(),
    reason: p.text().nullable(),
    entityType: p.text(),
    entityId: p.text().nullable(),
    // create | update | delete, or what a hand-written statement did (recordAudit).
    action: p.text(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    prevHash: p.text().nullable(),
    hash: p.text().nullable(),
  },
  indexes: [
    { name: 'audit_entry_region_seq_idx', properties: ['regionCode', 'seq'] },
    { name: 'audit_entry_entity_idx', properties: ['entityType', 'entityId'] },
  ],
  uniques: [{ name: 'audit_entry_chain_seq_unique', properties: ['chain', 'chainSeq'] }],
});

/** Chains of a database whose setting `kinerja.audit_chains` is unset (`alter database … set` changes it). */
export const AUDIT_CHAINS = 16;

/** Add these to the service's MikroORM `entities` (createOrm then registers AuditSubscriber). */
export const auditEntities = [AuditEntry];

/** Tables of platform bookkeeping, never audited (the outbox repeats what the audited rows say). */
export const unauditedTables: readonly string[] = ['audit_entry', 'outbox_event', 'processed_event', 'mikro_orm_migrations'];

/**
 * The audit table, its chains and triggers; each statement may run again. A migration of each service
 * runs these (`for (const sql of auditMigrationSql) this.addSql(sql)`), and createOrm applies them again at
 * start when the database's `audit_entry_chain` function does not carry their fingerprint
 * (`applyAuditSchema`), so a database migrated before a change here is upgraded in place. Kept in step
 * with the entity above (the service's schema test compares them).
 */
const auditSchemaSql: readonly string[] = [
  `create table if not exists "audit_entry" (
    "id" uuid not null,
    "seq" bigint null,
    "occurred_at" timestamptz not null default now(),
    "actor_subject" text not null,
    "actor_username" text not null,
    "actor_roles" jsonb not null,
    "actor_region" text null,
    "region_code" text null,
    "operation" text not null,
    "request_id" text not null,
    "reason" text null,
    "entity_type" text not null,
    "entity_id" text null,
    "action" text not null,
    "before" jsonb null,
    "after" jsonb null,
    "prev_hash" text null,
    "hash" text null,
    "chain" smallint null,
    "chain_seq" bigint null,
    primary key ("id"),
    constraint "audit_entry_seq_unique" unique ("seq")
  )`,
  // A table of the single chain of before: its entries become chain 0 in seq order, under an
  // exclusive lock so no writer inserts meanwhile; the append-only trigger is off for this one update.
  `do $$ begin
    if not exists (select 1 from pg_attribute where attrelid = '"audit_entry"'::regclass and attname = 'chain' and not attisdropped) then
      lock table "audit_entry" in access exclusive mode;
      alter table "audit_entry" add column "chain" smallint null, add column "chain_seq" bigint null;
      alter table "audit_entry" disable trigger "audit_entry_append_only";
      update "audit_entry" set "chain" = 0, "chain_seq" = "seq";
      alter table "audit_entry" enable trigger "audit_entry_append_only";
    end if;
  end $$`,
  `create index if not exists "audit_entry_region_seq_idx" on "audit_entry" ("region_code", "seq")`,
  `create index if not exists "audit_entry_entity_idx" on "audit_entry" ("entity_type", "entity_id")`,
  // The chain's end in one index probe; a second entry at the same place (a fork) is refused.
  `create unique index if not exists "audit_entry_chain_seq_unique" on "audit_entry" ("chain", "chain_seq")`,
  `create sequence if not exists "audit_entry_global_seq" as bigint`,
  // Past the entries already numbered (the single chain's, or a sequence recreated): SHARE mode waits for
  // the writers in flight, so every seq they drew is committed or gone when max(seq) is read.
  `do $$ declare highest bigint; begin
    lock table "audit_entry" in share mode;
    select max("seq") into highest from "audit_entry";
    if highest >= (select last_value from "audit_entry_global_seq") then perform setval('"audit_entry_global_seq"', highest); end if;
  end $$`,
  // What the hash covers: every column but the hashes, as one jsonb array (jsonb's text is canonical),
  // the time in UTC microseconds so the session's TimeZone cannot change it.
  `create or replace function "audit_entry_content"(e "audit_entry") returns text language sql immutable as $$
    select jsonb_build_array(e.seq, e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      e.actor_subject, e.actor_username, e.actor_roles, e.actor_region, e.region_code, e.operation, e.request_id,
      e.reason, e.entity_type, e.entity_id, e.action, e.before, e.after)::text
  $$`,
  // One chain per transaction, remembered in a transaction-local setting (a savepoint rolled back forgets
  // it with its lock and entries). The chain's advisory lock is held to commit, so the next writer of the
  // chain reads this entry as its end (READ COMMITTED: the select below sees what committed before the lock).
  `create or replace function "audit_entry_chain"() returns trigger language plpgsql as $$
    declare
      chosen int := nullif(current_setting('kinerja.audit_chain', true), '')::int;
      chains int;
      first_choice int;
      last record;
    begin
      if chosen is null then
        chains := greatest(1, coalesce(nullif(current_setting('kinerja.audit_chains', true), '')::int, ${AUDIT_CHAINS}));
        first_choice := (txid_current() % chains)::int;
        for step in 0 .. chains - 1 loop
          if pg_try_advisory_xact_lock(hashtext('audit_entry_chain'), (first_choice + step) % chains) then
            chosen := (first_choice + step) % chains;
            exit;
          end if;
        end loop;
        if chosen is null then
          chosen := first_choice;
          perform pg_advisory_xact_lock(hashtext('audit_entry_chain'), chosen);
        end if;
        perform set_config('kinerja.audit_chain', chosen::text, true);
      end if;
      select chain_seq, hash into last from "audit_entry" where chain = chosen order by chain_seq desc limit 1;
      new.chain := chosen;
      new.chain_seq := coalesce(last.chain_seq, 0) + 1;
      new.seq := nextval('"audit_entry_global_seq"');
      new.prev_hash := coalesce(last.hash, '');
      new.hash := encode(sha256(convert_to(new.prev_hash || "audit_entry_content"(new), 'UTF8')), 'hex');
      return new;
    end $$`,
  `create or replace trigger "audit_entry_chain" before insert on "audit_entry" for each row execute function "audit_entry_chain"()`,
  `create or replace function "audit_entry_append_only"() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`,
  `create or replace trigger "audit_entry_append_only" before update or delete on "audit_entry" for each row execute function "audit_entry_append_only"()`,
  `create or replace trigger "audit_entry_no_truncate" before truncate on "audit_entry" for each statement execute function "audit_entry_append_only"()`,
  // One entry per changed row while the transaction carries an audit context (set by AuditSubscriber);
  // an UPDATE that changes nothing is not an entry.
  `create or replace function "audit_row_change"() returns trigger language plpgsql as $$
    declare
      context jsonb := nullif(current_setting('kinerja.audit_context', true), '')::jsonb;
      before_row jsonb;
      after_row jsonb;
      changed jsonb;
      key text;
    begin
      if context is null then return null; end if;
      if tg_op <> 'INSERT' then before_row := to_jsonb(old); end if;
      if tg_op <> 'DELETE' then after_row := to_jsonb(new); end if;
      if tg_op = 'UPDATE' and before_row = after_row then return null; end if;
      changed := coalesce(after_row, before_row);
      select string_agg(changed ->> column_name, '/') into key from unnest(tg_argv) as column_name;
      insert into "audit_entry" ("id", "actor_subject", "actor_username", "actor_roles", "actor_region", "region_code", "operation",
        "request_id", "reason", "entity_type", "entity_id", "action", "before", "after")
      values (gen_random_uuid(), context ->> 'subject', context ->> 'username', context -> 'roles', context ->> 'region',
        coalesce(changed ->> 'region_code', context ->> 'region'), context ->> 'operation', context ->> 'requestId', context ->> 'reason',
        tg_table_name, key, lower(tg_op), before_row, after_row);
      return null;
    end $$`,
  `create or replace function "audit_attach_row_triggers"() returns void language plpgsql as $$
    declare
      t record;
      key_columns text;
    begin
      for t in
        select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
           and c.relname not in (${unauditedTablesSql()})
           and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'audit_row_change')
      loop
        select string_agg(quote_literal(a.attname), ', ' order by array_position(i.indkey::int2[], a.attnum)) into key_columns
          from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
         where i.indrelid = t.oid and i.indisprimary;
        execute format('create trigger "audit_row_change" after insert or update or delete on %I for each row execute function "audit_row_change"(%s)',
          t.relname, coalesce(key_columns, ''));
      end loop;
    end $$`,
  'select "audit_attach_row_triggers"()',
];

/** Which statements a database was given: a fingerprint of their text, kept as the chain function's comment. */
const auditSchemaFingerprint = `kinerja audit schema ${createHash('sha256').update(auditSchemaSql.join('\n')).digest('hex').slice(0, 16)}`;
const markAuditSchemaSql = `comment on function "audit_entry_chain"() is '${auditSchemaFingerprint}'`;

export const auditMigrationSql: readonly string[] = [...auditSchemaSql, markAuditSchemaSql];

/**
 * createOrm runs this after migrating (in one transaction): on a database with the audit table, applies
 * `auditMigrationSql` again unless the fingerprint says it is current (replicas starting together take
 * turns on an advisory lock), then attaches the row trigger to every table that lacks it.
 */
export async function applyAuditSchema(db: SqlRunner): Promise<void> {
  // A database not yet migrated to the audit trail (a test migrating part way) has no table yet: skip.
  const [table] = await db.execute<{ present: boolean }[]>(`select to_regclass('"audit_entry"') is not null as present`);
  if (!table?.present) return;
  await db.execute(`select pg_advisory_xact_lock(hashtext('audit_entry_schema'))`);
  const [mark] = await db.execute<{ fingerprint: string | null }[]>(
    `select obj_description(to_regprocedure('"audit_entry_chain"()'), 'pg_proc') as fingerprint`,
  );
  if (mark?.fingerprint !== auditSchemaFingerprint) {
    for (const sql of auditMigrationSql) await db.execute(sql);
  } else {
    await db.execute('select "audit_attach_row_triggers"()');
  }
}

function unauditedTablesSql(): string {
  return unauditedTables.map((name) => `'${name}'`).join(', ');
}

/** The audit context of the current scope as the row trigger reads it. */
export function auditContextJson(scope: AuditScope): string {
  return JSON.stringify({
    subject: scope.viewer.subject,
    username: scope.viewer.username,
    roles: [...scope.viewer.roles].sort(),
    region: scope.viewer.regionCode,
    operation: scope.operation,
    requestId: scope.requestId,
    reason: scope.reason,
  });
}

/** Hands the audit scope to every transaction (and savepoint) the ORM starts inside a mutation. */
export class AuditSubscriber implements EventSubscriber {
  async afterTransactionStart(args: TransactionEventArgs): Promise<void> {
    const scope = currentAuditScope();
    if (!scope || !args.transaction) return;
    await (args.em.getConnection() as unknown as TransactionRunner).execute(
      `select set_config('kinerja.audit_context', ?, true)`,
      [auditContextJson(scope)],
      'run',
      args.transaction,
    );
  }
}

interface TransactionRunner {
  execute(sql: string, params: unknown[], method: 'run', transaction: unknown): Promise<unknown>;
}

export interface AuditChainReport {
  /** Entries whose link verified (in each chain, those before its first broken link). */
  entries: number;
  /** Chains walked. */
  chains: number;
  /**
   * The broken link with the smallest seq among each chain's first broken one, with its chain (null for
   * entries outside every chain) and why; null when every chain verifies.
   */
  firstBroken: { seq: number; chain: number | null; problem: string } | null;
}

/** Anything that runs SQL with `?` parameters (an EntityManager, a connection). */
export interface SqlRunner {
  execute<T>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * Walks every chain in chain_seq order, in pages: each entry's chain_seq follows the previous one (a gap
 * is a deleted entry), its prev_hash is the previous hash and its hash is sha256(prev_hash || content).
 * Entries without a chain place (written behind the trigger) are reported after the chains.
 */
export async function verifyAuditChain(db: SqlRunner, pageSize = 5000): Promise<AuditChainReport> {
  // The chains present (whatever N was when they were written), one index probe each.
  const chainRows = await db.execute<{ chain: number }[]>(
    `with recursive chains(chain) as (
       select min(chain) from "audit_entry"
       union all
       select (select min(e.chain) from "audit_entry" e where e.chain > chains.chain) from chains where chains.chain is not null
     ) select chain::int as chain from chains where chain is not null`,
  );
  let entries = 0;
  let firstBroken: AuditChainReport['firstBroken'] = null;
  for (const { chain } of chainRows) {
    const walked = await verifyOneChain(db, chain, pageSize);
    entries += walked.entries;
    if (walked.broken && (firstBroken === null || walked.broken.seq < firstBroken.seq)) firstBroken = walked.broken;
  }
  if (firstBroken !== null) return { entries, chains: chainRows.length, firstBroken };
  const [unchained] = await db.execute<{ n: number; seq: string | null }[]>(
    `select count(*)::int as n, min(seq)::text as seq from "audit_entry" where seq is null or chain is null or chain_seq is null`,
  );
  if ((unchained?.n ?? 0) > 0) {
    return { entries, chains: chainRows.length, firstBroken: { seq: Number(unchained?.seq ?? 0), chain: null, problem: `${unchained?.n} entries have no place in a chain` } };
  }
  return { entries, chains: chainRows.length, firstBroken: null };
}

async function verifyOneChain(db: SqlRunner, chain: number, pageSize: number): Promise<{ entries: number; broken: AuditChainReport['firstBroken'] }> {
  let previousChainSeq = 0;
  let previousHash = '';
  let entries = 0;
  const broken = (seq: number, problem: string) => ({ entries, broken: { seq, chain, problem } });
  for (;;) {
    const rows = await db.execute<{ seq: string; chain_seq: string; prev_hash: string | null; hash: string | null; content: string }[]>(
      `select e.seq::text as seq, e.chain_seq::text as chain_seq, e.prev_hash, e.hash, "audit_entry_content"(e) as content
         from "audit_entry" e where e.chain = ? and e.chain_seq > ? order by e.chain_seq limit ?`,
      [chain, previousChainSeq, pageSize],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const chainSeq = Number(row.chain_seq);
      if (chainSeq !== previousChainSeq + 1) return broken(seq, `entries ${previousChainSeq + 1}..${chainSeq - 1} of chain ${chain} are missing`);
      if ((row.prev_hash ?? '') !== previousHash) return broken(seq, 'prev_hash is not the previous entry hash');
      const expected = createHash('sha256').update(previousHash + row.content, 'utf8').digest('hex');
      if (row.hash !== expected) return broken(seq, 'hash does not match the content (entry edited)');
      previousChainSeq = chainSeq;
      previousHash = row.hash;
      entries += 1;
    }
    if (rows.length < pageSize) return { entries, broken: null };
  }
}
