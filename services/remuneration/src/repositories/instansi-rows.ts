// The region of an instansi as learned from personnel.employee.v1 (instansi_scope).
import type { EntityManager } from '@kinerja/kit/db';

export async function findInstansiRegion(em: EntityManager, instansiId: string): Promise<string | null> {
  const rows = await em.execute<{ region_code: string }[]>(`select "region_code" from "instansi_scope" where "instansi_id" = ?`, [instansiId]);
  return rows[0]?.region_code ?? null;
}
