// Personnel's bulk path: loads generated org units, positions and employees straight into this
// service's tables with set-based SQL (one INSERT … SELECT FROM unnest(…) per table), one
// transaction per batch. Used by the dataset generator (tools/seed) and by `cli.ts`.
//
// Idempotent: ids are stable (derived from unit paths and NIPs), every insert is
// `ON CONFLICT DO NOTHING`, so re-running the same seed adds nothing.
//
// Headcounts (region_headcount, unit_headcount) follow in the same transaction without a line here:
// the employee insert's statement trigger (migrations/Migration0003HeadcountSummary.ts) adds exactly
// the rows the statement inserted (its NEW TABLE leaves out the rows ON CONFLICT skipped), as one
// grouped upsert per batch, so a re-run adds nothing to the summaries either.
//
// No outbox rows are written: a bulk load is not a business event, and a million HIRED events
// would only rebuild read models the other services load from the same generated dataset through
// their own bulk paths (competency: services/competency/src/bulk). The outbox keeps holding only
// the events of real changes made through the API.
import type { EmploymentType, Gender } from '../domain/vocabulary.ts';
import type { SqlClient } from './sql-client.ts';

export interface BulkOrgUnit {
  id: string;
  name: string;
  parentId: string | null;
  instansiId: string;
  regionCode: string;
}

export interface BulkPosition {
  id: string;
  title: string;
  jenisJabatan: string;
  kelasJabatan: number;
}

export interface BulkEmployee {
  id: string;
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  /** TMT CPNS (PNS) or contract start (PPPK), YYYY-MM-DD. */
  tmt: string;
  employmentType: EmploymentType;
  golongan: string;
  positionId: string;
  unitId: string;
  regionCode: string;
  supervisorId: string | null;
}

export interface PersonnelBatch {
  units: readonly BulkOrgUnit[];
  positions: readonly BulkPosition[];
  employees: readonly BulkEmployee[];
}

export interface PersonnelBatchResult {
  units: number;
  positions: number;
  employees: number;
}

const column = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((row) => row[key]);

/**
 * Writes one batch in one transaction. Foreign keys inside a batch (unit → parent, employee →
 * supervisor) are checked at the end of each statement, so the order of rows does not matter; a
 * batch must carry every unit and supervisor its employees reference unless they are already loaded.
 */
export async function loadPersonnelBatch(db: SqlClient, batch: PersonnelBatch): Promise<PersonnelBatchResult> {
  await db.query('begin');
  try {
    const units = await db.query(
      `insert into org_unit (id, name, region_code, parent_id, instansi_id)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[])
       on conflict do nothing`,
      [
        column(batch.units, 'id'),
        column(batch.units, 'name'),
        column(batch.units, 'regionCode'),
        column(batch.units, 'parentId'),
        column(batch.units, 'instansiId'),
      ],
    );
    const positions = await db.query(
      `insert into position (id, title, jenis_jabatan, kelas_jabatan)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::int[])
       on conflict do nothing`,
      [
        column(batch.positions, 'id'),
        column(batch.positions, 'title'),
        column(batch.positions, 'jenisJabatan'),
        column(batch.positions, 'kelasJabatan'),
      ],
    );
    const employees = await db.query(
      `insert into employee (id, nip, name, gender, birth_date, tmt_cpns, employment_type, golongan,
                             position_id, unit_id, region_code, supervisor_id)
       select * from unnest($1::uuid[], $2::char(18)[], $3::text[], $4::text[], $5::date[], $6::date[],
                            $7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::text[], $12::uuid[])
       on conflict do nothing`,
      [
        column(batch.employees, 'id'),
        column(batch.employees, 'nip'),
        column(batch.employees, 'name'),
        column(batch.employees, 'gender'),
        column(batch.employees, 'birthDate'),
        column(batch.employees, 'tmt'),
        column(batch.employees, 'employmentType'),
        column(batch.employees, 'golongan'),
        column(batch.employees, 'positionId'),
        column(batch.employees, 'unitId'),
        column(batch.employees, 'regionCode'),
        column(batch.employees, 'supervisorId'),
      ],
    );
    await db.query('commit');
    return { units: units.rowCount ?? 0, positions: positions.rowCount ?? 0, employees: employees.rowCount ?? 0 };
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}
