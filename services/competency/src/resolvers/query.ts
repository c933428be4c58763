// Query fields: thin — scope, load, domain, shape.
import { readAuditLog } from '@kinerja/kit/audit-log';
import { assertRole, hasRole } from '@kinerja/kit/auth';
import { todayIso } from '@kinerja/kit/dates';
import { isUuid } from '@kinerja/kit/ids';
import { badUserInput } from '@kinerja/kit/errors';
import { assessorRoles, trainingPlannerRoles } from '@kinerja/kit/scoping';
import { optimalityScheme } from '../domain/category.ts';
import { competencies, findCompetency } from '../domain/dictionary.ts';
import { defaultJpmRule } from '../domain/jpm.ts';
import { selectMappingRuleRecord } from '../domain/profile.ts';
import { isJenisJabatan } from '../domain/standards.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listProgrammes } from '../repositories/programme-rows.ts';
import { listStandards, loadMappingRules } from '../repositories/standard-rows.ts';
import { listTrainingNeeds, summariseTrainingNeeds, type TrainingNeedFilter } from '../repositories/training-need-rows.ts';
import { assertCanSeeEmployee, competencyFilter, regionArgument } from './access.ts';
import type { Context } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { assessmentById, employeeById } from './loaders.ts';
import { mappingRuleParent, standardParent, type MappingRuleParent, type TrainingNeedParent } from './parents.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface TrainingNeedArgs {
  regionCode?: string | null;
  unitId?: string | null;
  competency?: string | null;
}

/** Checks the role and turns the arguments into a filter inside the caller's region. */
export function trainingNeedFilter(ctx: Context, args: TrainingNeedArgs): TrainingNeedFilter {
  assertRole(ctx.viewer, ...trainingPlannerRoles);
  return {
    regionCode: regionArgument(ctx, args.regionCode),
    unitId: args.unitId ?? null,
    competencyCode: competencyFilter(args.competency),
  };
}

export const Query: QueryResolvers = {
  competencyAuditLog: (_, args, ctx) => readAuditLog(ctx, args),
  competencies: () => [...competencies],
  competency: (_, args) => findCompetency(args.code) ?? null,

  competencyStandards: async (_, args, ctx) => {
    if (args.jenisJabatan && !isJenisJabatan(args.jenisJabatan)) return [];
    return (await listStandards(ctx.em, args)).map((standard) => standardParent(standard));
  },

  mappingRule: async (_, args, ctx): Promise<MappingRuleParent> => {
    const instansiId = args.instansiId?.trim() || null;
    const rule = selectMappingRuleRecord(await loadMappingRules(ctx.em), instansiId, todayIso());
    if (rule === null) return { instansiId: null, effectiveFrom: null, capSurplus: defaultJpmRule.capSurplus, scheme: optimalityScheme };
    return mappingRuleParent(rule);
  },

  competencyAssessment: async (_, args, ctx) => {
    if (!isUuid(args.id)) return null;
    const assessment = await assessmentById(ctx).load(args.id.toLowerCase());
    if (assessment === null) return null;
    const employee = await employeeById(ctx).load(assessment.employeeId);
    if (employee === null) {
      if (!hasRole(ctx.viewer, ...trainingPlannerRoles, ...assessorRoles)) return null;
    } else {
      await assertCanSeeEmployee(ctx, employee.employeeId);
    }
    return assessment;
  },

  trainingProgrammes: (_, args, ctx) =>
    listProgrammes(ctx.em, { competencyCode: competencyFilter(args.competency), includeInactive: args.includeInactive ?? false }),

  trainingNeeds: async (_, args, ctx) => {
    const filter = trainingNeedFilter(ctx, args);
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badUserInput(`Ukuran halaman harus 1–${MAX_PAGE_SIZE}`, 'invalid_page_size');
    }
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await listTrainingNeeds(ctx.em, filter, first + 1, after);
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({
      cursor: encodeCursor(row),
      node: {
        employeeId: row.employeeId,
        employeeRegionCode: row.regionCode,
        competencyCode: row.competencyCode,
        required: row.required,
        assessed: row.assessed,
        gap: row.gap,
        programmeId: row.programmeId,
        hours: row.hours,
      } satisfies TrainingNeedParent,
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  trainingNeedsSummary: async (_, args, ctx) => {
    const totals = await summariseTrainingNeeds(ctx.em, trainingNeedFilter(ctx, args));
    return {
      ...totals,
      byCompetency: totals.byCompetency
        .flatMap((entry) => {
          const competency = findCompetency(entry.competencyCode);
          return competency === undefined ? [] : [{ ...entry, competency }];
        })
        .sort((a, b) => competencies.indexOf(a.competency) - competencies.indexOf(b.competency)),
    };
  },
};
