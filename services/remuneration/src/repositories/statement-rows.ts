// Reads of statements, runs, month status and summaries: plain rows through hand-written SQL (the run's
// batch reads and writes are in run-batch-rows.ts).
import type { EntityManager } from '@kinerja/kit/db';
import type { FinalisedPredikat } from '../domain/predikat-for-month.ts';
import type { TppLine } from '../domain/tpp-statement.ts';
import { isoInstant } from './rule-rows.ts';
import { decodeLines } from './statement-lines.ts';

export interface StatementRow {
  id: string;
  employeeId: string;
  month: string;
  version: number;
  current: boolean;
  stale: boolean;
  instansiId: string;
  unitPath: string[];
  regionCode: string;
  nip: string;
  name: string;
  golongan: string | null;
  kelasJabatan: number | null;
  ruleVersion: string;
  inputs: string;
  base: number;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  lines: TppLine[];
  cuts: Record<string, number>;
  predikat: FinalisedPredikat | null;
  attendanceVersion: number | null;
  computedBy: string;
  computedAt: string;
  reason: string;
}

const statementColumns = `"id", "employee_id", "month", "version", "current", "stale", "instansi_id", "unit_path", "region_code", "nip", "name", "golongan",
  "kelas_jabatan", "rule_version", "inputs", "base", "gross", "deductions", "tax", "net", "lines", "cuts", "predikat", "attendance_version",
  "computed_by", "computed_at", "reason"`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toStatement = (r: any): StatementRow => ({
  id: r.id,
  employeeId: r.employee_id,
  month: r.month,
  version: r.version,
  current: r.current,
  stale: r.stale,
  instansiId: r.instansi_id,
  unitPath: r.unit_path,
  regionCode: r.region_code,
  nip: r.nip,
  name: r.name,
  golongan: r.golongan,
  kelasJabatan: r.kelas_jabatan,
  ruleVersion: r.rule_version,
  inputs: r.inputs,
  base: Number(r.base),
  gross: Number(r.gross),
  deductions: Number(r.deductions),
  tax: Number(r.tax),
  net: Number(r.net),
  lines: decodeLines(r.lines),
  cuts: r.cuts,
  predikat: r.predikat,
  attendanceVersion: r.attendance_version,
  computedBy: r.computed_by,
  computedAt: isoInstant(r.computed_at)!,
  reason: r.reason,
});

/** Every version of one employee's month, newest first. */
export async function findStatementHistory(em: EntityManager, employeeId: string, month: string): Promise<StatementRow[]> {
  const rows = await em.execute(`select ${statementColumns} from "tpp_statement" where "employee_id" = ? and "month" = ? order by "version" desc`, [employeeId, month]);
  return rows.map(toStatement);
}

/** Every version of several employees' month, newest first per employee (one statement for a page of them). */
export async function findStatementHistories(em: EntityManager, employeeIds: readonly string[], month: string): Promise<StatementRow[]> {
  if (employeeIds.length === 0) return [];
  const rows = await em.execute(`select ${statementColumns} from "tpp_statement" where "employee_id" in (?) and "month" = ? order by "employee_id", "version" desc`, [[...employeeIds], month]);
  return rows.map(toStatement);
}

/** The payroll list: current statements of an instansi's month, by NIP. */
export async function findPayroll(em: EntityManager, instansiId: string, month: string): Promise<StatementRow[]> {
  const rows = await em.execute(`select ${statementColumns} from "tpp_statement" where "instansi_id" = ? and "month" = ? and "current" order by "nip"`, [instansiId, month]);
  return rows.map(toStatement);
}

export async function countStaleStatements(em: EntityManager, instansiId: string, month: string): Promise<{ current: number; stale: number }> {
  const [row] = await em.execute<{ current: string; stale: string }[]>(
    `select count(*) as "current", count(*) filter (where "stale") as "stale" from "tpp_statement" where "instansi_id" = ? and "month" = ? and "current"`,
    [instansiId, month],
  );
  return { current: Number(row?.current ?? 0), stale: Number(row?.stale ?? 0) };
}

