// The importSiasn mutation as a job (issue 15): the request checks and parses the uploaded file, records
// a job (QUEUED) with the parsed tables and answers at once; the import then runs in this process through
// the same per-record commands as tools/siasn (importSiasn: one transaction per batch of rows, each
// record's writes and event refused or kept whole), and the job row carries its progress (moving once per
// committed batch) for the admin page, then the per-row report. A bad upload
// is refused before anything is written. Jobs cut off by a restart are marked FAILED at start-up:
// running the same file again is safe (the import is idempotent).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { isRegionCode, viewerCovers } from '@kinerja/kit/scoping';
import type { Logger } from 'pino';
import { importSiasn, type ImportReportRow, type RowOutcome } from './siasn-import.ts';
import { readSiasnTables, type SiasnTables } from './siasn-files.ts';

/** Decoded size of all files of one upload (a regency's export is a few MB). */
export const MAX_SIASN_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_SIASN_FILES = 5;
/** The job row is updated at most this often while the import runs. */
const PROGRESS_INTERVAL_MS = 500;

export interface SiasnFileUpload {
  name: string;
  contentBase64: string;
}

export interface StartSiasnImportInput {
  files: readonly SiasnFileUpload[];
  regionCode?: string | null;
  instansiSiasnId?: string | null;
  dryRun?: boolean | null;
}

