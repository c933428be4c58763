// The configurable tables' versions (a handful of rows per instansi); the domain picks the one in force.
import type { EntityManager } from '@kinerja/kit/db';
import type { ConfigurationKind, ConfigurationKinds } from '../domain/configuration-kinds.ts';
import { versionInForce } from '../domain/configuration-in-force.ts';

/** The national default's versions of `kind` and the instansi's own. */
export async function findConfigurationVersions<K extends ConfigurationKind>(em: EntityManager, kind: K, instansiIds: readonly (string | null)[]): Promise<ConfigurationKinds[K][]> {
  const ids = instansiIds.filter((id): id is string => id !== null);
  const rows = await em.execute<{ instansiId: string | null; effectiveFrom: string | Date; value: Record<string, unknown> }[]>(
    `select instansi_id as "instansiId", effective_from as "effectiveFrom", value from configuration_version
     where kind = ? and (instansi_id is null${ids.length > 0 ? ' or instansi_id in (?)' : ''})`,
    ids.length > 0 ? [kind, ids] : [kind],
  );
  return rows.map((row) => ({ ...row.value, instansiId: row.instansiId, effectiveFrom: isoDateOf(row.effectiveFrom) }) as unknown as ConfigurationKinds[K]);
}

/** The version of `kind` in force for the instansi on the date; the migration seeds a national default for every kind. */
export async function configurationInForce<K extends ConfigurationKind>(em: EntityManager, kind: K, instansiId: string | null, onDate: string): Promise<ConfigurationKinds[K]> {
  return inForce(kind, await findConfigurationVersions(em, kind, [instansiId]), instansiId, onDate);
}

/** The version in force among `versions` (findConfigurationVersions'); none is a server fault. */
export function inForce<K extends ConfigurationKind>(kind: K, versions: readonly ConfigurationKinds[K][], instansiId: string | null, onDate: string): ConfigurationKinds[K] {
  const version = versionInForce(versions, instansiId, onDate);
  if (version === null) throw new Error(`no ${kind} in force on ${onDate} (the first migration seeds the national default)`);
  return version;
}

/** PostgreSQL `date` as YYYY-MM-DD whether the driver gives a string or a Date (local midnight). */
export function isoDateOf(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export interface ConfigurationVersionRow {
  id: string;
  kind: ConfigurationKind;
  instansiId: string | null;
  effectiveFrom: string;
  value: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

/** Every version of `kind` an instansi's rules come from (the national default's and its own), oldest first: the rule's history. */
export async function findConfigurationHistory(em: EntityManager, kind: ConfigurationKind, instansiId: string | null): Promise<ConfigurationVersionRow[]> {
  const rows = await em.execute<(Omit<ConfigurationVersionRow, 'effectiveFrom' | 'createdAt'> & { effectiveFrom: string | Date; createdAt: string | Date })[]>(
    `select id, kind, instansi_id as "instansiId", effective_from as "effectiveFrom", value, created_by as "createdBy", created_at as "createdAt"
     from configuration_version where kind = ? and (instansi_id is null or instansi_id = ?) order by effective_from, instansi_id nulls first`,
    [kind, instansiId],
  );
  return rows.map((row) => ({ ...row, effectiveFrom: isoDateOf(row.effectiveFrom), createdAt: new Date(row.createdAt).toISOString() }));
}

/**
 * Serialises changes of one scope's versions (kind and instansi) for the rest of the transaction, then
 * returns the dates its versions are effective from.
 */
export async function lockConfigurationScope(em: EntityManager, kind: ConfigurationKind, instansiId: string | null): Promise<string[]> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`configuration:${kind}:${instansiId ?? ''}`]);
  const rows = await em.execute<{ effectiveFrom: string | Date }[]>(
    'select effective_from as "effectiveFrom" from configuration_version where kind = ? and instansi_id is not distinct from ?',
    [kind, instansiId],
  );
  return rows.map((row) => isoDateOf(row.effectiveFrom));
}

/**
 * How far the finalised results of a scope reach (all instansi for the national default, which any of them
 * may fall back to): the latest period end of a FINAL evaluation and the latest day (WIB) one was finalised.
 */
export async function finalisedReach(em: EntityManager, instansiId: string | null): Promise<{ latestFinalisedPeriodEnd: string | null; latestFinalisationDay: string | null }> {
  const [row] = await em.execute<{ periodEnd: string | Date | null; finalisedDay: string | Date | null }[]>(
    `select max(period_end) as "periodEnd", max((finalised_at at time zone 'Asia/Jakarta')::date) as "finalisedDay"
     from evaluation where status = 'FINAL' and (?::text is null or instansi_id = ?)`,
    [instansiId, instansiId],
  );
  return {
    latestFinalisedPeriodEnd: row?.periodEnd ? isoDateOf(row.periodEnd) : null,
    latestFinalisationDay: row?.finalisedDay ? isoDateOf(row.finalisedDay) : null,
  };
}
