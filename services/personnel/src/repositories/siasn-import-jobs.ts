// Reads of the importSiasn jobs (Migration0005SiasnImportJobs): the job with its progress, a page of its
// per-row report, and the latest imported file of an instansi (what the differences compare with).
import type { EntityManager } from '@kinerja/kit/db';
import type { SiasnTables } from '../commands/siasn-files.ts';
import type { ImportReportRow, RowOutcome } from '../commands/siasn-import.ts';

export type SiasnImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface SiasnImportJobRow {
  id: string;
  status: SiasnImportStatus;
  fileNames: string;
  dryRun: boolean;
  requesterRegion: string;
  instansiSiasnIds: string[];
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export async function findSiasnImportJob(em: EntityManager, id: string): Promise<SiasnImportJobRow | null> {
  const [row] = await em.execute<(Omit<SiasnImportJobRow, 'createdAt' | 'finishedAt'> & { createdAt: Date | string; finishedAt: Date | string | null })[]>(
    `select id, status, file_names as "fileNames", dry_run as "dryRun", requester_region as "requesterRegion", instansi_siasn_ids as "instansiSiasnIds",
       total, processed, created, updated, unchanged, refused, error, created_at as "createdAt", finished_at as "finishedAt"
     from siasn_import_job where id = ?`,
    [id],
  );
  if (!row) return null;
  return { ...row, createdAt: new Date(row.createdAt).toISOString(), finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt).toISOString() };
}

/** A page of the job's report in file order, optionally of one outcome. */
export async function findSiasnImportRows(em: EntityManager, id: string, outcome: RowOutcome | null, first: number, offset: number): Promise<ImportReportRow[]> {
  const rows = await em.execute<{ row: ImportReportRow }[]>(
    `select r.value as row from siasn_import_job j, jsonb_array_elements(j.report) with ordinality as r(value, position)
     where j.id = ? and (?::text is null or r.value->>'outcome' = ?::text) order by r.position limit ? offset ?`,
    [id, outcome, outcome, first, offset],
  );
  return rows.map((r) => r.row);
}

/** The tables of the latest finished (not dry-run) import that held employees of this SIASN instansi. */
export async function findLatestSiasnTables(em: EntityManager, instansiSiasnId: string): Promise<SiasnTables | null> {
  const [row] = await em.execute<{ tables: SiasnTables }[]>(
    `select tables from siasn_import_job where status = 'DONE' and not dry_run and ? = any(instansi_siasn_ids) order by created_at desc limit 1`,
    [instansiSiasnId],
  );
  return row?.tables ?? null;
}
