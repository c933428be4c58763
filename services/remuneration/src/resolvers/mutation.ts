// Each mutation is one call into src/commands/.
import { startTppRun } from '../commands/compute-tpp.ts';
import { lockTppMonth, reopenTppMonth } from '../commands/lock-month.ts';
import { recordDisciplinarySanction, recordPltAssignment } from '../commands/record-assignments.ts';
import { setTppRule } from '../commands/set-tpp-rule.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { findMonthEvents } from '../repositories/month-rows.ts';
import { ruleDataFromInput } from './rule-shape.ts';

const todayIso = (): string => new Date().toISOString().slice(0, 10);

export const Mutation: MutationResolvers = {
  setTppRule: (_parent, { input }, ctx) =>
    setTppRule(ctx.em, ctx.viewer, {
      instansiId: input.instansiId,
      effectiveFrom: input.effectiveFrom,
      effectiveUntil: input.effectiveUntil ?? null,
      legalBasis: input.legalBasis,
      data: ruleDataFromInput(input.rule),
    }),
  computeTpp: async (_parent, { instansiId, month, reason }, ctx) => {
    const run = await startTppRun(ctx.em, ctx.viewer, instansiId, month, reason ?? null, todayIso());
    if (run.status === 'RUNNING') void ctx.runs.run(run.id);
    return run;
  },
  lockTppMonth: async (_parent, { instansiId, month }, ctx) => {
    const status = await lockTppMonth(ctx.em, ctx.viewer, instansiId, month);
    return { ...status, history: await findMonthEvents(ctx.em, instansiId, month) };
  },
  reopenTppMonth: async (_parent, { instansiId, month, reason }, ctx) => {
    const status = await reopenTppMonth(ctx.em, ctx.viewer, instansiId, month, reason);
    return { ...status, history: await findMonthEvents(ctx.em, instansiId, month) };
  },
  recordPltAssignment: async (_parent, { input }, ctx) => {
    const row = await recordPltAssignment(ctx.em, ctx.viewer, { ...input, jenisJabatan: input.jenisJabatan ?? null });
    return { ...row, jenisJabatan: input.jenisJabatan ?? null };
  },
  recordDisciplinarySanction: async (_parent, { input }, ctx) => {
    const row = await recordDisciplinarySanction(ctx.em, ctx.viewer, input);
    return { ...row, reductionBasisPoints: row.reductionBp };
  },
};
