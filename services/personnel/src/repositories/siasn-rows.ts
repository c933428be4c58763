// What our records say about the people and units of one instansi, in the terms a SIASN file uses (its
// ids), for the differences report (issue 15). One set-based statement per instansi: a regency has a few
// thousand employees and the report compares them all.
import type { EntityManager } from '@kinerja/kit/db';
import type { EmployeeStatus, EmploymentType, JenisJabatan } from '../domain/vocabulary.ts';

export interface SiasnComparisonRow {
  id: string;
  siasnId: string | null;
  nip: string;
  name: string;
  employmentType: EmploymentType;
  golongan: string;
  status: EmployeeStatus;
  positionTitle: string;
  jenisJabatan: JenisJabatan;
  kelasJabatan: number;
  unitSiasnId: string | null;
  unitName: string;
  supervisorSiasnId: string | null;
  supervisorNip: string | null;
}

export interface SiasnInstansiRow {
  id: string;
  name: string;
  regionCode: string;
}

/** The instansi (root unit) SIASN's instansi id was imported into; null before the first import. */
export async function findInstansiBySiasnId(em: EntityManager, siasnId: string): Promise<SiasnInstansiRow | null> {
  const rows = await em.execute<SiasnInstansiRow[]>(
    'select u.id, u.name, u.region_code as "regionCode" from org_unit u where u.siasn_id = ? and u.parent_id is null',
    [siasnId],
  );
  return rows[0] ?? null;
}

/** Every employee (active and retired) of the instansi, with unit and supervisor named by SIASN id and NIP. */
export async function siasnComparisonRows(em: EntityManager, instansiId: string): Promise<SiasnComparisonRow[]> {
  return em.execute<SiasnComparisonRow[]>(
    `select e.id, e.siasn_id as "siasnId", e.nip, e.name, e.employment_type as "employmentType", e.golongan, e.status,
            p.title as "positionTitle", p.jenis_jabatan as "jenisJabatan", p.kelas_jabatan as "kelasJabatan",
            u.siasn_id as "unitSiasnId", u.name as "unitName",
            s.siasn_id as "supervisorSiasnId", s.nip as "supervisorNip"
     from employee e
     join org_unit u on u.id = e.unit_id
     join position p on p.id = e.position_id
     left join employee s on s.id = e.supervisor_id
     where u.instansi_id = ?
     order by e.nip`,
    [instansiId],
  );
}

// What the SIASN import needs to decide a batch of rows, read in three statements per batch instead of
// about ten per row (commands/siasn-lookups.ts).

export interface SiasnUnitFacts {
  id: string;
  siasnId: string;
  regionCode: string;
  instansiId: string;
  /** Unit ids from the instansi down to this unit (as unitPathOf gives them for the event). */
  path: string[];
}

/** The units with these SIASN ids, each with its path from the instansi down. */
export async function siasnUnitsWithPaths(em: EntityManager, siasnIds: readonly string[]): Promise<SiasnUnitFacts[]> {
  if (siasnIds.length === 0) return [];
  return em.execute<SiasnUnitFacts[]>(
    `with recursive up(start, id, parent_id, depth) as (
       select u.id, u.id, u.parent_id, 0 from org_unit u where u.siasn_id in (?)
       union all select up.start, p.id, p.parent_id, up.depth + 1 from org_unit p join up on p.id = up.parent_id where up.depth < 100)
     select u.id, u.siasn_id as "siasnId", u.region_code as "regionCode", u.instansi_id as "instansiId",
            (select array_agg(up.id order by up.depth desc) from up where up.start = u.id) as path
     from org_unit u where u.siasn_id in (?)`,
    [siasnIds, siasnIds],
  );
}

export type SiasnEmployeeFacts = Pick<SiasnComparisonRow, 'id' | 'siasnId' | 'nip' | 'name' | 'employmentType' | 'golongan' | 'status'> & {
  positionId: string;
  unitId: string;
  regionCode: string;
  supervisorId: string | null;
};

/** The employees with one of these SIASN ids or NIPs (the rows of a batch and their supervisors). */
export async function siasnEmployeeFacts(em: EntityManager, siasnIds: readonly string[], nips: readonly string[]): Promise<SiasnEmployeeFacts[]> {
  if (siasnIds.length === 0 && nips.length === 0) return [];
  // `in (?)` needs a non-empty list: '' is no SIASN id and no NIP (the NIP check allows 18 digits only).
  return em.execute<SiasnEmployeeFacts[]>(
    `select e.id, e.siasn_id as "siasnId", e.nip, e.name, e.employment_type as "employmentType", e.golongan,
            e.position_id as "positionId", e.unit_id as "unitId", e.region_code as "regionCode",
            e.supervisor_id as "supervisorId", e.status
     from employee e where e.siasn_id in (?) or e.nip in (?)`,
    [siasnIds.length > 0 ? siasnIds : [''], nips.length > 0 ? nips : ['']],
  );
}

export interface SiasnPositionFacts {
  id: string;
  title: string;
  jenisJabatan: JenisJabatan;
  kelasJabatan: number;
}

/** The catalogue positions with one of these titles (every jenis and kelas). */
export async function siasnPositionFacts(em: EntityManager, titles: readonly string[]): Promise<SiasnPositionFacts[]> {
  if (titles.length === 0) return [];
  return em.execute<SiasnPositionFacts[]>(
    `select p.id, p.title, p.jenis_jabatan as "jenisJabatan", p.kelas_jabatan as "kelasJabatan" from position p where p.title in (?)`,
    [titles],
  );
}
