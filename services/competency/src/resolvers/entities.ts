// Entities owned by personnel, extended here. References carry only their keys; the fields below load
// through per-request DataLoaders, so resolving N references costs O(1) statements.
import { forbidden, hasRole } from '@kinerja/kit';
import { isKnownCompetencyCode } from '../domain/dictionary.ts';
import { normaliseRegionCode } from '../domain/region-rollup.ts';
import { badUserInput } from '@kinerja/kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { loadersOf, viewerSelfOf, type Context } from './context.ts';
import { assertCanSeeEmployee, regionReaderRoles, viewerSees } from './scope.ts';
import { shapeSummaries, type ProfileParent } from './types.ts';

function competencyFilter(competency: string | null | undefined): string | null {
  if (competency === null || competency === undefined) return null;
  if (!isKnownCompetencyCode(competency)) throw badUserInput(`Kompetensi ${competency} tidak dikenal`, 'unknown_competency');
  return competency;
}

function assertSummaryReader(ctx: Context, regionCode: string | null): void {
  if (!hasRole(ctx.viewer, ...regionReaderRoles)) {
    throw forbidden('Ringkasan kesenjangan kompetensi memerlukan peran analis, pimpinan, perencana-diklat, auditor, admin-kepegawaian atau asesor', 'missing_role');
  }
  if (regionCode === null || !viewerSees(ctx.viewer, regionCode)) {
    throw forbidden(`Wilayah ${regionCode ?? 'unit ini'} di luar cakupan Anda`, 'region_out_of_scope');
  }
}

export const entityResolvers: Pick<Resolvers, 'Employee' | 'Region' | 'OrgUnit'> = {
  Employee: {
    __resolveReference: (reference) => ({ id: reference.id }),
    competencyProfile: async (parent, _args, ctx): Promise<ProfileParent | null> => {
      const loaders = loadersOf(ctx);
      const employee = await loaders.employee.load(parent.id);
      if (employee === null) return null;
      assertCanSeeEmployee(ctx.viewer, employee, await viewerSelfOf(ctx));
      const derived = await loaders.profile.load(parent.id);
      return derived === null ? null : { employee, derived };
    },
    competencyAssessments: async (parent, _args, ctx) => {
      const loaders = loadersOf(ctx);
      const employee = await loaders.employee.load(parent.id);
      if (employee === null) return [];
      assertCanSeeEmployee(ctx.viewer, employee, await viewerSelfOf(ctx));
      return loaders.assessmentsOfEmployee.load(parent.id);
    },
  },

  Region: {
    __resolveReference: (reference) => ({ code: reference.code }),
    competencyGaps: async (parent, args, ctx) => {
      const code = normaliseRegionCode(parent.code);
      assertSummaryReader(ctx, code);
      return shapeSummaries(await loadersOf(ctx).regionSummaries.load(code), competencyFilter(args.competency));
    },
  },

  OrgUnit: {
    __resolveReference: (reference) => ({ id: reference.id }),
    competencyGaps: async (parent, args, ctx) => {
      const loaders = loadersOf(ctx);
      const [region, summaries] = await Promise.all([loaders.unitRegion.load(parent.id), loaders.unitSummaries.load(parent.id)]);
      // A unit nobody has been seen in has nothing to show; its region is unknown, so only national viewers see the empty list.
      assertSummaryReader(ctx, region ?? (ctx.viewer.regionCode === '' ? 'ID' : null));
      return shapeSummaries(summaries, competencyFilter(args.competency));
    },
  },
};

export { competencyFilter };
