// computeTpp (issue 12 "Computation"): a run per instansi and month with progress, processed in batches of
// employees in employee-id order within lanes (contiguous id ranges side by side, domain/run-lanes.ts).
// Each batch is one transaction, set-based (run-batch-rows.ts: one read of every input, multi-row
// writes): the new statement versions, the replaced versions un-marked current, the summary deltas, one
// TppComputed per version (outbox), the lane's cursor and the run's progress. A crash loses at most the
// batches in flight, and resuming from the stored cursors never writes a line twice. Unchanged inputs
// (same fingerprint) make no new version, so a rerun is idempotent.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { badUserInput, conflict, type Viewer } from '@kinerja/kit';
import type { EntityManager, Orm } from '@kinerja/kit/db';
import { isFutureMonth, isMonth } from '../domain/month.ts';
import { inputsFingerprint, monthlyInputs, versionReason } from '../domain/monthly-inputs.ts';
import { laneCount, laneRanges } from '../domain/run-lanes.ts';
import { computeStatement } from '../domain/tpp-statement.ts';
import type { TppRule } from '../domain/tpp-rule.ts';
import { figuresOf, summaryDeltas, type SummaryContribution } from '../domain/tpp-summary.ts';
import { tppComputedEvent } from '../events/tpp-computed.ts';
import { findInstansiRegion } from '../repositories/instansi-rows.ts';
import { ruleFor } from '../repositories/rule-rows.ts';
import {
  addRunProgress, addSummaryDeltas, advanceLane, employeeSliceEnds, findRunLanes, finishLane, insertRunLanes, lockRunLane, outboxColumns, outboxCopyText,
  readBatchInputs, recapOf, refreshStatements, retireStatements, statementColumns, statementCopyText, type BatchInputRow, type NewStatementRow, type OutboxRow,
  type RunClient, type RunLane, type StatementKey, type SummaryDelta,
} from '../repositories/run-batch-rows.ts';
import { copyRows } from '../repositories/copy-rows.ts';
import { findRun, findRunningRun, isMonthLocked, runFromRecord, type RunRow } from '../repositories/statement-rows.ts';
import { assertInstansiAdmin } from '../resolvers/scope.ts';

/**
 * Employees per batch (one transaction). On the 100k bench 500 cost ~10 µs less worker CPU per employee
 * than 1,000 (less of a batch alive at each young-generation collection) but twice the summary upserts
 * and commits, and PostgreSQL is the busier side: 1,000 ran more employees per second (2,000 no better).
 */
export const DEFAULT_BATCH_SIZE = 1_000;
/** Lanes of a large run side by side (each a connection): the machine's two cores both busy. */
export const DEFAULT_MAX_LANES = 2;

/** Starts (or returns the running) run for the instansi's month; the caller hands it to a RunExecutor. */
export async function startTppRun(em: EntityManager, viewer: Viewer, instansiId: string, month: string, reason: string | null, todayIso: string): Promise<RunRow> {
  if (!isMonth(month)) throw badUserInput(`Bulan ${month} tidak valid; gunakan YYYY-MM`, 'invalid_month');
  if (isFutureMonth(month, todayIso)) throw badUserInput(`Bulan ${month} belum dimulai; TPP tidak dapat dihitung untuk bulan mendatang`, 'future_month');
  await assertInstansiAdmin(em, viewer, instansiId);
  if (await isMonthLocked(em, instansiId, month)) throw conflict(`TPP ${month} sudah dikunci; buka kunci dengan alasan sebelum menghitung ulang`, 'month_locked');
  if (!(await ruleFor(em, instansiId, month))) throw badUserInput(`Tidak ada aturan TPP yang berlaku untuk ${month}`, 'no_rule_in_force');
  const running = await findRunningRun(em, instansiId, month);
  if (running) return running;
  const id = randomUUID();
  // In a transaction (not autocommit) so the audit trigger records the run with who asked for it.
  await em.transactional((tx) =>
    tx.execute(
      `insert into "tpp_run" ("id", "instansi_id", "month", "status", "total", "reason", "requested_by", "started_at")
       select ?, ?, ?, 'RUNNING', count(*), ?, ?, now() from "employee" where "instansi_id" = ? and "status" = 'ACTIVE'
       on conflict do nothing`,
      [id, instansiId, month, reason?.trim() ?? '', viewer.username, instansiId],
    ),
  );
  // A concurrent request may have started one first: return whichever is running.
  return (await findRunningRun(em, instansiId, month)) ?? (await findRun(em, id))!;
}

