// The query side of the audit trail (audit.ts). Federation refuses one root field resolved by several
// subgraphs unless it resolves identically everywhere, and each subgraph can only read its own audit
// table, so every subgraph exposes its own root field `<service>AuditLog` (personnelAuditLog, …) with the
// same shareable types (`auditLogSdl`): a page of that subgraph's entries, newest first, for the
// `auditor` role (and a national admin-kepegawaian), limited to the entries of regions the viewer covers.
import { hasRole, type Viewer } from './auth.ts';
import type { EntityManager } from './db.ts';
import { badUserInput, forbidden } from './errors.ts';
import { assertViewerCovers, isNationalViewer, isRegionCode, regionSql, type SqlFragment } from './scoping.ts';

export const AUDIT_DEFAULT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 200;

/** The root field of `service`'s audit log. */
export const auditLogField = (service: string): string => `${service}AuditLog`;

/**
 * The types every subgraph's schema.graphql repeats word for word (the audit test checks it), plus the
 * root field of the service. `withPageLimit`: the schema links the limits spec (`@pageLimit`).
 */
export function auditLogSdl(service: string, withPageLimit: boolean): string {
  const pageLimit = withPageLimit ? ` @pageLimit(max: ${AUDIT_MAX_PAGE_SIZE})` : '';
  return `extend type Query {
  "This subgraph's audit trail, newest first: auditor (or national admin-kepegawaian), entries of regions the caller covers."
  ${auditLogField(service)}(filter: AuditLogFilter, first: Int = ${AUDIT_DEFAULT_PAGE_SIZE}, after: String): AuditEntryPage!
    @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)${pageLimit}
}

"One write: who, when, what (before and after, JSON), why, by which operation and request; chained by hash."
type AuditEntry @shareable {
  id: ID!
  seq: String!
  occurredAt: String!
  actorSubject: String!
  actorUsername: String!
  actorRoles: [String!]! @listSize(assumedSize: 8)
  actorRegion: String
  regionCode: String
  operation: String!
  requestId: String!
  reason: String
  entityType: String!
  entityId: String
  action: String!
  before: String
  after: String
  prevHash: String!
  hash: String!
}

type AuditEntryPage @shareable {
  nodes: [AuditEntry!]!
  "Pass as after for the next (older) page; null on the last page."
  endCursor: String
  hasNextPage: Boolean!
}

input AuditLogFilter {
  "A region the caller covers; its entries and those of the regions below it."
  regionCode: String
  entityType: String
  entityId: String
  actorUsername: String
  operation: String
  requestId: String
  "ISO 8601 instants, inclusive from, exclusive to."
  from: String
  to: String
}`;
}

export interface AuditLogFilter {
  regionCode?: string | null | undefined;
  entityType?: string | null | undefined;
  entityId?: string | null | undefined;
  actorUsername?: string | null | undefined;
  operation?: string | null | undefined;
  requestId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}

