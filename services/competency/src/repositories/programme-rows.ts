// The diklat catalogue.
import type { DeliveryMode, TrainingProgramme } from '../domain/training-needs.ts';
import { inList, queryRows, type Em } from './sql.ts';

export interface ProgrammeRecord extends TrainingProgramme {
  code: string;
  regionCode: string;
}

interface ProgrammeRow {
  id: string;
  code: string;
  name: string;
  competency_code: string;
  target_level: number;
  hours: number;
  delivery_mode: DeliveryMode;
  region_code: string;
  active: boolean;
}

const columns = 'id, code, name, competency_code, target_level, hours, delivery_mode, region_code, active';

function toRecord(row: ProgrammeRow): ProgrammeRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    competencyCode: row.competency_code,
    targetLevel: Number(row.target_level),
    hoursJp: Number(row.hours),
    deliveryMode: row.delivery_mode,
    regionCode: row.region_code,
    active: row.active,
  };
}

export async function listProgrammes(em: Em, filter: { competencyCode?: string | null; includeInactive?: boolean } = {}): Promise<ProgrammeRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeInactive) where.push('active');
  if (filter.competencyCode) {
    where.push('competency_code = ?');
    params.push(filter.competencyCode);
  }
  const rows = await queryRows<ProgrammeRow>(
    em,
    `select ${columns} from training_programme ${where.length ? `where ${where.join(' and ')}` : ''} order by competency_code, target_level, hours, name, id`,
    params,
  );
  return rows.map(toRecord);
}

export async function findProgrammes(em: Em, ids: readonly string[]): Promise<ProgrammeRecord[]> {
  return (await queryRows<ProgrammeRow>(em, `select ${columns} from training_programme where id in (?)`, [inList(ids)])).map(toRecord);
}

