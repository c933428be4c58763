// Read-side SQL for employees. Scoping is applied here, in SQL, for every read path (lists, single
// reads, federation references, nested supervisor/subordinates), so no resolver can forget it.
import type { EntityManager } from '@kinerja/kit/db';
import { escapeLike, regionSql, visibleEmployeesSql as visibleRowsSql, type EmployeeTable, type SqlFragment } from '@kinerja/kit/scoping';
import type { EmployeeVisibility } from '../domain/visibility.ts';
import type { EmployeeStatus, EmploymentType, Gender, JenisJabatan } from '../domain/vocabulary.ts';

export interface EmployeeRow {
  id: string;
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  tmtCpns: string | null;
  employmentType: EmploymentType;
  golongan: string;
  status: EmployeeStatus;
  positionId: string;
  unitId: string;
  regionCode: string;
  supervisorId: string | null;
  /** SIASN's person id, kept by the SIASN import (Migration0004SiasnIds). */
  siasnId: string | null;
}

export const employeeColumns = `e.id, e.nip, e.name, e.gender,
  to_char(e.birth_date, 'YYYY-MM-DD') as "birthDate", to_char(e.tmt_cpns, 'YYYY-MM') as "tmtCpns",
  e.employment_type as "employmentType", e.golongan, e.status, e.position_id as "positionId",
  e.unit_id as "unitId", e.region_code as "regionCode", e.supervisor_id as "supervisorId", e.siasn_id as "siasnId"`;

export type { SqlFragment };

const employeeTable: EmployeeTable = { table: 'employee', alias: 'e', id: 'id', nip: 'nip', supervisorId: 'supervisor_id', regionCode: 'region_code' };

/** The rows of `employee e` the viewer may see, as one SQL predicate. */
export function visibleEmployeesSql(visibility: EmployeeVisibility): SqlFragment {
  // Only the viewer's own direct supervisor (domain/visibility.ts): one level up, never the chain.
  const ownSupervisor: SqlFragment[] =
    visibility.supervisorOfNip === null
      ? []
      : [{ sql: 'e.id = (select own.supervisor_id from employee own where own.nip = ?)', params: [visibility.supervisorOfNip] }];
  return visibleRowsSql(visibility, employeeTable, ownSupervisor);
}

export async function findVisibleEmployeesBy(
  em: EntityManager,
  visibility: EmployeeVisibility,
  column: 'id' | 'nip' | 'supervisor_id',
  keys: readonly string[],
): Promise<EmployeeRow[]> {
  if (keys.length === 0) return [];
  const scope = visibleEmployeesSql(visibility);
  const statusFilter = column === 'supervisor_id' ? " and e.status = 'ACTIVE'" : '';
  return em.execute<EmployeeRow[]>(
    `select ${employeeColumns} from employee e where e.${column} in (?)${statusFilter} and ${scope.sql} order by e.name, e.id`,
    [keys, ...scope.params],
  );
}

export interface EmployeeListFilter {
  regionCode?: string | null;
  unitId?: string | null;
  jenisJabatan?: JenisJabatan | null;
  golongan?: string | null;
  search?: string | null;
  status?: EmployeeStatus | null;
}

export function employeeFilterSql(visibility: EmployeeVisibility, filter: EmployeeListFilter): SqlFragment {
  const parts: SqlFragment[] = [visibleEmployeesSql(visibility)];
  parts.push({ sql: 'e.status = ?', params: [filter.status ?? 'ACTIVE'] });
  if (filter.regionCode) parts.push(regionSql('e.region_code', filter.regionCode));
  if (filter.unitId) parts.push({ sql: 'e.unit_id = ?', params: [filter.unitId] });
  if (filter.golongan) parts.push({ sql: 'e.golongan = ?', params: [filter.golongan] });
  if (filter.jenisJabatan) {
    parts.push({ sql: 'e.position_id in (select p.id from position p where p.jenis_jabatan = ?)', params: [filter.jenisJabatan] });
  }
  if (filter.search) {
    const term = escapeLike(filter.search.trim());
    parts.push({ sql: '(e.name ilike ? or e.nip like ?)', params: [`%${term}%`, `${term}%`] });
  }
  return { sql: parts.map((p) => p.sql).join(' and '), params: parts.flatMap((p) => p.params) };
}

export interface EmployeePage {
  rows: EmployeeRow[];
  hasNextPage: boolean;
}

/**
 * Keyset pagination on (name, id): the page costs the same at offset 0 and at offset 100 000.
 * The total is not counted here: repositories/employee-count.ts does that, only when a client asks.
 */
export async function listEmployees(
  em: EntityManager,
  visibility: EmployeeVisibility,
  filter: EmployeeListFilter,
  first: number,
  after: { name: string; id: string } | null,
): Promise<EmployeePage> {
  const where = employeeFilterSql(visibility, filter);
  const keyset: SqlFragment = after ? { sql: ' and (e.name, e.id) > (?, ?)', params: [after.name, after.id] } : { sql: '', params: [] };
  const rows = await em.execute<EmployeeRow[]>(
    `select ${employeeColumns} from employee e where ${where.sql}${keyset.sql} order by e.name, e.id limit ?`,
    [...where.params, ...keyset.params, first + 1],
  );
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** What Query.employees hands to EmployeeConnection: the page, and what totalCount would count if selected. */
export interface EmployeeConnectionParent {
  edges: { cursor: string; node: EmployeeRow }[];
  nodes: EmployeeRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** null when the viewer sees nothing (totalCount 0 without a statement). */
  countOf: { visibility: EmployeeVisibility; filter: EmployeeListFilter } | null;
}
