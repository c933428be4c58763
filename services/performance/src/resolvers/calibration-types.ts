// OrgUnit and Region fields: predikat distributions of a unit (calibration) and of a region (dashboards,
// from maintained counts), a unit's goals and its cascade tree.
import { hasRole } from '@kinerja/kit/auth';
import { forbidden } from '@kinerja/kit/errors';
import { countsView, unitDistribution, type DistributionView } from '../domain/distribution-limits.ts';
import { ANNUAL_PERIOD, todayWib } from '../domain/periods.ts';
import type { DistributionLimitCheckResolvers, OrgUnitResolvers, PredikatDistributionResolvers, RegionResolvers } from '../generated/resolvers-types.ts';
import { findEmployeeByNip } from '../repositories/employee-rows.ts';
import { readsRegion } from './access.ts';
import { cascadeOf } from './cascade-types.ts';
import { regionTalentMatrix, unitTalentMatrix } from './talent-types.ts';
import { configurationInForceOf, finalisationsOfUnit, goalsOfUnit, predikatCounts, regionsOfUnit, unitHead } from './loaders.ts';
import type { PerformanceContext } from './context.ts';
import { codesOfUnit, satisfactionOf } from './public-feedback-types.ts';

export interface OrgUnitRef {
  id: string;
}
export interface RegionRef {
  code: string;
}
export interface DistributionParent extends DistributionView {
  scope: 'REGION' | 'UNIT';
  key: string;
  year: number;
  period: string;
}
export interface FinaliseResultParent {
  finalised: number;
  distribution: DistributionParent;
}

const periodCode = (period: string | null | undefined) => (period ?? ANNUAL_PERIOD).trim().toUpperCase();

/** Region readers covering every employee of the unit, or an atasan working inside the unit's subtree. */
async function assertSeesUnit(ctx: PerformanceContext, unitId: string): Promise<void> {
  const { em, viewer } = ctx;
  const regions = await regionsOfUnit(ctx).load(unitId);
  if (regions.length > 0 && regions.every((region) => readsRegion(viewer, region))) return;
  const me = viewer.nip !== null && hasRole(viewer, 'atasan') ? await findEmployeeByNip(em, viewer.nip) : null;
  if (me !== null && (me.unitId === unitId || me.unitPath.includes(unitId))) return;
  throw forbidden('Anda tidak berwenang melihat distribusi predikat unit ini', 'unit_out_of_scope');
}

/** A unit's distribution through the request's loaders: a batch of units costs what one does. */
export async function unitDistributionOf(ctx: PerformanceContext, unitId: string, year: number, period: string): Promise<DistributionParent> {
  const [head, counts] = await Promise.all([unitHead(ctx, year, period).load(unitId), predikatCounts(ctx, 'UNIT', year, period).load(unitId)]);
  const instansiId = head?.instansiId ?? null;
  const table = await configurationInForceOf(ctx, 'DISTRIBUTION_LIMITS', instansiId, todayWib());
  return { scope: 'UNIT', key: unitId, year, period, ...unitDistribution(table, counts, head?.predikat ?? null) };
}

export const OrgUnit: OrgUnitResolvers<PerformanceContext> = {
  __resolveReference: (reference) => ({ id: reference.id }),
  predikatDistribution: async (unit, { year, period }, ctx) => {
    await assertSeesUnit(ctx, unit.id);
    return unitDistributionOf(ctx, unit.id, year, periodCode(period));
  },
  orgGoals: async (unit, { year }, ctx) => {
    await assertSeesUnit(ctx, unit.id);
    return goalsOfUnit(ctx, year).load(unit.id);
  },
  performanceCascade: async (unit, { year }, ctx) => {
    await assertSeesUnit(ctx, unit.id);
    return cascadeOf(ctx, unit.id, year);
  },
  talentMatrix: async (unit, { year }, ctx) => {
    await assertSeesUnit(ctx, unit.id);
    return unitTalentMatrix(ctx, unit.id, year);
  },
  publicFeedbackCodes: async (unit, _, ctx) => {
    await assertSeesUnit(ctx, unit.id);
    return codesOfUnit(ctx, unit.id);
  },
  publicSatisfaction: async (unit, { month }, ctx) => {
    await assertSeesUnit(ctx, unit.id);
    return satisfactionOf(ctx, unit.id, month);
  },
};

export const Region: RegionResolvers<PerformanceContext> = {
  __resolveReference: (reference) => ({ code: reference.code }),
  // One primary-key read of predikat_summary: the national distribution costs O(predikat values), never O(employees).
  predikatDistribution: async (region, { year, period }, ctx) => {
    if (!readsRegion(ctx.viewer, region.code)) throw forbidden(`Wilayah ${region.code} di luar cakupan Anda`, 'region_out_of_scope');
    const code = periodCode(period);
    const counts = await predikatCounts(ctx, 'REGION', year, code).load(region.code);
    return { scope: 'REGION', key: region.code, year, period: code, ...countsView(counts), unitPredikat: null, checks: [] };
  },
  talentMatrix: (region, { year }, ctx) => regionTalentMatrix(ctx, region.code, year),
};

export const PredikatDistribution: PredikatDistributionResolvers<PerformanceContext> = {
  limits: (distribution) => distribution.checks,
  violations: (distribution) => [
    ...(distribution.scope === 'UNIT' && distribution.unitPredikat === null ? ['Predikat unit belum diketahui: kepala unit belum dinilai pada periode ini'] : []),
    ...distribution.checks.filter((c) => c.violated).map((c) => c.violation ?? c.description),
  ],
  finalisations: (distribution, _, ctx) => (distribution.scope === 'UNIT' ? finalisationsOfUnit(ctx, distribution.year, distribution.period).load(distribution.key) : []),
};

export const DistributionLimitCheck: DistributionLimitCheckResolvers<PerformanceContext> = {
  predikat: (check) => [...check.limit.predikat],
  bound: (check) => check.limit.bound,
  value: (check) => check.limit.value,
};
