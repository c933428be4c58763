// Competency's bulk path: loads the employee read model, org-unit scopes and finalised assessments
// from the generated dataset (tools/seed) into this service's own database, and derives gaps, JPM,
// category and the region/unit summaries with the same domain functions the API uses. Set-based SQL
// (INSERT … SELECT FROM unnest(…)), one transaction per batch.
//
// Why the read model is loaded here and not from personnel.employee.v1: personnel's bulk path
// writes no outbox rows (a generated dataset is not a stream of business events), so competency
// loads the same generated employees itself. Rows are marked with last_event_at = epoch, so any real
// event from personnel later wins over the bulk snapshot. Likewise no competency.assessment.v1 events
// are enqueued for generated assessments; the outbox holds only real finalisations.
//
// Idempotent: ids are stable, inserts are ON CONFLICT DO NOTHING, an employee who already has an
// assessment gets no generated one, and summaries are incremented only by gap rows this batch
// actually inserted; re-running the same seed changes nothing.
import { categorise, type MappingScheme } from '../domain/category.ts';
import { computeGaps } from '../domain/gap.ts';
import { sumSummaryDeltas, summaryDeltas } from '../domain/gap-summary.ts';
import { computeJpm } from '../domain/jpm.ts';
import { selectStandard, type JenisJabatan, type StandardCandidate } from '../domain/standards.ts';
import { addSummaryDeltasStatement, summaryDeltaValues } from '../repositories/gap-summary-rows.ts';
import { todayIso } from '@kinerja/kit/dates';
import type { SqlClient } from './sql-client.ts';

export interface BulkEmployee {
  id: string;
  nip: string;
  regionCode: string;
  unitId: string;
  instansiId: string;
  jenisJabatan: string;
  positionId: string;
  supervisorId: string | null;
}

export interface BulkUnit {
  id: string;
  regionCode: string;
}

export interface BulkAssessment {
  id: string;
  employeeId: string;
  method: 'ASSESSMENT_CENTER' | 'THREE_SIXTY' | 'INTERVIEW';
  /** YYYY-MM-DD */
  assessedOn: string;
  /** Score per competency code, 1.00–5.00. */
  scores: Readonly<Record<string, number>>;
}

export interface CompetencyBatch {
  units: readonly BulkUnit[];
  employees: readonly BulkEmployee[];
  assessments: readonly BulkAssessment[];
}

export interface CompetencyBatchResult {
  employees: number;
  assessments: number;
  gaps: number;
  summaryRows: number;
}

/** Who a generated assessment names as assessor and finaliser, so it can be told apart from real ones. */
export const BULK_ACTOR = 'seed';
const BULK_SNAPSHOT_TIME = '1970-01-01T00:00:00Z';

interface Rules {
  standards: StandardCandidate[];
  capSurplus: boolean;
  scheme: MappingScheme;
}

async function loadRules(db: SqlClient, today: string): Promise<Rules> {
  const standards = (
    await db.query(
      `select id, instansi_id, jenis_jabatan, position_id, to_char(effective_from, 'YYYY-MM-DD') as effective_from, levels
       from competency_standard`,
    )
  ).rows as { id: string; instansi_id: string | null; jenis_jabatan: string | null; position_id: string | null; effective_from: string; levels: Record<string, number> }[];
  // The national JPM rule in force (per-instansi rules are for the API; generated data uses the default).
  const rule = (
    await db.query(
      `select cap_surplus, scheme from mapping_rule where instansi_id is null and effective_from <= $1
       order by effective_from desc limit 1`,
      [today],
    )
  ).rows[0] as { cap_surplus: boolean; scheme: MappingScheme } | undefined;
  if (!rule) throw new Error('competency database has no national mapping_rule; run its migrations first');
  return {
    standards: standards.map((s) => ({
      id: s.id,
      instansiId: s.instansi_id,
      jenisJabatan: s.jenis_jabatan as JenisJabatan | null,
      positionId: s.position_id,
      effectiveFrom: s.effective_from,
      levels: s.levels,
    })),
    capSurplus: rule.cap_surplus,
    scheme: rule.scheme,
  };
}

