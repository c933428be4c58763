// Who may see what, in one place for every subgraph (DESIGN.md "Identity and scoping", issue 9):
// - the national region code `ID`, the shape of a Kemendagri code, and the region rule: a scope covers a
//   code when the code is the scope or lies below it on whole segments ('32' covers '32.15', not '320');
// - that rule as a SQL fragment (LIKE-escaped), so lists are filtered in the database, never in memory;
// - the role sets per kind of access;
// - the one rule for what an `atasan` sees: everyone below them in the supervisor chain, direct and
//   indirect, as a recursive SQL predicate over the service's employee table (personnel's own table, or
//   another service's read model of personnel.employee.v1).
// Nothing else in the repository implements a region prefix match; services call these.
import { forbidden } from './errors.ts';
import type { Role, Viewer } from './auth.ts';

/** The national region code (DOMAIN.md "Region codes"): it covers every other code. */
export const NATIONAL_REGION_CODE = 'ID';

// `ID`, a province `32`, a regency/city `32.15`, and deeper two-digit segments (kecamatan `32.15.01`).
const regionCodePattern = /^(ID|\d{2}(\.\d{2}){0,3})$/;

/** True for a well-formed Kemendagri code (`ID`, `32`, `32.15`, …); says nothing about whether it exists. */
export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && regionCodePattern.test(value);
}

/** True when a viewer scoped to `scope` may see something located in `code`. */
export function regionCovers(scope: string, code: string): boolean {
  if (scope === NATIONAL_REGION_CODE) return true;
  return code === scope || code.startsWith(`${scope}.`);
}

/** An empty or missing code is national (`ID`). */
export function normaliseRegionCode(code: string | null | undefined): string {
  const trimmed = (code ?? '').trim();
  return trimmed === '' ? NATIONAL_REGION_CODE : trimmed;
}

/**
 * Every region a count located in `code` rolls up into, national first: `32.15` → [`ID`, `32`, `32.15`];
 * `ID` → [`ID`]. Summaries stored at each of these make a read of any region one row (O(regions)).
 */
export function regionAncestors(code: string): string[] {
  const normalised = normaliseRegionCode(code);
  if (normalised === NATIONAL_REGION_CODE) return [NATIONAL_REGION_CODE];
  const segments = normalised.split('.');
  return [NATIONAL_REGION_CODE, ...segments.map((_, index) => segments.slice(0, index + 1).join('.'))];
}

/**
 * The longest region both codes lie in, on whole segments: (`32.15`, `32.16`) → `32`; (`32.15`, `36`) → `ID`.
 * An org unit's or instansi's scope is the common region of everyone in it, so a viewer sees its summary
 * only when the whole of it lies in the viewer's region.
 */
export function commonRegionPrefix(a: string, b: string): string {
  const left = normaliseRegionCode(a);
  const right = normaliseRegionCode(b);
  if (left === NATIONAL_REGION_CODE || right === NATIONAL_REGION_CODE) return NATIONAL_REGION_CODE;
  const leftSegments = left.split('.');
  const rightSegments = right.split('.');
  const shared: string[] = [];
  for (let i = 0; i < Math.min(leftSegments.length, rightSegments.length) && leftSegments[i] === rightSegments[i]; i += 1) {
    shared.push(leftSegments[i] as string);
  }
  return shared.length === 0 ? NATIONAL_REGION_CODE : shared.join('.');
}

