// The period an entry names, under the instansi's period scheme of that year, with its state today
// (open, locked after the deadline unless an admin unlocked it, not started).
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput } from '@kinerja/kit/errors';
import { findPeriod, periodsOfYear, periodState, todayWib, type EvaluationPeriod, type PeriodState } from '../domain/periods.ts';
import type { ConfigurationKinds } from '../domain/configuration-kinds.ts';
import { configurationInForce } from '../repositories/configuration-rows.ts';
import { findUnlocks } from '../repositories/evaluation-rows.ts';

export interface PeriodWithState extends EvaluationPeriod {
  state: PeriodState;
  unlockedUntil: string | null;
}

/** Every period of the instansi's year with its state today. */
export async function periodsWithState(em: EntityManager, instansiId: string | null, year: number): Promise<PeriodWithState[]> {
  return withState(await configurationInForce(em, 'PERIOD_SCHEME', instansiId, `${year}-01-01`), year, await findUnlocks(em, instansiId, year));
}

/** The periods of a scheme's year with their state today, given the latest unlock per period. */
export function withState(scheme: ConfigurationKinds['PERIOD_SCHEME'], year: number, unlocks: ReadonlyMap<string, string>): PeriodWithState[] {
  const today = todayWib();
  return periodsOfYear(scheme, year).map((period) => {
    const unlockedUntil = unlocks.get(period.code) ?? null;
    return { ...period, state: periodState(period, today, unlockedUntil), unlockedUntil };
  });
}

export async function periodOf(em: EntityManager, instansiId: string | null, year: number, code: string): Promise<PeriodWithState> {
  const periods = await periodsWithState(em, instansiId, year);
  const period = findPeriod(periods, code.trim().toUpperCase());
  if (period === null) {
    throw badUserInput(`Periode ${code} tidak dikenal untuk tahun ${year} (${periods.map((p) => p.code).join(', ')})`, 'unknown_period', { field: 'period' });
  }
  return period as PeriodWithState;
}