export async function loadCompetencyBatch(db: SqlClient, batch: CompetencyBatch, today = todayIso()): Promise<CompetencyBatchResult> {
  await db.query('begin');
  try {
    const rules = await loadRules(db, today);
    const employees = await db.query(
      `insert into employee (employee_id, nip, region_code, unit_id, instansi_id, jenis_jabatan, position_id,
                             supervisor_id, status, last_event_at)
       select e.*, 'ACTIVE', $9::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as e
       on conflict do nothing`,
      [
        batch.employees.map((e) => e.id),
        batch.employees.map((e) => e.nip),
        batch.employees.map((e) => e.regionCode),
        batch.employees.map((e) => e.unitId),
        batch.employees.map((e) => e.instansiId),
        batch.employees.map((e) => e.jenisJabatan),
        batch.employees.map((e) => e.positionId),
        batch.employees.map((e) => e.supervisorId),
        BULK_SNAPSHOT_TIME,
      ],
    );
    await db.query(
      `insert into org_unit_scope (unit_id, region_code)
       select * from unnest($1::text[], $2::text[]) on conflict do nothing`,
      [batch.units.map((u) => u.id), batch.units.map((u) => u.regionCode)],
    );

    // Derive everything in memory with the domain rules, then write each table in one statement.
    // The employee's placement comes from the read model (a real event may have moved them).
    const placement = new Map(
      (
        (
          await db.query(
            `select employee_id, region_code, unit_id, instansi_id, jenis_jabatan, position_id from employee
             where employee_id = any($1::text[])`,
            [batch.assessments.map((a) => a.employeeId)],
          )
        ).rows as { employee_id: string; region_code: string; unit_id: string | null; instansi_id: string | null; jenis_jabatan: string | null; position_id: string | null }[]
      ).map((row) => [row.employee_id, row]),
    );
    const derived = batch.assessments.flatMap((assessment) => {
      const employee = placement.get(assessment.employeeId);
      if (!employee) return [];
      const standard = selectStandard(
        rules.standards,
        { instansiId: employee.instansi_id, jenisJabatan: employee.jenis_jabatan as JenisJabatan | null, positionId: employee.position_id },
        today,
      );
      const gaps = standard ? computeGaps(standard.standard.levels, assessment.scores) : [];
      const jpm = computeJpm(gaps, { capSurplus: rules.capSurplus });
      return [{ assessment, employee, standardId: standard?.standard.id ?? null, gaps, jpm, category: jpm === null ? null : categorise(jpm, rules.scheme).category }];
    });

    const inserted = await db.query(
      `insert into assessment (id, series_id, version, employee_id, region_code, assessor, method, assessed_on, status,
                               jpm, category, submitted_at, finalised_at, finalised_by)
       select a.id, a.id, 1, a.employee_id, a.region_code, $8, a.method, a.assessed_on, 'FINALISED',
              a.jpm, a.category, a.assessed_on::timestamptz, a.assessed_on::timestamptz, $8
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::numeric[], $7::text[])
              as a(id, employee_id, region_code, method, assessed_on, jpm, category)
       where not exists (select 1 from assessment existing where existing.employee_id = a.employee_id)
       on conflict do nothing
       returning id`,
      [
        derived.map((d) => d.assessment.id),
        derived.map((d) => d.assessment.employeeId),
        derived.map((d) => d.employee.region_code),
        derived.map((d) => d.assessment.method),
        derived.map((d) => d.assessment.assessedOn),
        derived.map((d) => d.jpm),
        derived.map((d) => d.category),
        BULK_ACTOR,
      ],
    );
    const insertedIds = new Set((inserted.rows as { id: string }[]).map((r) => r.id));
    const fresh = derived.filter((d) => insertedIds.has(d.assessment.id));
    const scores = fresh.flatMap((d) => Object.entries(d.assessment.scores).map(([code, score]) => ({ id: d.assessment.id, code, score })));
    await db.query(
      `insert into assessment_score (assessment_id, competency_code, score)
       select * from unnest($1::uuid[], $2::text[], $3::numeric[]) on conflict do nothing`,
      [scores.map((s) => s.id), scores.map((s) => s.code), scores.map((s) => s.score)],
    );

    const gapRows = fresh.flatMap((d) => d.gaps.map((gap) => ({ d, gap })));
    const gapInsert = await db.query(
      `insert into employee_gap (employee_id, competency_code, region_code, unit_id, instansi_id, required, assessed, gap,
                                 assessment_id, standard_id)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::numeric[],
                            $8::numeric[], $9::uuid[], $10::uuid[])
       on conflict do nothing
       returning employee_id, competency_code`,
      [
        gapRows.map(({ d }) => d.employee.employee_id),
        gapRows.map(({ gap }) => gap.competencyCode),
        gapRows.map(({ d }) => d.employee.region_code),
        gapRows.map(({ d }) => d.employee.unit_id),
        gapRows.map(({ d }) => d.employee.instansi_id),
        gapRows.map(({ gap }) => gap.required),
        gapRows.map(({ gap }) => gap.assessed),
        gapRows.map(({ gap }) => gap.gap),
        gapRows.map(({ d }) => d.assessment.id),
        gapRows.map(({ d }) => d.standardId),
      ],
    );

    // Summaries grow by exactly the gap rows written above (the same deltas the API applies).
    const written = new Set((gapInsert.rows as { employee_id: string; competency_code: string }[]).map((r) => `${r.employee_id}\u0000${r.competency_code}`));
    const rows = sumSummaryDeltas(
      fresh.flatMap((d) =>
        summaryDeltas(null, {
          placement: { regionCode: d.employee.region_code, unitId: d.employee.unit_id, instansiId: d.employee.instansi_id },
          gaps: d.gaps.filter((gap) => written.has(`${d.employee.employee_id}\u0000${gap.competencyCode}`)),
        }),
      ),
    );
    const valueRows = rows.map(summaryDeltaValues);
    const column = (i: number) => valueRows.map((values) => values[i]);
    await db.query(
      addSummaryDeltasStatement(
        `select * from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::bigint[],
                              $8::int[], $9::int[], $10::int[], $11::int[], $12::int[])`,
      ),
      Array.from({ length: 12 }, (_, i) => column(i)),
    );
    await db.query('commit');
    return { employees: employees.rowCount ?? 0, assessments: fresh.length, gaps: written.size, summaryRows: rows.length };
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}
