// The SIASN import as a job (importSiasn, siasnImport) and the differences report (siasnDifferences), for
// the admin page (issue 15). Thin: checks of rights and arguments here, the work in commands/ and repositories/.
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { isUuid } from '@kinerja/kit/ids';
import { viewerCovers } from '@kinerja/kit/scoping';
import { queueSiasnImport, runSiasnImportJob } from '../commands/siasn-import-job.ts';
import type { RowOutcome } from '../commands/siasn-import.ts';
import type { MutationResolvers, QueryResolvers, SiasnImportJobResolvers, SiasnImportRowResolvers, SiasnRowOutcome } from '../generated/resolvers-types.ts';
import { diffSiasn } from '../repositories/siasn-diff.ts';
import { findLatestSiasnTables, findSiasnImportJob, findSiasnImportRows } from '../repositories/siasn-import-jobs.ts';
import { findInstansiBySiasnId } from '../repositories/siasn-rows.ts';
import { findUnits } from '../repositories/reference-rows.ts';
import type { PersonnelContext } from './context.ts';
import { unitById } from './loaders.ts';

export const DEFAULT_SIASN_ROWS_PAGE = 100;
export const MAX_SIASN_ROWS_PAGE = 1000;

function assertAdminOf(viewer: Viewer, regionCode: string): void {
  assertRole(viewer, 'admin-kepegawaian');
  if (!viewerCovers(viewer, regionCode)) throw forbidden(`Wilayah ${regionCode} di luar cakupan Anda`, 'region_out_of_scope');
}

export const siasnQuery: Pick<QueryResolvers, 'siasnImport' | 'siasnDifferences'> = {
  siasnImport: async (_, { id }, ctx) => {
    assertRole(ctx.viewer, 'admin-kepegawaian');
    const job = isUuid(id) ? await findSiasnImportJob(ctx.em, id.toLowerCase()) : null;
    // Another region's job is indistinguishable from a missing one.
    return job && viewerCovers(ctx.viewer, job.requesterRegion) ? job : null;
  },
  siasnDifferences: async (_, { instansiId }, ctx) => {
    assertRole(ctx.viewer, 'admin-kepegawaian');
    const [instansi] = isUuid(instansiId) ? await findUnits(ctx.em, [instansiId.toLowerCase()]) : [];
    if (!instansi || instansi.parentId !== null) throw badUserInput('Instansi tidak ditemukan', 'instansi_not_found', { field: 'instansiId' });
    assertAdminOf(ctx.viewer, instansi.regionCode);
    const [row] = await ctx.em.execute<{ siasnId: string | null }[]>('select siasn_id as "siasnId" from org_unit where id = ?', [instansi.id]);
    if (!row?.siasnId) return [];
    const tables = await findLatestSiasnTables(ctx.em, row.siasnId);
    return tables ? diffSiasn({ em: ctx.em }, tables, { instansi: row.siasnId }) : [];
  },
};

export const siasnMutation: Pick<MutationResolvers, 'importSiasn'> = {
  importSiasn: async (_, { input }, ctx) => {
    const job = await queueSiasnImport(ctx.em, ctx.viewer, input);
    // The job outlives the request: it forks its own managers and records its end itself.
    void runSiasnImportJob(ctx.em, ctx.viewer, job, ctx.log);
    const queued = await findSiasnImportJob(ctx.em.fork(), job.id);
    if (!queued) throw new Error(`SIASN import job ${job.id} was recorded but cannot be read back`);
    return queued;
  },
};

const outcomeOf: Record<SiasnRowOutcome, RowOutcome> = { CREATED: 'created', UPDATED: 'updated', UNCHANGED: 'unchanged', REFUSED: 'refused' };

export const SiasnImportJob: SiasnImportJobResolvers<PersonnelContext> = {
  rows: async (job, { outcome, first, offset }, ctx) => {
    const limit = first ?? DEFAULT_SIASN_ROWS_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SIASN_ROWS_PAGE) throw badUserInput(`first harus 1–${MAX_SIASN_ROWS_PAGE}`, 'invalid_page_size', { field: 'first' });
    const skip = offset ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw badUserInput('offset tidak boleh negatif', 'invalid_offset', { field: 'offset' });
    return findSiasnImportRows(ctx.em, job.id, outcome ? outcomeOf[outcome] : null, limit, skip);
  },
  instansi: async (job, _, ctx) => {
    if (job.status !== 'DONE') return [];
    const found = await Promise.all(job.instansiSiasnIds.map((siasnId) => findInstansiBySiasnId(ctx.em, siasnId)));
    const units = await Promise.all(found.map((instansi) => (instansi ? unitById(ctx).load(instansi.id) : null)));
    return units.filter((unit) => unit !== null);
  },
};

export const SiasnImportRow: SiasnImportRowResolvers<PersonnelContext> = {
  outcome: (row) => row.outcome.toUpperCase() as SiasnRowOutcome,
};
