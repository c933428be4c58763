// Each employee's derived gaps and the per-region / per-unit summaries built from them.
//
// Why this shape (issue "Competency subgraph": summaries whose cost does not grow with the number of
// employees): competency_gap_summary holds one row per (scope, key, competency) with plain counters
// (assessed employees, below standard, Σ gap, Σ shortfall, below standard by level to reach). Rows
// exist at every ancestor region of an employee (ID, the province `32`, the regency `32.15`) and for
// every unit from the instansi down to the employee's unit (EmployeeChanged.unit_path; the unit and the
// instansi only when a producer sends no path). So Region.competencyGaps and OrgUnit.competencyGaps read at most
// nine rows by primary key whatever the region's size, and a national dashboard listing 38 provinces
// reads 38 × 9 rows in one statement. We chose ancestor rows over "regency rows summed per province"
// because reads are the hot path (dashboards) while writes are rare (a finalised assessment, a position
// change, a standard change) and each write touches (region levels + unit depth) × 9 rows. The cost is contention on the
// national rows: every write updates them, so concurrent derivations queue on those nine row locks for
// the length of their (short) transactions. The bulk loader rebuilds the table set-based instead.
//
// Writes are deltas: employee_gap keeps what each employee currently contributes (with the placement it
// was counted under), a change subtracts the old contribution and adds the new one, in the same
// transaction as the change, under a lock on the employee's read-model row (lockEmployee).
import type { CompetencyGap } from '../domain/gap.ts';
import type { EmployeePlacement, SummaryDelta, SummaryScope } from '../domain/gap-summary.ts';
import { inList, queryRows, run, textArrayParam, type Em } from './sql.ts';

export interface EmployeeGapRecord extends CompetencyGap {
  assessmentId: string;
  standardId: string;
}

export interface StoredGaps {
  placement: EmployeePlacement;
  gaps: EmployeeGapRecord[];
}

interface EmployeeGapRow {
  employee_id: string;
  competency_code: string;
  region_code: string;
  unit_id: string | null;
  instansi_id: string | null;
  unit_path: string[] | null;
  required: number;
  assessed: string;
  gap: string;
  assessment_id: string;
  standard_id: string;
}

export async function loadEmployeeGaps(em: Em, employeeId: string): Promise<StoredGaps | null> {
  const rows = await queryRows<EmployeeGapRow>(
    em,
    'select employee_id, competency_code, region_code, unit_id, instansi_id, unit_path, required, assessed, gap, assessment_id, standard_id from employee_gap where employee_id = ?',
    [employeeId],
  );
  const first = rows[0];
  if (first === undefined) return null;
  return {
    placement: { regionCode: first.region_code, unitId: first.unit_id, instansiId: first.instansi_id, unitPath: first.unit_path ?? [] },
    gaps: rows.map((row) => ({
      competencyCode: row.competency_code,
      required: Number(row.required),
      assessed: Number(row.assessed),
      gap: Number(row.gap),
      assessmentId: row.assessment_id,
      standardId: row.standard_id,
    })),
  };
}

export async function replaceEmployeeGaps(em: Em, employeeId: string, next: StoredGaps | null): Promise<void> {
  await run(em, 'delete from employee_gap where employee_id = ?', [employeeId]);
  if (next === null || next.gaps.length === 0) return;
  const values = next.gaps.map(() => `(?, ?, ?, ?, ?, ${textArrayParam}, ?, ?, ?, ?, ?)`).join(', ');
  const params = next.gaps.flatMap((gap) => [
    employeeId,
    gap.competencyCode,
    next.placement.regionCode,
    next.placement.unitId,
    next.placement.instansiId,
    JSON.stringify(next.placement.unitPath ?? []),
    gap.required,
    gap.assessed.toFixed(2),
    gap.gap.toFixed(2),
    gap.assessmentId,
    gap.standardId,
  ]);
  await run(
    em,
    `insert into employee_gap (employee_id, competency_code, region_code, unit_id, instansi_id, unit_path, required, assessed, gap, assessment_id, standard_id) values ${values}`,
    params,
  );
}