interface QueuedJob {
  id: string;
  tables: SiasnTables;
  regionCode: string | null;
  instansiSiasnId: string | null;
  dryRun: boolean;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks and parses the upload and records the job; returns it for runSiasnImportJob. */
export async function queueSiasnImport(em: EntityManager, viewer: Viewer, input: StartSiasnImportInput): Promise<QueuedJob> {
  assertRole(viewer, 'admin-kepegawaian');
  if (viewer.regionCode === null) throw forbidden('Akun ini tidak memiliki wilayah', 'region_out_of_scope');
  if (input.files.length === 0 || input.files.length > MAX_SIASN_FILES) {
    throw badUserInput(`Unggah 1–${MAX_SIASN_FILES} berkas SIASN`, 'invalid_file_count', { field: 'files' });
  }
  const regionCode = input.regionCode?.trim() || null;
  if (regionCode !== null && !isRegionCode(regionCode)) throw badUserInput(`Kode wilayah ${regionCode} tidak valid`, 'invalid_region_code', { field: 'regionCode' });
  if (regionCode !== null && !viewerCovers(viewer, regionCode)) throw forbidden(`Wilayah ${regionCode} di luar cakupan Anda`, 'region_out_of_scope');
  let bytes = 0;
  const buffers = input.files.map((file) => {
    const name = file.name.trim();
    if (!/^[^/\\]{1,200}\.(xlsx|csv)$/i.test(name)) throw badUserInput(`Berkas ${name || '(tanpa nama)'} bukan .xlsx atau .csv`, 'invalid_file_type', { field: 'files' });
    const content = file.contentBase64.replace(/\s+/g, '');
    if (content.length === 0 || content.length % 4 !== 0 || !base64Pattern.test(content)) throw badUserInput(`Isi berkas ${name} bukan base64 yang sah`, 'invalid_file_content', { field: 'files' });
    const buffer = Buffer.from(content, 'base64');
    bytes += buffer.length;
    if (bytes > MAX_SIASN_UPLOAD_BYTES) throw badUserInput(`Berkas melebihi ${MAX_SIASN_UPLOAD_BYTES / 1024 / 1024} MB`, 'file_too_large', { field: 'files' });
    return { name, buffer };
  });
  let tables: SiasnTables;
  try {
    tables = await readSiasnTables(buffers.map(({ name, buffer }) => ({ name, stream: () => Readable.from(buffer) })));
  } catch (error) {
    throw badUserInput(`Berkas tidak dapat dibaca sebagai ekspor SIASN: ${(error as Error).message}`, 'unreadable_file', { field: 'files' });
  }
  if (tables.employees.length === 0 && tables.units.length === 0) {
    throw badUserInput('Berkas tidak berisi tabel pegawai (kolom nipBaru) atau unor (kolom DiatasanId)', 'empty_file', { field: 'files' });
  }
  const instansiSiasnId = input.instansiSiasnId?.trim() || null;
  const instansiIds = [...new Set(tables.employees.map(({ values }) => values['instansiIndukId'] ?? '').filter((id) => id !== '' && (instansiSiasnId === null || id === instansiSiasnId)))].sort();
  const total = tables.units.length + tables.employees.length;
  const id = randomUUID();
  // In a transaction: the audit trail records only writes inside one (a bare execute in autocommit is not).
  await em.transactional((tx) =>
    tx.execute(
      `insert into siasn_import_job (id, status, file_names, dry_run, region_code, requested_by, requester_region, instansi_siasn_ids, total, processed,
         created, updated, unchanged, refused, error, tables, report, created_at, finished_at)
       values (?, 'QUEUED', ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, 0, 0, 0, 0, 0, null, ?::jsonb, '[]'::jsonb, now(), null)`,
      [id, buffers.map((b) => b.name).join(', '), input.dryRun ?? false, regionCode, viewer.username, viewer.regionCode, JSON.stringify(instansiIds), total, JSON.stringify(tables)],
    ),
  );
  return { id, tables, regionCode, instansiSiasnId, dryRun: input.dryRun ?? false };
}

/** Runs a queued job to its end (DONE or FAILED); never throws. `em` is a root manager the job forks from. */
export async function runSiasnImportJob(em: EntityManager, viewer: Viewer, job: QueuedJob, logger: Logger): Promise<void> {
  const counts: Record<RowOutcome, number> = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  let processed = 0;
  let total = 0;
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const writeProgress = () =>
    (writing = writing.then(() =>
      em.fork().execute('update siasn_import_job set processed = ?, total = ?, created = ?, updated = ?, unchanged = ?, refused = ? where id = ?', [
        processed,
        total,
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.refused,
        job.id,
      ]),
    ));
  try {
    await em.fork().execute(`update siasn_import_job set status = 'RUNNING' where id = ?`, [job.id]);
    const result = await importSiasn({
      orm: { em },
      tables: job.tables,
      instansi: job.instansiSiasnId,
      regionCode: job.regionCode,
      dryRun: job.dryRun,
      actor: viewer.username,
      viewer,
      onProgress: (done, of, row: ImportReportRow) => {
        processed = done;
        total = of;
        counts[row.outcome] += 1;
        if (Date.now() - lastWrite >= PROGRESS_INTERVAL_MS) {
          lastWrite = Date.now();
          void writeProgress();
        }
      },
    });
    await writing;
    await em.fork().execute(
      `update siasn_import_job set status = 'DONE', processed = ?, total = ?, created = ?, updated = ?, unchanged = ?, refused = ?, report = ?::jsonb, finished_at = now() where id = ?`,
      [result.rows.length, result.rows.length, result.counts.created, result.counts.updated, result.counts.unchanged, result.counts.refused, JSON.stringify(result.rows), job.id],
    );
  } catch (error) {
    logger.error({ err: error, jobId: job.id }, 'SIASN import job failed');
    await writing.catch(() => undefined);
    await em
      .fork()
      .execute(`update siasn_import_job set status = 'FAILED', error = ?, finished_at = now() where id = ?`, [`Impor gagal: ${(error as Error).message}`, job.id])
      .catch((writeError: unknown) => logger.error({ err: writeError, jobId: job.id }, 'SIASN import job: cannot record the failure'));
  }
}

/** At start-up: jobs a stopped process left QUEUED or RUNNING will never finish. */
export async function failInterruptedSiasnImports(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `update siasn_import_job set status = 'FAILED', finished_at = now(),
       error = 'Layanan dimulai ulang saat impor berjalan; jalankan impor lagi (aman: baris yang sudah diimpor menjadi tidak berubah)'
     where status in ('QUEUED', 'RUNNING') returning id`,
  );
  return rows.length;
}