type PooledClient = RunClient & { release(error?: Error): void };

/** The ORM's own pg pool: the run's batches use its connections with driver bind parameters. */
async function nativePool(orm: Orm): Promise<{ connect(): Promise<PooledClient> }> {
  const connection = orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ connect(): Promise<PooledClient> }> };
  return connection.getNativeClient();
}

async function inTransaction<T>(orm: Orm, work: (db: RunClient) => Promise<T>): Promise<T> {
  const client = await (await nativePool(orm)).connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}

/**
 * The run's lanes, created on first use from equal slices of its employees (one statement, so two
 * processes resuming the same run agree on them: the first insert wins).
 */
export async function ensureRunLanes(orm: Orm, runId: string, batchSize: number, maxLanes: number): Promise<RunLane[]> {
  return inTransaction(orm, async (db) => {
    const existing = await findRunLanes(db, runId);
    if (existing.length > 0) return existing;
    const { rows } = await db.query<{ instansi_id: string; total: number; cursor: string | null }>(`select "instansi_id", "total", "cursor" from "tpp_run" where "id" = $1`, [runId]);
    if (!rows[0]) return [];
    // A run started before lanes existed kept one cursor: it goes on from there in one lane.
    if (rows[0].cursor !== null) {
      await insertRunLanes(db, runId, [{ lane: 0, afterId: rows[0].cursor, untilId: null }]);
      return findRunLanes(db, runId);
    }
    const lanes = laneCount(rows[0].total, batchSize, maxLanes);
    const ends = lanes === 1 ? [] : await employeeSliceEnds(db, rows[0].instansi_id, lanes);
    await insertRunLanes(db, runId, laneRanges(ends));
    return findRunLanes(db, runId);
  });
}

/**
 * One batch of one lane in one transaction; returns false when the lane is finished (or the run no longer
 * running). The lane's row lock makes two processes resuming the same run take turns, never the same batch.
 */
export async function processLaneBatch(orm: Orm, runId: string, lane: number, batchSize = DEFAULT_BATCH_SIZE): Promise<boolean> {
  // The rule and the instansi's region are plain reads outside the batch's transaction (ORM pool).
  const em = orm.em.fork();
  return inTransaction(orm, (db) => runLaneBatch(em, db, runId, lane, batchSize));
}

/** One batch of the run's first unfinished lane (tests step a run with it); false when the run is finished. */
export async function processRunBatch(orm: Orm, runId: string, batchSize = DEFAULT_BATCH_SIZE, maxLanes = 1): Promise<boolean> {
  const lanes = await ensureRunLanes(orm, runId, batchSize, maxLanes);
  for (const lane of lanes) {
    if (!lane.done) {
      await processLaneBatch(orm, runId, lane.lane, batchSize);
      const [run] = await orm.em.fork().execute<{ status: string }[]>(`select "status" from "tpp_run" where "id" = ?`, [runId]);
      return run?.status === 'RUNNING';
    }
  }
  return false;
}

/** What one batch writes, computed without the database. */
export interface BatchWrites {
  rows: NewStatementRow[];
  events: OutboxRow[];
  /** Current versions replaced by a new one. */
  replaced: StatementKey[];
  /** Stale current versions whose inputs turned out unchanged. */
  stillCurrent: StatementKey[];
  deltas: SummaryDelta[];
  /** Employees without a statement, with the domain's explanation. */
  skipped: string[];
}

/**
 * The batch's new statement versions (only where the inputs' fingerprint changed), one TppComputed per
 * version and the summary deltas; pure apart from the new ids.
 */
