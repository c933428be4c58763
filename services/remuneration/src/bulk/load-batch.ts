// Remuneration's bulk path: the read models (employee, instansi scope, finalised predikat, closed
// attendance recaps) and each seeded instansi's TPP rule, from the generated dataset (tools/seed).
// Set-based SQL (INSERT … SELECT FROM unnest(…)), one transaction per batch.
//
// Why the read models are loaded here and not from the topics: the personnel, performance and
// attendance bulk paths write no outbox rows (a generated dataset is not a stream of business events),
// so remuneration loads what those events would have carried: EmployeeChanged's snapshot (with
// last_event_at = epoch, so any real event later wins), PredikatFinalised (version 1, finalised the day
// after the period ended) and AttendanceRecapClosed (version 1, closed at the start of the next month).
//
// Idempotent: every key is stable and every insert is ON CONFLICT DO NOTHING; re-running the same seed
// inserts nothing, and `changedInstansi` (the instansi whose inputs this batch wrote) is then empty, so
// nothing is recomputed either.
import { commonRegionPrefix } from '@kinerja/kit/scoping';
import { validateTppRuleData, type Predikat, type TppRuleData } from '../domain/tpp-rule.ts';
import type { SqlClient } from './sql-client.ts';

export interface BulkEmployee {
  id: string;
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK';
  golongan: string;
  kelasJabatan: number;
  jenisJabatan: string;
  positionTitle: string;
  unitId: string;
  /** Unit ids from the instansi down to unitId, as EmployeeChanged carries them. */
  unitPath: readonly string[];
  instansiId: string;
  regionCode: string;
  supervisorId: string | null;
}

export interface BulkRating {
  employeeId: string;
  skpId: string;
  year: number;
  /** Q1…Q4 or ANNUAL. */
  period: string;
  /** YYYY-MM-DD */
  periodStart: string;
  periodEnd: string;
  predikat: Predikat;
}

export interface BulkRecap {
  employeeId: string;
  /** YYYY-MM, a closed month. */
  month: string;
  /** Working days per status code. */
  counts: Readonly<Record<string, number>>;
  /** Every non-HADIR working day with its code (a day with TL and PSW appears once per code). */
  days: readonly { date: string; code: string }[];
}

export interface BulkRule {
  id: string;
  instansiId: string;
  /** YYYY-MM */
  effectiveFrom: string;
  legalBasis: string;
  data: TppRuleData;
}

export interface RemunerationBatch {
  employees: readonly BulkEmployee[];
  ratings: readonly BulkRating[];
  recaps: readonly BulkRecap[];
  rules: readonly BulkRule[];
}

export interface RemunerationBatchResult {
  employees: number;
  instansiScopes: number;
  ratings: number;
  recaps: number;
  rules: number;
  /** Instansi whose read models or rules this batch inserted rows for (their months need computing). */
  changedInstansi: string[];
}

/** Who a generated rule names as its author, so it can be told apart from an admin's. */
export const BULK_ACTOR = 'seed';
const BULK_SNAPSHOT_TIME = '1970-01-01T00:00:00Z';

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The instansi's region as the EmployeeChanged consumer learns it: the code prefix all its employees share. */
function instansiRegions(employees: readonly BulkEmployee[]): Map<string, string> {
  const regions = new Map<string, string>();
  for (const e of employees) {
    const known = regions.get(e.instansiId);
    regions.set(e.instansiId, known === undefined ? e.regionCode : commonRegionPrefix(known, e.regionCode));
  }
  return regions;
}

