// A SIASN import run by the importSiasn mutation (Migration0005SiasnImportJobs); written and read with
// plain SQL (commands/siasn-import-job.ts, repositories/siasn-import-jobs.ts). Declared so the ORM's view
// of the schema is complete (the schema diff test).
import { defineEntity, p } from '@mikro-orm/core';

export const SiasnImportJob = defineEntity({
  name: 'SiasnImportJob',
  tableName: 'siasn_import_job',
  indexes: [{ name: 'siasn_import_job_created_at_idx', properties: ['createdAt'] }],
  properties: {
    id: p.uuid().primary(),
    status: p.text(),
    fileNames: p.text(),
    dryRun: p.boolean(),
    regionCode: p.text().nullable(),
    requestedBy: p.text(),
    requesterRegion: p.text(),
    instansiSiasnIds: p.array().columnType('text[]'),
    total: p.integer(),
    processed: p.integer(),
    created: p.integer(),
    updated: p.integer(),
    unchanged: p.integer(),
    refused: p.integer(),
    error: p.text().nullable(),
    tables: p.json<unknown>(),
    report: p.json<unknown>(),
    createdAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
  },
});