export function prepareBatch(run: Pick<RunRow, 'instansiId' | 'month' | 'reason'>, rule: TppRule, instansiRegion: string, employees: readonly BatchInputRow[], computedAt: Date): BatchWrites {
  const computedAtIso = computedAt.toISOString();
  const writes: BatchWrites = { rows: [], events: [], replaced: [], stillCurrent: [], deltas: [], skipped: [] };
  const changes: { before: SummaryContribution | null; after: SummaryContribution }[] = [];
  for (const e of employees) {
    const inputs = monthlyInputs(
      rule, run.month,
      { employeeId: e.employee_id, kelasJabatan: e.kelas_jabatan, jenisJabatan: e.jenis_jabatan, golongan: e.golongan },
      e.ratings ?? [], recapOf(e),
      { positions: e.positions ?? [], plt: e.plt ?? [], sanctions: e.sanctions ?? [] },
    );
    const fingerprint = inputsFingerprint(rule.id, inputs);
    if (e.current_id !== null && e.current_inputs === fingerprint) {
      if (e.current_stale) writes.stillCurrent.push({ employeeId: e.employee_id, version: e.current_version! });
      continue;
    }
    const result = computeStatement(rule, inputs);
    if (!result.ok) {
      writes.skipped.push(`${e.nip}: ${result.message}`);
      continue;
    }
    const s = result.statement;
    const id = randomUUID();
    const version = (e.current_version ?? 0) + 1;
    const reason = [versionReason(e.current_inputs, fingerprint), run.reason].filter((r) => r !== '').join('; ');
    if (e.current_id !== null) writes.replaced.push({ employeeId: e.employee_id, version: e.current_version! });
    writes.rows.push({
      id, employeeId: e.employee_id, version, unitPath: e.unit_path, regionCode: e.region_code, nip: e.nip, name: e.name, golongan: e.golongan,
      kelasJabatan: inputs.position.kelasJabatan || null, inputs: fingerprint, base: s.base, gross: s.gross, deductions: s.deductions, tax: s.tax, net: s.net,
      lines: s.lines, cuts: s.cuts, predikat: s.predikat, attendanceVersion: s.attendanceVersion, reason,
    });
    const before: SummaryContribution | null = e.current_id === null ? null : {
      regionCode: e.current_region!,
      unitPath: e.current_unit_path ?? [],
      figures: figuresOf({ gross: Number(e.current_gross), deductions: Number(e.current_deductions), tax: Number(e.current_tax), net: Number(e.current_net), cuts: e.current_cuts ?? {} }),
    };
    changes.push({ before, after: { regionCode: e.region_code, unitPath: e.unit_path, figures: figuresOf(s) } });
    const event = tppComputedEvent({ statementId: id, employeeId: e.employee_id, instansiId: run.instansiId, regionCode: e.region_code, month: run.month, version, gross: s.gross, deductions: s.deductions, tax: s.tax, net: s.net, ruleVersion: rule.id, computedAt, reason }, computedAtIso);
    writes.events.push({ id: randomUUID(), topic: event.topic, key: event.key, type: event.type, schemaVersion: event.schemaVersion, payload: event.payload, occurredAt: computedAt });
  }
  writes.deltas = [...summaryDeltas(changes)].map(([key, f]) => {
    const [kind, id] = key.split('|') as ['REGION' | 'UNIT', string];
    return { kind, id, region: kind === 'REGION' ? id : instansiRegion, ...f };
  });
  return writes;
}

/** A batch ready to write: the COPY texts and the few keys and figures the other statements need. */
interface EncodedBatch {
  lastEmployeeId: string;
  processed: number;
  changed: number;
  skipped: string;
  replaced: StatementKey[];
  stillCurrent: StatementKey[];
  deltas: SummaryDelta[];
  statementText: string;
  outboxText: string;
}

/**
 * Reads and computes the lane's next batch; null when the lane has no employee left. Its own function so
 * the batch's input rows and statement objects are garbage once the texts exist, before the writes'
 * round trips: kept alive across them they survive young-generation collections and get promoted, and
 * garbage collection already costs the run more CPU than computing the statements (CPU profile of the
 * 100k bench: ~26 µs per employee in the collector, ~13 µs in computeStatement).
 */
