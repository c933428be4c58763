// The summary table as stored, and as it should be: every employee_gap row's contribution added up from
// scratch with the domain's summaryDeltas. Integration suites compare the two after each change.
import { summaryDeltas } from '../../src/domain/gap-summary.ts';

type Sql = <T>(query: string, params?: unknown[]) => Promise<T[]>;

export type GapRow = {
  employee_id: string;
  competency_code: string;
  region_code: string;
  unit_id: string | null;
  instansi_id: string | null;
  unit_path: string[];
  required: number;
  assessed: string;
  gap: string;
};

export type SummaryRow = { key: string; counters: number[] };

export async function gapRows(sql: Sql): Promise<GapRow[]> {
  return sql<GapRow>(
    `select employee_id, competency_code, region_code, unit_id, instansi_id, unit_path, required, assessed::text as assessed, gap::text as gap
     from employee_gap order by employee_id, competency_code`,
  );
}

function byKey(a: SummaryRow, b: SummaryRow): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const counterColumns = ['assessed_employees', 'below_standard', 'gap_sum', 'shortfall_sum', 'need_level_1', 'need_level_2', 'need_level_3', 'need_level_4', 'need_level_5'];

/** Stored summary rows with any non-zero counter. */
export async function summaryRows(sql: Sql): Promise<SummaryRow[]> {
  const rows = await sql<Record<string, string | number>>(`select scope, scope_key, competency_code, ${counterColumns.join(', ')} from competency_gap_summary`);
  return rows
    .map((row) => ({ key: `${row['scope']}/${row['scope_key']}/${row['competency_code']}`, counters: counterColumns.map((c) => Number(row[c])) }))
    .filter((row) => row.counters.some((n) => n !== 0))
    .sort(byKey);
}

export async function recount(sql: Sql): Promise<SummaryRow[]> {
  const byEmployee = new Map<string, GapRow[]>();
  for (const row of await gapRows(sql)) byEmployee.set(row.employee_id, [...(byEmployee.get(row.employee_id) ?? []), row]);
  const totals = new Map<string, number[]>();
  for (const rows of byEmployee.values()) {
    const first = rows[0] as GapRow;
    const contribution = summaryDeltas(null, {
      placement: { regionCode: first.region_code, unitId: first.unit_id, instansiId: first.instansi_id, unitPath: first.unit_path },
      gaps: rows.map((r) => ({ competencyCode: r.competency_code, required: Number(r.required), assessed: Number(r.assessed), gap: Number(r.gap) })),
    });
    for (const d of contribution) {
      const key = `${d.scope}/${d.scopeKey}/${d.competencyCode}`;
      const add = [d.assessedEmployees, d.belowStandard, d.gapSumHundredths, d.shortfallSumHundredths, ...d.needByLevel];
      const sum = totals.get(key) ?? counterColumns.map(() => 0);
      totals.set(key, sum.map((n, i) => n + (add[i] ?? 0)));
    }
  }
  return [...totals.entries()].map(([key, counters]) => ({ key, counters })).sort(byKey);
}
