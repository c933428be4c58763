// Entities personnel owns, extended here. References carry only their keys; the fields below load
// through per-request DataLoaders, so resolving N references costs O(1) statements.
import { NATIONAL_REGION_CODE } from '@kinerja/kit/scoping';
import type { EmployeeResolvers, OrgUnitResolvers, RegionResolvers } from '../generated/resolvers-types.ts';
import { assertCanSeeEmployee, assertSummaryReader, competencyFilter } from './access.ts';
import { assessmentsOfEmployee, employeeById, profileOf, regionSummaries, unitRegion, unitSummaries } from './loaders.ts';
import { shapeSummaries, type ProfileParent } from './parents.ts';

export const Employee: EmployeeResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  competencyProfile: async (parent, _args, ctx): Promise<ProfileParent | null> => {
    const employee = await employeeById(ctx).load(parent.id);
    if (employee === null) return null;
    await assertCanSeeEmployee(ctx, parent.id);
    const derived = await profileOf(ctx).load(parent.id);
    return derived === null ? null : { employee, derived };
  },
  competencyAssessments: async (parent, _args, ctx) => {
    const employee = await employeeById(ctx).load(parent.id);
    if (employee === null) return [];
    await assertCanSeeEmployee(ctx, parent.id);
    return assessmentsOfEmployee(ctx).load(parent.id);
  },
};

export const Region: RegionResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
  competencyGaps: async (parent, args, ctx) => {
    const code = parent.code.trim() === '' ? NATIONAL_REGION_CODE : parent.code.trim();
    assertSummaryReader(ctx, code);
    return shapeSummaries(await regionSummaries(ctx).load(code), competencyFilter(args.competency));
  },
};

export const OrgUnit: OrgUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  competencyGaps: async (parent, args, ctx) => {
    const [region, summaries] = await Promise.all([unitRegion(ctx).load(parent.id), unitSummaries(ctx).load(parent.id)]);
    // A unit nobody has been seen in has nothing to show; its region is unknown, so only national viewers see the empty list.
    assertSummaryReader(ctx, region ?? (ctx.viewer.regionCode === NATIONAL_REGION_CODE ? NATIONAL_REGION_CODE : null));
    return shapeSummaries(summaries, competencyFilter(args.competency));
  },
};
