// Counts the SQL statements an operation costs each subgraph, from its own database's statistics.
// Preferred: pg_stat_statements (exact calls per statement, updated at once). It needs the library
// in shared_preload_libraries, which a shared development server may not have; then the fallback is
// pg_stat_database.xact_commit (every statement outside an explicit transaction is one transaction)
// plus table scans from pg_stat_user_tables, both published by backends up to a second or more after
// they go idle, so the probe waits until the counters settle and subtracts an idle baseline (the
// outbox relay polls meanwhile; its tables are left out of the scan count).
import pg from 'pg';
import type { SqlCountMethod } from './report.ts';

const IGNORED_TABLES = ['outbox_event', 'processed_event'];

export interface SqlSample {
  statements: number;
  scans: number;
  /** pg_stat_statements only (0 otherwise): rows the statements returned and shared buffers they touched. */
  rows: number;
  blocks: number;
  /**
   * pg_stat_statements only: when its statistics were last reset and how often entries were evicted. A
   * shared server's other users reset them (a bench of theirs) or evict entries (over
   * pg_stat_statements.max): a count across such a change is not a count.
   */
  epoch: string;
}

export class SqlCounter {
  readonly subgraph: string;
  method: SqlCountMethod = 'unavailable';
  private readonly client: pg.Client;

  private constructor(subgraph: string, client: pg.Client) {
    this.subgraph = subgraph;
    this.client = client;
  }

  static async open(subgraph: string, databaseUrl: string): Promise<SqlCounter> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const counter = new SqlCounter(subgraph, client);
    try {
      await client.query('create extension if not exists pg_stat_statements');
      await client.query('select 1 from pg_stat_statements limit 1');
      counter.method = 'pg_stat_statements';
    } catch {
      counter.method = 'pg_stat_database.xact_commit';
    }
    return counter;
  }

  async sample(): Promise<SqlSample> {
    const scans = await this.client.query(
      `select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::bigint as n from pg_stat_user_tables where relname <> all($1)`,
      [IGNORED_TABLES],
    );
    let statements: number;
    let rows = 0;
    let blocks = 0;
    let epoch = '';
    if (this.method === 'pg_stat_statements') {
      const info = await this.client.query('select dealloc::text as dealloc, stats_reset::text as reset from pg_stat_statements_info');
      epoch = `${info.rows[0]?.reset ?? ''}|${info.rows[0]?.dealloc ?? ''}`;
      const result = await this.client.query(
        `select coalesce(sum(calls), 0)::bigint as n, coalesce(sum(s.rows), 0)::bigint as rows,
           coalesce(sum(s.shared_blks_hit + s.shared_blks_read), 0)::bigint as blocks from pg_stat_statements s
         join pg_database d on d.oid = s.dbid
         where d.datname = current_database() and s.query !~* '(outbox_event|processed_event|pg_stat|pg_database)'`,
      );
      statements = Number(result.rows[0].n);
      rows = Number(result.rows[0].rows);
      blocks = Number(result.rows[0].blocks);
    } else {
      // A snapshot taken in this session would be cached for the transaction; autocommit reads are fresh.
      const result = await this.client.query(
        'select (xact_commit + xact_rollback)::bigint as n from pg_stat_database where datname = current_database()',
      );
      statements = Number(result.rows[0].n);
    }
    return { statements, scans: Number(scans.rows[0].n), rows, blocks, epoch };
  }

  /** Samples until two readings half a second apart agree (statistics are published asynchronously). */
  async settledSample(maxWaitMs = 12_000): Promise<SqlSample> {
    if (this.method === 'pg_stat_statements') return this.sample();
    const started = Date.now();
    let previous = await this.sample();
    await new Promise((r) => setTimeout(r, 1200));
    for (;;) {
      const current = await this.sample();
      if ((current.scans === previous.scans && current.statements - previous.statements <= 2) || Date.now() - started > maxWaitMs) return current;
      previous = current;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/**
 * Statements and table scans per operation for each counter: runs `operation` `repetitions` times
 * one after another, and subtracts what the same wait costs with no operation at all.
 */
export async function countPerOperation(
  counters: readonly SqlCounter[],
  operation: () => Promise<void>,
  repetitions: number,
): Promise<{ subgraph: string; method: SqlCountMethod; statements: number | null; scans: number | null; rows: number | null; blocks: number | null }[]> {
  const settle = () => Promise.all(counters.map((c) => c.settledSample()));
  const idleStart = await settle();
  const idleEnd = await settle();
  const start = await settle();
  for (let i = 0; i < repetitions; i++) await operation();
  const end = await settle();
  return counters.map((counter, i) => {
    // Our own sampling queries and background pollers show up in the idle window too.
    const idleStatements = (idleEnd[i] as SqlSample).statements - (idleStart[i] as SqlSample).statements;
    const idleScans = (idleEnd[i] as SqlSample).scans - (idleStart[i] as SqlSample).scans;
    const statements = (end[i] as SqlSample).statements - (start[i] as SqlSample).statements - idleStatements;
    const scans = (end[i] as SqlSample).scans - (start[i] as SqlSample).scans - idleScans;
    const delta = (field: 'rows' | 'blocks') =>
      (end[i] as SqlSample)[field] - (start[i] as SqlSample)[field] - ((idleEnd[i] as SqlSample)[field] - (idleStart[i] as SqlSample)[field]);
    const exact = counter.method === 'pg_stat_statements';
    const per = (n: number) => Math.max(0, Math.round((n / repetitions) * 10) / 10);
    return {
      subgraph: counter.subgraph,
      method: counter.method,
      statements: counter.method === 'unavailable' ? null : per(statements),
      scans: per(scans),
      rows: exact ? per(delta('rows')) : null,
      blocks: exact ? per(delta('blocks')) : null,
    };
  });
}
