// Per-request loaders of periods, ratings, realisations and feedback (one statement per batch of keys).
import type DataLoader from 'dataloader';
import { groupByKeys } from '@kinerja/kit/loaders';
import { withState, type PeriodWithState } from '../commands/period-context.ts';
import { findConfigurationVersions, inForce } from '../repositories/configuration-rows.ts';
import {
  findEvaluationsOfEmployees,
  findEvaluationsOfSkps,
  findFeedbackOfSkps,
  findRealisationsOfIndicators,
  findUnlocksOfInstansi,
  type EvaluationRow,
  type FeedbackRow,
  type RealisationRow,
} from '../repositories/evaluation-rows.ts';
import type { PerformanceContext } from './context.ts';

export function evaluationsOfSkp(ctx: PerformanceContext): DataLoader<string, EvaluationRow[]> {
  return ctx.loaders.get('evaluationsOfSkp', async (ids: readonly string[]) => groupByKeys(ids, await findEvaluationsOfSkps(ctx.em, ids), (row) => row.skpId));
}

/** Keyed by `<employeeId>|<year>`; the batch is grouped by year (one statement per year asked). */
export function evaluationsOfEmployeeYear(ctx: PerformanceContext): DataLoader<string, EvaluationRow[]> {
  return ctx.loaders.get('evaluationsOfEmployeeYear', async (keys: readonly string[]) => {
    const byYear = new Map<number, string[]>();
    for (const key of keys) {
      const [id, year] = key.split('|') as [string, string];
      byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), id]);
    }
    const rows = (await Promise.all([...byYear].map(([year, ids]) => findEvaluationsOfEmployees(ctx.em, ids, year)))).flat();
    return groupByKeys(keys, rows, (row) => `${row.employeeId}|${row.year}`);
  });
}

export function realisationsOfIndicator(ctx: PerformanceContext): DataLoader<string, RealisationRow[]> {
  return ctx.loaders.get('realisationsOfIndicator', async (ids: readonly string[]) => groupByKeys(ids, await findRealisationsOfIndicators(ctx.em, ids), (row) => row.indicatorId));
}

export function feedbackOfSkp(ctx: PerformanceContext): DataLoader<string, FeedbackRow[]> {
  return ctx.loaders.get('feedbackOfSkp', async (ids: readonly string[]) => groupByKeys(ids, await findFeedbackOfSkps(ctx.em, ids), (row) => row.skpId));
}

/** Keyed by `<instansiId or ''>|<year>`: the schemes and unlocks of every instansi of a request in two statements. */
export function periodsOfInstansiYear(ctx: PerformanceContext): DataLoader<string, PeriodWithState[]> {
  return ctx.loaders.get('periodsOfInstansiYear', async (keys: readonly string[]) => {
    const asked = keys.map((key) => {
      const [instansiId, year] = key.split('|') as [string, string];
      return { instansiId: instansiId === '' ? null : instansiId, year: Number(year) };
    });
    const instansiIds = [...new Set(asked.flatMap((a) => (a.instansiId === null ? [] : [a.instansiId])))];
    const [schemes, unlocks] = await Promise.all([
      findConfigurationVersions(ctx.em, 'PERIOD_SCHEME', instansiIds),
      findUnlocksOfInstansi(ctx.em, instansiIds, [...new Set(asked.map((a) => a.year))]),
    ]);
    return asked.map(({ instansiId, year }) =>
      withState(inForce('PERIOD_SCHEME', schemes, instansiId, `${year}-01-01`), year, (instansiId === null ? null : unlocks.get(`${instansiId}|${year}`)) ?? new Map()),
    );
  });
}