/**
 * The summary maintenance rule, one statement for the API's writes and the bulk loader alike: each delta
 * adds to every counter of its (scope, key, competency) row, which starts from zero. `rowsSource` is a
 * VALUES list or a SELECT giving rows in summaryDeltaValues order; it must not name the same row twice.
 */
export function addSummaryDeltasStatement(rowsSource: string): string {
  return `insert into competency_gap_summary as s (scope, scope_key, competency_code, assessed_employees, below_standard, gap_sum, shortfall_sum,
       need_level_1, need_level_2, need_level_3, need_level_4, need_level_5)
     ${rowsSource}
     on conflict (scope, scope_key, competency_code) do update set
       assessed_employees = s.assessed_employees + excluded.assessed_employees,
       below_standard = s.below_standard + excluded.below_standard,
       gap_sum = s.gap_sum + excluded.gap_sum,
       shortfall_sum = s.shortfall_sum + excluded.shortfall_sum,
       need_level_1 = s.need_level_1 + excluded.need_level_1,
       need_level_2 = s.need_level_2 + excluded.need_level_2,
       need_level_3 = s.need_level_3 + excluded.need_level_3,
       need_level_4 = s.need_level_4 + excluded.need_level_4,
       need_level_5 = s.need_level_5 + excluded.need_level_5`;
}

/** A delta's values in the column order of addSummaryDeltasStatement. */
export function summaryDeltaValues(d: SummaryDelta): (string | number)[] {
  return [d.scope, d.scopeKey, d.competencyCode, d.assessedEmployees, d.belowStandard, d.gapSumHundredths, d.shortfallSumHundredths, ...d.needByLevel];
}

/**
 * Adds the deltas in one statement. Rows are sorted by key so that two transactions touching the same
 * rows lock them in the same order and wait for each other instead of deadlocking.
 */
export async function applySummaryDeltas(em: Em, deltas: readonly SummaryDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const sorted = [...deltas].sort(
    (a, b) => a.scope.localeCompare(b.scope) || a.scopeKey.localeCompare(b.scopeKey) || a.competencyCode.localeCompare(b.competencyCode),
  );
  const values = sorted.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  await run(em, addSummaryDeltasStatement(`values ${values}`), sorted.flatMap(summaryDeltaValues));
}

export interface SummaryRecord {
  scopeKey: string;
  competencyCode: string;
  assessedEmployees: number;
  belowStandard: number;
  gapSumHundredths: number;
  shortfallSumHundredths: number;
  needByLevel: number[];
}

/** Summary rows of many regions or units in one statement (≤ 9 rows each). */
export async function loadSummaries(em: Em, scope: SummaryScope, keys: readonly string[]): Promise<SummaryRecord[]> {
  const rows = await queryRows<{
    scope_key: string;
    competency_code: string;
    assessed_employees: number;
    below_standard: number;
    gap_sum: string;
    shortfall_sum: string;
    need_level_1: number;
    need_level_2: number;
    need_level_3: number;
    need_level_4: number;
    need_level_5: number;
  }>(
    em,
    `select scope_key, competency_code, assessed_employees, below_standard, gap_sum, shortfall_sum,
       need_level_1, need_level_2, need_level_3, need_level_4, need_level_5
     from competency_gap_summary where scope = ? and scope_key in (?)`,
    [scope, inList(keys)],
  );
  return rows.map((row) => ({
    scopeKey: row.scope_key,
    competencyCode: row.competency_code,
    assessedEmployees: Number(row.assessed_employees),
    belowStandard: Number(row.below_standard),
    gapSumHundredths: Number(row.gap_sum),
    shortfallSumHundredths: Number(row.shortfall_sum),
    needByLevel: [row.need_level_1, row.need_level_2, row.need_level_3, row.need_level_4, row.need_level_5].map(Number),
  }));
}
