// Thin resolvers: auth scope → load → domain → shape.
import { readAuditLog } from '@kinerja/kit/audit-log';
import { forbidden, hasRole } from '@kinerja/kit';
import { viewerCovers } from '@kinerja/kit/scoping';
import { badUserInput } from '@kinerja/kit/errors';
import { isMonth } from '../domain/month.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { findInstansiRegion } from '../repositories/instansi-rows.ts';
import { findRules } from '../repositories/rule-rows.ts';
import { findRun, isMonthLocked } from '../repositories/statement-rows.ts';
import { findMonthEvents } from '../repositories/month-rows.ts';
import { tppReaderRoles } from './entities.ts';
import { previewStatement } from './preview.ts';
import { assertInstansiAdmin } from './scope.ts';

const currentMonth = (): string => new Date().toISOString().slice(0, 7);

export const Query: QueryResolvers = {
  remunerationAuditLog: (_, args, ctx) => readAuditLog(ctx, args),
  tppPreview: (_parent, { input }, ctx) => previewStatement(ctx.em, input, currentMonth()),
  tppRules: (_parent, { instansiId }, ctx) => findRules(ctx.em, instansiId),
  tppDefaultRule: async (_parent, _args, ctx) => (await findRules(ctx.em, null))[0]!,
  tppRun: async (_parent, { id }, ctx) => {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await findRun(ctx.em, id) : null;
    if (!run) return null;
    await assertInstansiAdmin(ctx.em, ctx.viewer, run.instansiId);
    return run;
  },
  tppMonth: async (_parent, { instansiId, month }, ctx) => {
    if (!isMonth(month)) throw badUserInput(`Bulan ${month} tidak valid; gunakan YYYY-MM`, 'invalid_month');
    const region = await findInstansiRegion(ctx.em, instansiId);
    if (!hasRole(ctx.viewer, ...tppReaderRoles) || region === null || !viewerCovers(ctx.viewer, region)) {
      throw forbidden(`Status TPP instansi ${instansiId} di luar cakupan Anda`, 'region_out_of_scope');
    }
    return { instansiId, month, locked: await isMonthLocked(ctx.em, instansiId, month), history: await findMonthEvents(ctx.em, instansiId, month) };
  },
};
