// Standards (and mapping rules) that come into force after they were recorded. setCompetencyStandard
// re-derives at once only when the standard is already in force; a future-dated one would otherwise wait
// for each employee's next event or finalise. This job, run on start and on an interval by main.ts, finds
// every row in force on `asOf` that has not been applied (applied_at is null), re-derives exactly the
// employees it covers in bounded batches, each batch its own transaction, and then marks the rows applied.
//
// Each re-derivation goes through rederiveEmployee: the employee's row is locked and employee_gap and the
// summaries move by the difference (store/gap-summary-rows.ts), so a batch racing a consumer event or a
// second replica running the same job cannot count anyone twice, and a run cut short is simply repeated.
//
// Mapping rules: JPM and the category are derived when read (with the date of the read) and the JPM
// stored on an assessment is the one in force when it was finalised, so no stored row depends on the rule
// in force: a rule coming into force is recorded as applied, with nothing to recount.
import type { Logger } from 'pino';
import type { Orm } from '@kinerja/kit/db';
import { employeeTargets, hasTargets } from '../domain/configuration-in-force.ts';
import { affectedEmployeePage } from '../repositories/employee-rows.ts';
import { todayIso } from '@kinerja/kit/dates';
import type { Em } from '../repositories/sql.ts';
import { findDueConfiguration, markConfigurationApplied } from '../repositories/standard-rows.ts';
import { rederiveEmployeeReportingChange } from './rederive-employee.ts';

/** Employees per transaction: long enough to amortise the commit, short enough to hold the summary rows' locks briefly. */
export const CONFIGURATION_BATCH_SIZE = 200;

/**
 * Effective dates are whole days, so an hourly check applies a standard within the first hour of its
 * first day. A constant rather than an env var: nothing needs to tune it per deployment.
 */
export const CONFIGURATION_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface ConfigurationRun {
  asOf: string;
  standardsApplied: number;
  rulesApplied: number;
  employeesRederived: number;
  employeesChanged: number;
  batches: number;
}

export async function applyConfigurationInForce(options: { orm: Orm; logger: Logger; asOf?: string; batchSize?: number }): Promise<ConfigurationRun> {
  const asOf = options.asOf ?? todayIso();
  const batchSize = options.batchSize ?? CONFIGURATION_BATCH_SIZE;
  const em = options.orm.em.fork() as unknown as Em;
  const due = await findDueConfiguration(em, asOf);
  const result: ConfigurationRun = { asOf, standardsApplied: 0, rulesApplied: 0, employeesRederived: 0, employeesChanged: 0, batches: 0 };
  if (due.standards.length === 0 && due.ruleIds.length === 0) return result;
  options.logger.info({ asOf, standards: due.standards.length, rules: due.ruleIds.length }, 'competency standards coming into force: re-deriving the employees they cover');

  const targets = employeeTargets(due.standards);
  let after = '';
  while (hasTargets(targets)) {
    const page = await affectedEmployeePage(em, targets, after, batchSize);
    if (page.length === 0) break;
    const changed = await options.orm.em.fork().transactional(async (tx) => {
      let count = 0;
      for (const employeeId of page) if ((await rederiveEmployeeReportingChange(tx as unknown as Em, employeeId, asOf)).changed) count += 1;
      return count;
    });
    result.batches += 1;
    result.employeesRederived += page.length;
    result.employeesChanged += changed;
    after = page[page.length - 1] ?? after;
    options.logger.info({ asOf, batch: result.batches, employees: result.employeesRederived, changed: result.employeesChanged }, 'competency standards coming into force: batch done');
  }

  await markConfigurationApplied(em, due.standards.map((standard) => standard.id), due.ruleIds);
  result.standardsApplied = due.standards.length;
  result.rulesApplied = due.ruleIds.length;
  options.logger.info(result, 'competency standards coming into force: applied');
  return result;
}

/** Runs the job now and then every interval; runs never overlap. stop() waits for a run in progress. */
export function startConfigurationInForceJob(options: { orm: Orm; logger: Logger; intervalMs?: number }): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = (): void => {
    if (running !== null) return;
    running = applyConfigurationInForce(options)
      .catch((error: unknown) => options.logger.error({ err: error }, 'competency standards coming into force: run failed, retried at the next interval'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? CONFIGURATION_CHECK_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
