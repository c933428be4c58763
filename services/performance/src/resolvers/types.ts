// Field resolvers of this subgraph's types. Visibility is checked where an SKP is reached from outside
// (Employee.skp/skps, Query.skp); what hangs below a visible SKP is visible with it.
import { forbidden } from '@kinerja/kit/errors';
import type { EmployeeResolvers, IndicatorResolvers, RhkResolvers, SkpEventResolvers, SkpResolvers } from '../generated/resolvers-types.ts';
import type { PerformanceContext } from './context.ts';
import { periodsOfInstansiYear, realisationsOfIndicator } from './evaluation-loaders.ts';
import { angkaKreditOfEmployee, predikatOfEmployee } from './evaluation-types.ts';
import { goalById } from './cascade-types.ts';
import { talentBoxOfEmployee } from './talent-types.ts';
import { feedbackRequestsOf, feedbackRoundsOfSkp } from './multi-rater-types.ts';
import { behavioursOfSkp, employeeById, employeeVisible, historyOfSkp, indicatorsOfRhk, rhkById, rhkOfSkp, skpsOfEmployee } from './loaders.ts';

async function assertVisible(ctx: PerformanceContext, employeeId: string): Promise<void> {
  if (!(await employeeVisible(ctx).load(employeeId))) throw forbidden('Anda tidak berwenang melihat kinerja pegawai ini', 'employee_out_of_scope');
}

export const Employee: EmployeeResolvers<PerformanceContext> = {
  __resolveReference: (reference) => ({ id: reference.id }),
  skp: async (employee, { year }, ctx) => {
    await assertVisible(ctx, employee.id);
    const [skps, self] = await Promise.all([skpsOfEmployee(ctx).load(employee.id), employeeById(ctx).load(employee.id)]);
    const ofYear = skps.filter((s) => s.year === year);
    return ofYear.find((s) => s.positionId === (self?.positionId ?? null)) ?? ofYear[0] ?? null;
  },
  skps: async (employee, _, ctx) => {
    await assertVisible(ctx, employee.id);
    return skpsOfEmployee(ctx).load(employee.id);
  },
  predikat: async (employee, { year, period }, ctx) => {
    await assertVisible(ctx, employee.id);
    return predikatOfEmployee(ctx, employee.id, year, period);
  },
  angkaKredit: async (employee, { year }, ctx) => {
    await assertVisible(ctx, employee.id);
    return angkaKreditOfEmployee(ctx, employee.id, year);
  },
  feedbackRequests: (employee, _, ctx) => feedbackRequestsOf(ctx, employee.id),
  talentBox: async (employee, { year }, ctx) => {
    await assertVisible(ctx, employee.id);
    return talentBoxOfEmployee(ctx, employee.id, year);
  },
};

export const Skp: SkpResolvers<PerformanceContext> = {
  employee: (skp) => ({ id: skp.employeeId }),
  rater: (skp) => (skp.raterEmployeeId === null ? null : { id: skp.raterEmployeeId }),
  rhk: (skp, _, ctx) => rhkOfSkp(ctx).load(skp.id),
  behaviours: (skp, _, ctx) => behavioursOfSkp(ctx).load(skp.id),
  history: (skp, _, ctx) => historyOfSkp(ctx).load(skp.id),
  feedbackRounds: (skp, _, ctx) => feedbackRoundsOfSkp(ctx, skp),
  periods: async (skp, _, ctx) => (await periodsOfInstansiYear(ctx).load(`${skp.instansiId ?? ''}|${skp.year}`)).map((period) => ({ skp, period })),
};

export const Rhk: RhkResolvers<PerformanceContext> = {
  supports: (rhk, _, ctx) => (rhk.supportsRhkId === null ? null : rhkById(ctx).load(rhk.supportsRhkId)),
  goal: (rhk, _, ctx) => (rhk.goalId === null ? null : goalById(ctx).load(rhk.goalId)),
  indicators: (rhk, _, ctx) => indicatorsOfRhk(ctx).load(rhk.id),
};

export const Indicator: IndicatorResolvers<PerformanceContext> = {
  realisations: async (indicator, { period }, ctx) => {
    const entries = await realisationsOfIndicator(ctx).load(indicator.id);
    const code = period?.trim().toUpperCase();
    return code ? entries.filter((e) => e.period === code) : entries;
  },
};

export const SkpEvent: SkpEventResolvers<PerformanceContext> = {
  actor: (event) => event.actorUsername,
  actorEmployee: (event) => (event.actorEmployeeId === null ? null : { id: event.actorEmployeeId }),
  at: (event) => event.occurredAt,
};