async function encodeLaneBatch(em: EntityManager, db: RunClient, run: RunRow, lane: RunLane, batchSize: number): Promise<EncodedBatch | null> {
  const employees = await readBatchInputs(db, run.instansiId, run.month, lane.cursor, lane.untilId, batchSize);
  if (employees.length === 0) return null;
  const rule = await ruleFor(em, run.instansiId, run.month);
  if (!rule) throw new Error(`no TPP rule in force for ${run.instansiId} ${run.month}`);
  const instansiRegion = (await findInstansiRegion(em, run.instansiId)) ?? 'ID';
  const computedAt = new Date();
  const writes = prepareBatch(run, rule, instansiRegion, employees, computedAt);
  return {
    lastEmployeeId: employees[employees.length - 1]!.employee_id,
    processed: employees.length,
    changed: writes.rows.length,
    skipped: writes.skipped.join('\n'),
    replaced: writes.replaced,
    stillCurrent: writes.stillCurrent,
    deltas: writes.deltas,
    statementText: statementCopyText({ id: run.id, instansiId: run.instansiId, month: run.month, ruleVersion: rule.id, computedBy: run.requestedBy, computedAt }, writes.rows),
    outboxText: outboxCopyText(writes.events),
  };
}

async function runLaneBatch(em: EntityManager, db: RunClient, runId: string, laneNumber: number, batchSize: number): Promise<boolean> {
  const lane = await lockRunLane(db, runId, laneNumber);
  if (!lane || lane.done) return false;
  const { rows: runRows } = await db.query(`select * from "tpp_run" where "id" = $1`, [runId]);
  const run = runRows[0] ? runFromRecord(runRows[0]) : null;
  if (!run || run.status !== 'RUNNING') return false;
  const batch = await encodeLaneBatch(em, db, run, lane, batchSize);
  if (!batch) {
    await finishLane(db, runId, laneNumber);
    return false;
  }
  await retireStatements(db, run.month, batch.replaced);
  await refreshStatements(db, run.month, batch.stillCurrent);
  await copyRows(db, 'tpp_statement', statementColumns, batch.statementText);
  await copyRows(db, 'outbox_event', outboxColumns, batch.outboxText);
  await addSummaryDeltas(db, run.month, batch.deltas);
  await advanceLane(db, runId, laneNumber, batch.lastEmployeeId);
  // Last, so lanes hold the run row only for the moment of their commit.
  const progressed = await addRunProgress(db, runId, batch.processed, batch.changed, batch.skipped);
  if (!progressed) throw new Error(`TPP run ${runId} stopped while a batch was in flight`);
  return true;
}

/**
 * Runs runs to the end in this process, one at a time per run id (a second request for a running run
 * joins it), each run's lanes side by side. Batches serialise on their lane's row lock, so two processes
 * resuming the same run never process a batch twice.
 */
export class RunExecutor {
  readonly #orm: Orm;
  readonly #logger: Logger;
  readonly #batchSize: number;
  readonly #maxLanes: number;
  readonly #active = new Map<string, Promise<void>>();
  #stopping = false;

  constructor(orm: Orm, logger: Logger, batchSize = DEFAULT_BATCH_SIZE, maxLanes = DEFAULT_MAX_LANES) {
    this.#orm = orm;
    this.#logger = logger;
    this.#batchSize = batchSize;
    this.#maxLanes = maxLanes;
  }

  run(runId: string): Promise<void> {
    const existing = this.#active.get(runId);
    if (existing) return existing;
    const work = (async () => {
      try {
        const lanes = await ensureRunLanes(this.#orm, runId, this.#batchSize, this.#maxLanes);
        await Promise.all(
          lanes.filter((lane) => !lane.done).map(async (lane) => {
            while (!this.#stopping && (await processLaneBatch(this.#orm, runId, lane.lane, this.#batchSize)));
          }),
        );
      } catch (error) {
        this.#logger.error({ err: error, runId }, 'TPP run failed');
        await this.#orm.em.fork().execute(`update "tpp_run" set "status" = 'FAILED', "finished_at" = now(), "error" = left(?, 4000) where "id" = ? and "status" = 'RUNNING'`, [String(error), runId]);
      } finally {
        this.#active.delete(runId);
      }
    })();
    this.#active.set(runId, work);
    return work;
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#active.values());
  }
}
