// Training-need rows for planners: negative gaps with the suggested programme, filtered by region prefix,
// unit and competency, in keyset pages. The suggestion follows programmesClosingGap (domain/training-needs.ts):
// same competency, target level ≥ required, lowest target level, then fewest JP, then name and id; a
// programme is offered to an employee when its catalogue region (ID = national) contains the employee's.
import { NATIONAL_REGION_CODE, regionCoversSql, regionSql } from '@kinerja/kit/scoping';
import { queryRows, type Em } from './sql.ts';

export interface TrainingNeedFilter {
  /** Region prefix in the summary's form (`ID` national, `32`, `32.15`). */
  regionCode: string;
  unitId: string | null;
  competencyCode: string | null;
}

export interface TrainingNeedRecord {
  employeeId: string;
  competencyCode: string;
  required: number;
  assessed: number;
  gap: number;
  regionCode: string;
  programmeId: string | null;
  hours: number;
}

export interface NeedCursor {
  gap: number;
  employeeId: string;
  competencyCode: string;
}

const suggestedProgramme = `left join lateral (
    select tp.id, tp.hours from training_programme tp
    where tp.active and tp.competency_code = g.competency_code and tp.target_level >= g.required
      and ${regionCoversSql('tp.region_code', 'g.region_code')}
    order by tp.target_level, tp.hours, tp.name, tp.id
    limit 1
  ) p on true`;

function whereClause(filter: TrainingNeedFilter): { sql: string; params: unknown[] } {
  const conditions = ['g.gap < 0'];
  const params: unknown[] = [];
  if (filter.regionCode !== NATIONAL_REGION_CODE) {
    const inRegion = regionSql('g.region_code', filter.regionCode);
    conditions.push(inRegion.sql);
    params.push(...inRegion.params);
  }
  if (filter.unitId !== null) {
    conditions.push('(g.unit_id = ? or g.instansi_id = ?)');
    params.push(filter.unitId, filter.unitId);
  }
  if (filter.competencyCode !== null) {
    conditions.push('g.competency_code = ?');
    params.push(filter.competencyCode);
  }
  return { sql: conditions.join(' and '), params };
}

/** One page in (gap, employee, competency) order: the largest shortfall first, stable across pages. */
export async function listTrainingNeeds(em: Em, filter: TrainingNeedFilter, first: number, after: NeedCursor | null): Promise<TrainingNeedRecord[]> {
  const where = whereClause(filter);
  const params = [...where.params];
  let keyset = '';
  if (after !== null) {
    keyset = ' and (g.gap, g.employee_id, g.competency_code) > (?::numeric, ?, ?)';
    params.push(after.gap.toFixed(2), after.employeeId, after.competencyCode);
  }
  params.push(first);
  const rows = await queryRows<{
    employee_id: string;
    competency_code: string;
    required: number;
    assessed: string;
    gap: string;
    region_code: string;
    programme_id: string | null;
    hours: number | null;
  }>(
    em,
    `select g.employee_id, g.competency_code, g.required, g.assessed, g.gap, g.region_code, p.id as programme_id, p.hours
     from employee_gap g ${suggestedProgramme}
     where ${where.sql}${keyset}
     order by g.gap, g.employee_id, g.competency_code
     limit ?`,
    params,
  );
  return rows.map((row) => ({
    employeeId: row.employee_id,
    competencyCode: row.competency_code,
    required: Number(row.required),
    assessed: Number(row.assessed),
    gap: Number(row.gap),
    regionCode: row.region_code,
    programmeId: row.programme_id,
    hours: row.hours === null ? 0 : Number(row.hours),
  }));
}

export interface TrainingNeedTotals {
  people: number;
  needs: number;
  hours: number;
  needsWithoutProgramme: number;
  byCompetency: { competencyCode: string; people: number; needs: number; hours: number }[];
}

/** Totals set-based in the database (grouping sets: one pass for the overall and per-competency rows). */
export async function summariseTrainingNeeds(em: Em, filter: TrainingNeedFilter): Promise<TrainingNeedTotals> {
  const where = whereClause(filter);
  const rows = await queryRows<{ competency_code: string | null; people: string; needs: string; hours: string | null; without_programme: string }>(
    em,
    `select g.competency_code, count(distinct g.employee_id) as people, count(*) as needs,
       coalesce(sum(p.hours), 0) as hours, count(*) filter (where p.id is null) as without_programme
     from employee_gap g ${suggestedProgramme}
     where ${where.sql}
     group by grouping sets ((), (g.competency_code))`,
    where.params,
  );
  const overall = rows.find((row) => row.competency_code === null);
  return {
    people: Number(overall?.people ?? 0),
    needs: Number(overall?.needs ?? 0),
    hours: Number(overall?.hours ?? 0),
    needsWithoutProgramme: Number(overall?.without_programme ?? 0),
    byCompetency: rows
      .filter((row): row is typeof row & { competency_code: string } => row.competency_code !== null)
      .map((row) => ({ competencyCode: row.competency_code, people: Number(row.people), needs: Number(row.needs), hours: Number(row.hours ?? 0) })),
  };
}
