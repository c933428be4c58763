// Query fields: thin — scope, load, domain, shape.
import { assertRole, badUserInput, hasRole } from '@kinerja/kit';
import { competencies, findCompetency } from '../domain/dictionary.ts';
import { isJenisJabatan } from '../domain/standards.ts';
import { listProgrammes } from '../store/programme-store.ts';
import { selectMappingRuleRecord } from '../derived/employee-derivation.ts';
import { defaultJpmRule } from '../domain/jpm.ts';
import { optimalityScheme } from '../domain/category.ts';
import { todayIso } from '../store/sql.ts';
import { listStandards, loadMappingRules } from '../store/standard-store.ts';
import { listTrainingNeeds, summariseTrainingNeeds, type NeedCursor, type TrainingNeedFilter } from '../store/training-need-store.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { loadersOf, viewerSelfOf, type Context } from './context.ts';
import { competencyFilter } from './entities.ts';
import { assertCanSeeEmployee, plannerRoles, regionArgument } from './scope.ts';
import { standardParent, type MappingRuleParent, type TrainingNeedParent } from './types.ts';

export const MAX_PAGE_SIZE = 500;

export interface TrainingNeedArgs {
  regionCode?: string | null;
  unitId?: string | null;
  competency?: string | null;
}

/** Checks the role and turns the arguments into a filter inside the caller's region. */
export function trainingNeedFilter(ctx: Context, args: TrainingNeedArgs): TrainingNeedFilter {
  assertRole(ctx.viewer, ...plannerRoles);
  return {
    regionCode: regionArgument(ctx.viewer, args.regionCode),
    unitId: args.unitId ?? null,
    competencyCode: competencyFilter(args.competency),
  };
}

export function encodeCursor(cursor: NeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.gap, cursor.employeeId, cursor.competencyCode])).toString('base64url');
}

export function decodeCursor(value: string): NeedCursor {
  try {
    const [gap, employeeId, competencyCode] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof gap === 'number' && typeof employeeId === 'string' && typeof competencyCode === 'string') return { gap, employeeId, competencyCode };
  } catch {
    // falls through to the error below
  }
  throw badUserInput('Kursor halaman tidak valid; mulai lagi dari halaman pertama', 'invalid_cursor');
}

export const queryResolvers: QueryResolvers = {
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
    return { instansiId: rule.instansiId, effectiveFrom: rule.effectiveFrom, capSurplus: rule.jpmRule.capSurplus, scheme: rule.scheme };
  },

  competencyAssessment: async (_, args, ctx) => {
    const loaders = loadersOf(ctx);
    const assessment = await loaders.assessment.load(args.id).catch(() => null);
    if (assessment === null) return null;
    const employee = await loaders.employee.load(assessment.employeeId);
    if (employee === null) {
      if (!hasRole(ctx.viewer, ...plannerRoles, 'asesor')) return null;
    } else {
      assertCanSeeEmployee(ctx.viewer, employee, await viewerSelfOf(ctx));
    }
    return assessment;
  },

  trainingProgrammes: (_, args, ctx) =>
    listProgrammes(ctx.em, { competencyCode: competencyFilter(args.competency), includeInactive: args.includeInactive ?? false }),

  trainingNeeds: async (_, args, ctx) => {
    const filter = trainingNeedFilter(ctx, args);
    const first = args.first ?? 50;
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