export interface AuditLogArgs {
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export interface AuditEntryShape {
  id: string;
  seq: string;
  occurredAt: string;
  actorSubject: string;
  actorUsername: string;
  actorRoles: string[];
  actorRegion: string | null;
  regionCode: string | null;
  operation: string;
  requestId: string;
  reason: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditEntryPageShape {
  nodes: AuditEntryShape[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** FORBIDDEN unless the viewer is an auditor or a national admin-kepegawaian. */
function assertMayReadAudit(viewer: Viewer): string {
  const allowed = hasRole(viewer, 'auditor') || (hasRole(viewer, 'admin-kepegawaian') && isNationalViewer(viewer));
  if (!allowed || viewer.regionCode === null) {
    throw forbidden('Log audit hanya untuk auditor atau admin kepegawaian nasional', 'missing_role');
  }
  return viewer.regionCode;
}

function instant(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(Date.parse(value))) throw badUserInput(`${field} harus waktu ISO 8601`, 'invalid_instant', { field });
  return new Date(value).toISOString();
}

/** The `<service>AuditLog` resolver: one page of the subgraph's audit_entry, newest first. */
export async function readAuditLog(ctx: { viewer: Viewer; em: EntityManager }, args: AuditLogArgs): Promise<AuditEntryPageShape> {
  const scope = assertMayReadAudit(ctx.viewer);
  const first = args.first ?? AUDIT_DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > AUDIT_MAX_PAGE_SIZE) {
    throw badUserInput(`first harus 1–${AUDIT_MAX_PAGE_SIZE}`, 'invalid_page_size', { field: 'first' });
  }
  if (args.after !== null && args.after !== undefined && !/^\d{1,18}$/.test(args.after)) {
    throw badUserInput('Kursor after tidak sah', 'invalid_cursor', { field: 'after' });
  }
  const filter = args.filter ?? {};
  const conditions: SqlFragment[] = [];
  // Entries without a region (a viewer without one changed a record without one) are national only.
  conditions.push(isNationalViewer(ctx.viewer) ? { sql: 'true', params: [] } : regionSql('e.region_code', scope));
  if (filter.regionCode !== null && filter.regionCode !== undefined) {
    if (!isRegionCode(filter.regionCode)) throw badUserInput('Kode wilayah tidak sah', 'invalid_region_code', { field: 'regionCode' });
    assertViewerCovers(ctx.viewer, filter.regionCode);
    conditions.push(regionSql('e.region_code', filter.regionCode));
  }
  const equal = (column: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined) conditions.push({ sql: `${column} = ?`, params: [value] });
  };
  equal('e.entity_type', filter.entityType);
  equal('e.entity_id', filter.entityId);
  equal('e.actor_username', filter.actorUsername);
  equal('e.operation', filter.operation);
  equal('e.request_id', filter.requestId);
  const from = instant(filter.from, 'from');
  const to = instant(filter.to, 'to');
  if (from !== null) conditions.push({ sql: 'e.occurred_at >= ?', params: [from] });
  if (to !== null) conditions.push({ sql: 'e.occurred_at < ?', params: [to] });
  if (args.after) conditions.push({ sql: 'e.seq < ?', params: [args.after] });
  const rows = await ctx.em.execute<
    {
      id: string; seq: string; occurred_at: Date; actor_subject: string; actor_username: string; actor_roles: string[];
      actor_region: string | null; region_code: string | null; operation: string; request_id: string; reason: string | null;
      entity_type: string; entity_id: string | null; action: string; before: string | null; after: string | null;
      prev_hash: string | null; hash: string | null;
    }[]
  >(
    `select e.id, e.seq::text as seq, e.occurred_at, e.actor_subject, e.actor_username, e.actor_roles, e.actor_region,
            e.region_code, e.operation, e.request_id, e.reason, e.entity_type, e.entity_id, e.action,
            e.before::text as before, e.after::text as after, e.prev_hash, e.hash
       from "audit_entry" e
      where ${conditions.map((c) => c.sql).join(' and ')}
      order by e.seq desc
      limit ?`,
    [...conditions.flatMap((c) => c.params), first + 1],
  );
  const page = rows.slice(0, first);
  return {
    nodes: page.map((row) => ({
      id: row.id,
      seq: row.seq,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorSubject: row.actor_subject,
      actorUsername: row.actor_username,
      actorRoles: row.actor_roles,
      actorRegion: row.actor_region,
      regionCode: row.region_code,
      operation: row.operation,
      requestId: row.request_id,
      reason: row.reason,
      entityType: row.entity_type,
      entityId: row.entity_id,
      action: row.action,
      before: row.before,
      after: row.after,
      prevHash: row.prev_hash ?? '',
      hash: row.hash ?? '',
    })),
    endCursor: rows.length > first ? (page.at(-1)?.seq ?? null) : null,
    hasNextPage: rows.length > first,
  };
}