export async function loadRemunerationBatch(db: SqlClient, batch: RemunerationBatch): Promise<RemunerationBatchResult> {
  for (const rule of batch.rules) {
    // The same validation setTppRule applies, so a seeded rule can always be computed.
    const validation = validateTppRuleData(rule.data);
    if (!validation.ok) throw new Error(`seeded TPP rule for ${rule.instansiId} is invalid: ${validation.message}`);
  }
  const instansiOf = new Map(batch.employees.map((e) => [e.id, e.instansiId]));
  const changed = new Set<string>();
  const mark = (rows: unknown[], key: (row: { id: string }) => string | undefined) => {
    for (const row of rows as { id: string }[]) {
      const instansi = key(row);
      if (instansi !== undefined) changed.add(instansi);
    }
  };
  await db.query('begin');
  try {
    const employees = await db.query(
      `insert into "employee" ("employee_id", "nip", "name", "employment_type", "golongan", "kelas_jabatan", "jenis_jabatan", "position_title",
         "unit_id", "unit_path", "instansi_id", "region_code", "supervisor_id", "status", "last_event_at")
       select e.id, e.nip, e.name, e.employment_type, e.golongan, e.kelas, e.jenis, e.title, e.unit_id,
         array(select jsonb_array_elements_text(e.unit_path)), e.instansi_id, e.region_code, e.supervisor_id, 'ACTIVE', $14::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::jsonb[],
         $11::text[], $12::text[], $13::text[])
         as e(id, nip, name, employment_type, golongan, kelas, jenis, title, unit_id, unit_path, instansi_id, region_code, supervisor_id)
       on conflict do nothing
       returning "employee_id" as id`,
      [
        batch.employees.map((e) => e.id),
        batch.employees.map((e) => e.nip),
        batch.employees.map((e) => e.name),
        batch.employees.map((e) => e.employmentType),
        batch.employees.map((e) => e.golongan),
        batch.employees.map((e) => e.kelasJabatan),
        batch.employees.map((e) => e.jenisJabatan),
        batch.employees.map((e) => e.positionTitle),
        batch.employees.map((e) => e.unitId),
        batch.employees.map((e) => JSON.stringify(e.unitPath)),
        batch.employees.map((e) => e.instansiId),
        batch.employees.map((e) => e.regionCode),
        batch.employees.map((e) => e.supervisorId),
        BULK_SNAPSHOT_TIME,
      ],
    );
    mark(employees.rows, (r) => instansiOf.get(r.id));

    // A seed batch holds whole instansi, so the prefix over the batch is the instansi's region.
    const regions = [...instansiRegions(batch.employees)];
    const scopes = await db.query(
      `insert into "instansi_scope" ("instansi_id", "region_code") select * from unnest($1::text[], $2::text[]) on conflict do nothing`,
      [regions.map(([id]) => id), regions.map(([, region]) => region)],
    );

    const ratings = await db.query(
      `insert into "predikat_rating" ("employee_id", "skp_id", "period", "year", "period_start", "period_end", "predikat", "version", "finalised_at")
       select r.employee_id, r.skp_id, r.period, r.year, r.period_start, r.period_end, r.predikat, 1, (r.finalised_on || 'T10:00:00+07:00')::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
         as r(employee_id, skp_id, period, year, period_start, period_end, predikat, finalised_on)
       on conflict do nothing
       returning "employee_id" as id`,
      [
        batch.ratings.map((r) => r.employeeId),
        batch.ratings.map((r) => r.skpId),
        batch.ratings.map((r) => r.period),
        batch.ratings.map((r) => r.year),
        batch.ratings.map((r) => r.periodStart),
        batch.ratings.map((r) => r.periodEnd),
        batch.ratings.map((r) => r.predikat),
        batch.ratings.map((r) => nextDay(r.periodEnd)),
      ],
    );
    mark(ratings.rows, (r) => instansiOf.get(r.id));

    const recaps = await db.query(
      `insert into "attendance_recap" ("employee_id", "month", "version", "counts", "days", "reason", "closed_at")
       select r.employee_id, r.month, 1, r.counts, r.days, '', (r.closed_on || 'T00:00:00+07:00')::timestamptz
       from unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[], $5::text[]) as r(employee_id, month, counts, days, closed_on)
       on conflict do nothing
       returning "employee_id" as id`,
      [
        batch.recaps.map((r) => r.employeeId),
        batch.recaps.map((r) => r.month),
        batch.recaps.map((r) => JSON.stringify(r.counts)),
        batch.recaps.map((r) => JSON.stringify(r.days)),
        batch.recaps.map((r) => nextMonthStart(r.month)),
      ],
    );
    mark(recaps.rows, (r) => instansiOf.get(r.id));

    // An instansi that already has rule versions (an admin's, or an earlier seed's) gets none from the seed.
    const rules = await db.query(
      `insert into "tpp_rule" ("id", "instansi_id", "version", "effective_from", "legal_basis", "data", "created_by")
       select r.id, r.instansi_id, 1, r.effective_from, r.legal_basis, r.data, $6
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) as r(id, instansi_id, effective_from, legal_basis, data)
       where not exists (select 1 from "tpp_rule" t where t."instansi_id" = r.instansi_id)
       on conflict do nothing
       returning "instansi_id" as id`,
      [
        batch.rules.map((r) => r.id),
        batch.rules.map((r) => r.instansiId),
        batch.rules.map((r) => r.effectiveFrom),
        batch.rules.map((r) => r.legalBasis),
        batch.rules.map((r) => JSON.stringify(r.data)),
        BULK_ACTOR,
      ],
    );
    mark(rules.rows, (r) => r.id);
    await db.query('commit');
    return {
      employees: employees.rowCount ?? 0,
      instansiScopes: scopes.rowCount ?? 0,
      ratings: ratings.rowCount ?? 0,
      recaps: recaps.rowCount ?? 0,
      rules: rules.rowCount ?? 0,
      changedInstansi: [...changed].sort(),
    };
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}
