// MikroORM 7 bootstrap for a service's own PostgreSQL database. Migrations are passed as classes
// (`migrationsList`) rather than discovered from files, so they load under Node 24 type stripping
// without a TypeScript loader, and run before the service accepts requests.
import type { Constructor, EntitySchema, LogContext, Logger as OrmLogger, LoggerNamespace, MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { applyAuditSchema, AuditEntry, AuditSubscriber } from './audit.ts';

export type Orm = MikroORM;
export type { EntityManager } from '@mikro-orm/postgresql';
export { Migration };

export interface CreateOrmOptions {
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: ReadonlyArray<EntitySchema<any, any>>;
  /**
   * In order. `renamedFrom`: the name a database migrated before a rename recorded for this migration;
   * createOrm rewrites it to `name` before migrating, so the renamed migration is not run twice.
   */
  migrations: ReadonlyArray<(MigrationObject & { renamedFrom?: string }) | Constructor<Migration>>;
  logger: Logger;
  /** Log every SQL statement at debug level. */
  debug?: boolean;
  /** Called with every SQL statement the ORM sends (tests count statements with it). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
}

/** Routes MikroORM's log lines into the service's pino logger. */
function ormLoggerFactory(logger: Logger, debug: boolean, onQuery: ((sql: string) => void) | undefined) {
  return (): OrmLogger => ({
    log: (namespace, message) => logger.debug({ namespace }, message),
    warn: (namespace, message) => logger.warn({ namespace }, message),
    error: (namespace, message) => logger.error({ namespace }, message),
    logQuery: (context: LogContext) => {
      if (context.query !== undefined) onQuery?.(context.query);
      if (debug) logger.debug({ sql: context.query, tookMs: context.took }, 'sql');
    },
    setDebugMode: () => {},
    isEnabled: (namespace: LoggerNamespace, context?: LogContext) =>
      context?.enabled === true || (namespace === 'query' && (debug || onQuery !== undefined)),
  });
}

export async function createOrm(options: CreateOrmOptions): Promise<Orm> {
  const debug = options.debug ?? false;
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    entities: [...options.entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: [...options.migrations],
      snapshot: false,
      snapshotOnMigrate: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    debug: debug || options.onQuery !== undefined ? ['query'] : false,
    loggerFactory: ormLoggerFactory(options.logger, debug, options.onQuery),
    pool: { max: options.poolMax ?? 10 },
    // Triggers and SQL functions are written by hand in migrations (personnel's headcount summaries); the
    // entities describe tables, columns, keys, indexes and checks, and the schema diff tests compare those.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    // Entities are defined with `defineEntity`; nothing to reflect, and a missing one must fail loudly.
    discovery: { warnWhenNoEntities: true },
    // A service that keeps the audit table (auditEntities) audits every flush made inside a mutation.
    subscribers: options.entities.includes(AuditEntry) ? [new AuditSubscriber()] : [],
  });
  try {
    await renameRecordedMigrations(orm, options.migrations);
    const applied = await orm.migrator.up();
    if (applied.length > 0) options.logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    // A database migrated before the audit trail's last change is upgraded in place, and tables created by
    // migrations after the audit trail's get its row trigger too (audit.ts).
    if (options.entities.includes(AuditEntry)) await orm.em.fork().transactional((em) => applyAuditSchema(em));
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

/**
 * MikroORM records each executed migration by its `name` in its migrations table and runs every listed
 * name it has not recorded. A migration renamed in code (issue 9: one naming, `Migration0001Schema`)
 * would look new to a database migrated before, so its recorded old name is rewritten first, in one
 * statement per rename; on a fresh database (no table yet) there is nothing to rewrite.
 */
async function renameRecordedMigrations(orm: Orm, migrations: CreateOrmOptions['migrations']): Promise<void> {
  const renames = migrations.flatMap((entry) => ('renamedFrom' in entry && entry.renamedFrom ? [{ from: entry.renamedFrom, to: entry.name }] : []));
  if (renames.length === 0) return;
  const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  const connection = orm.em.getConnection();
  const [found] = await connection.execute<{ present: boolean }[]>('select to_regclass(?) is not null as present', [table]);
  if (!found?.present) return;
  for (const { from, to } of renames) {
    await connection.execute(`update ${quoteIdentifier(table)} set name = ? where name = ?`, [to, from]);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `work` with a client on the server's `postgres` database, given the name of the database in `databaseUrl`. */
async function withServerClient<T>(databaseUrl: string, work: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (name === '') throw new Error(`DATABASE_URL has no database name: ${url.host}`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `databaseUrl` when it is missing, connecting to the server's `postgres` db. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await withServerClient(databaseUrl, async (client, name) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount !== 0) return;
    try {
      await client.query(`create database ${quoteIdentifier(name)}`);
    } catch (error) {
      // Another process (a second replica, a parallel test) created it first.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
}

/** Drops a database (tests only), disconnecting anyone still attached. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await withServerClient(databaseUrl, (client, name) =>
    client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`),
  );
}