/** A piece of SQL with positional `?` parameters (MikroORM's `em.execute` style). */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Escapes `\`, `%` and `_` so a value is matched literally inside a LIKE pattern (PostgreSQL's default escape `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` restricted to the region `scope` covers: `true` for national, else the exact code or a code
 * below it. The `=`/`LIKE 'prefix.%'` pair uses a text_pattern_ops index on the column.
 */
export function regionSql(column: string, scope: string): SqlFragment {
  if (scope === NATIONAL_REGION_CODE) return { sql: 'true', params: [] };
  return { sql: `(${column} = ? or ${column} like ?)`, params: [scope, `${escapeLike(scope)}.%`] };
}

/**
 * SQL: the region held in `scopeColumn` covers the code held in `codeColumn` (both columns, e.g. a
 * catalogue entry's region and an employee's). Stored codes are validated, but `starts_with` still
 * takes the stored value literally (no LIKE wildcards to escape).
 */
export function regionCoversSql(scopeColumn: string, codeColumn: string): string {
  return `(${scopeColumn} = '${NATIONAL_REGION_CODE}' or ${codeColumn} = ${scopeColumn} or starts_with(${codeColumn}, ${scopeColumn} || '.'))`;
}

// Role sets per kind of access (docs/conventions.md realm roles). Roles add up.
/** See every employee (and their records in every service) in their region prefix. Their token must carry a valid region_code. */
export const regionReaderRoles: readonly Role[] = ['analis', 'pimpinan', 'perencana-diklat', 'auditor', 'admin-kepegawaian', 'asesor'];
/** Change employees, units and positions in their region (personnel). */
export const personnelAdminRoles: readonly Role[] = ['admin-kepegawaian'];
/** Plan training: training-need lists, totals and the CSV export (competency). */
export const trainingPlannerRoles: readonly Role[] = ['perencana-diklat', 'admin-kepegawaian', 'analis', 'pimpinan', 'auditor'];
/** Run competency assessments: accredited assessors and HR admins (Peraturan BKN 26/2019). */
export const assessorRoles: readonly Role[] = ['admin-kepegawaian', 'asesor'];
/** Set competency standards and mapping rules: personnel policy of an instansi. */
export const standardSetterRoles: readonly Role[] = ['admin-kepegawaian'];
/** Keep the diklat catalogue: the training unit and HR. */
export const programmeKeeperRoles: readonly Role[] = ['admin-kepegawaian', 'perencana-diklat'];
/** See everyone below them in the supervisor chain. */
export const supervisorRoles: readonly Role[] = ['atasan'];

function hasAny(roles: ReadonlySet<Role>, wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.has(role));
}

/** The token's roles include one that sees a whole region (so the token must name a valid region). */
export function hasRegionWideRole(roles: ReadonlySet<Role>): boolean {
  return hasAny(roles, regionReaderRoles);
}

/** True when the viewer's region (none for a viewer without one) covers `code`. */
export function viewerCovers(viewer: Pick<Viewer, 'regionCode'>, code: string): boolean {
  return viewer.regionCode !== null && regionCovers(viewer.regionCode, code);
}

/** FORBIDDEN `region_out_of_scope` unless the viewer's region covers `code`. */
export function assertViewerCovers(viewer: Pick<Viewer, 'regionCode'>, code: string): void {
  if (!viewerCovers(viewer, code)) throw forbidden(`Wilayah ${code} di luar cakupan Anda`, 'region_out_of_scope');
}

/** True for a viewer scoped to the whole country. */
export function isNationalViewer(viewer: Pick<Viewer, 'regionCode'>): boolean {
  return viewer.regionCode === NATIONAL_REGION_CODE;
}

/** Which employees a viewer sees; every service applies it with `visibleEmployeesSql`. */
export interface EmployeeAccess {
  /** Region prefix seen in full (region-wide roles; `ID` = all), or null. */
  region: string | null;
  /** NIP of the viewer's own record, or null. */
  selfNip: string | null;
  /** NIP of the atasan whose direct and indirect subordinates are seen, or null. */
  subordinatesOfNip: string | null;
}

/** pegawai: self; atasan: self and the whole chain below; region-wide roles: their region prefix. */
export function employeeAccess(viewer: Pick<Viewer, 'roles' | 'regionCode' | 'nip'>): EmployeeAccess {
  return {
    region: hasRegionWideRole(viewer.roles) ? viewer.regionCode : null,
    selfNip: viewer.nip,
    subordinatesOfNip: viewer.nip !== null && hasAny(viewer.roles, supervisorRoles) ? viewer.nip : null,
  };
}

/** Where a service keeps its employees: `table alias`, and the column names of id, NIP, supervisor id and region code. */
export interface EmployeeTable {
  table: string;
  alias: string;
  id: string;
  nip: string;
  supervisorId: string;
  regionCode: string;
}

/**
 * `alias.id` is below the atasan with `nip` in the supervisor chain (direct and indirect). UNION (not
 * UNION ALL) stops on a cycle in bad data. One statement whatever the depth of the chain.
 */
export function subordinatesSql(employees: EmployeeTable, atasanNip: string): SqlFragment {
  const { table, alias, id, nip, supervisorId } = employees;
  return {
    sql: `${alias}.${id} in (with recursive below(id) as (
        select c.${id} from ${table} c join ${table} boss on c.${supervisorId} = boss.${id} where boss.${nip} = ?
        union select c.${id} from ${table} c join below on c.${supervisorId} = below.id)
      select id from below)`,
    params: [atasanNip],
  };
}

/** The rows of the employee table the access grants, as one SQL predicate (`also`: service-specific grants, OR-ed in). */
export function visibleEmployeesSql(access: EmployeeAccess, employees: EmployeeTable, also: readonly SqlFragment[] = []): SqlFragment {
  const parts: SqlFragment[] = [];
  if (access.region !== null) parts.push(regionSql(`${employees.alias}.${employees.regionCode}`, access.region));
  if (access.selfNip !== null) parts.push({ sql: `${employees.alias}.${employees.nip} = ?`, params: [access.selfNip] });
  if (access.subordinatesOfNip !== null) parts.push(subordinatesSql(employees, access.subordinatesOfNip));
  parts.push(...also);
  if (parts.length === 0) return { sql: 'false', params: [] };
  return { sql: `(${parts.map((p) => p.sql).join(' or ')})`, params: parts.flatMap((p) => p.params) };
}