export async function isMonthLocked(em: EntityManager, instansiId: string, month: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from "tpp_month" where "instansi_id" = ? and "month" = ? and "status" = 'LOCKED'`, [instansiId, month]);
  return rows.length > 0;
}

/** The instansi among `instansiIds` whose month is locked. */
export async function findLockedInstansi(em: EntityManager, instansiIds: readonly string[], month: string): Promise<Set<string>> {
  if (instansiIds.length === 0) return new Set();
  const rows = await em.execute<{ instansi_id: string }[]>(`select "instansi_id" from "tpp_month" where "instansi_id" in (?) and "month" = ? and "status" = 'LOCKED'`, [[...instansiIds], month]);
  return new Set(rows.map((r) => r.instansi_id));
}

export interface RunRow {
  id: string;
  instansiId: string;
  month: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  processed: number;
  changed: number;
  cursor: string | null;
  reason: string;
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const runFromRecord = (r: any): RunRow => ({
  id: r.id,
  instansiId: r.instansi_id,
  month: r.month,
  status: r.status,
  total: r.total,
  processed: r.processed,
  changed: r.changed,
  cursor: r.cursor,
  reason: r.reason,
  requestedBy: r.requested_by,
  startedAt: isoInstant(r.started_at)!,
  finishedAt: isoInstant(r.finished_at),
  error: r.error,
});

export async function findRun(em: EntityManager, id: string, forUpdate = false): Promise<RunRow | null> {
  const rows = await em.execute(`select * from "tpp_run" where "id" = ?${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? runFromRecord(rows[0]) : null;
}

export async function findRunningRun(em: EntityManager, instansiId: string, month: string): Promise<RunRow | null> {
  const rows = await em.execute(`select * from "tpp_run" where "instansi_id" = ? and "month" = ? and "status" = 'RUNNING'`, [instansiId, month]);
  return rows[0] ? runFromRecord(rows[0]) : null;
}

export async function findRunningRunIds(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(`select "id" from "tpp_run" where "status" = 'RUNNING' order by "started_at"`);
  return rows.map((r) => r.id);
}

export interface SummaryRow {
  scopeKind: 'REGION' | 'UNIT';
  scopeId: string;
  month: string;
  regionCode: string;
  headcountPaid: number;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  cuts: Record<string, number>;
}

const toSummary = (r: Record<string, unknown>): SummaryRow => ({
  scopeKind: r['scope_kind'] as SummaryRow['scopeKind'],
  scopeId: r['scope_id'] as string,
  month: r['month'] as string,
  regionCode: r['region_code'] as string,
  headcountPaid: Number(r['headcount_paid']),
  gross: Number(r['gross']),
  deductions: Number(r['deductions']),
  tax: Number(r['tax']),
  net: Number(r['net']),
  cuts: Object.fromEntries(Object.entries(r['cuts'] as Record<string, unknown>).map(([k, v]) => [k, Number(v)])),
});

export async function findSummary(em: EntityManager, scopeKind: 'REGION' | 'UNIT', scopeId: string, month: string): Promise<SummaryRow | null> {
  return (await findSummaries(em, scopeKind, [scopeId], month))[0] ?? null;
}

/** The month's summaries of several regions or units in one statement (a dashboard asks for 38 or 514 at once). */
export async function findSummaries(em: EntityManager, scopeKind: 'REGION' | 'UNIT', scopeIds: readonly string[], month: string): Promise<SummaryRow[]> {
  if (scopeIds.length === 0) return [];
  const rows = await em.execute<Record<string, unknown>[]>(`select * from "tpp_summary" where "scope_kind" = ? and "scope_id" in (?) and "month" = ?`, [scopeKind, [...scopeIds], month]);
  return rows.map(toSummary);
}
