// Setting a configurable rule (predikat matrix, distribution limits, period scheme, 360° threshold, public
// feedback limits) as a new version for an
// instansi (or the national default) from an effective date: validate the value with the domain's checks,
// then in one transaction (the scope's versions locked) refuse a duplicate or earlier date and a date that
// reaches over finalised results, and append the version. Versions are never edited: they are the history.
import { randomUUID } from 'node:crypto';
import { hasRole, type Viewer } from '@kinerja/kit/auth';
import { isIsoDate } from '@kinerja/kit/dates';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, forbidden } from '@kinerja/kit/errors';
import { isNationalViewer } from '@kinerja/kit/scoping';
import { configurationChangeProblem } from '../domain/configuration-changes.ts';
import type { ConfigurationKind } from '../domain/configuration-kinds.ts';
import { validateLimitTable, type DistributionLimit, type UnitPredikat } from '../domain/distribution-limits.ts';
import { validatePeriodScheme } from '../domain/periods.ts';
import { validateMatrixCells } from '../domain/predikat-matrix.ts';
import { multiRaterRuleProblems } from '../domain/multi-rater.ts';
import { publicFeedbackRuleProblems } from '../domain/public-feedback.ts';
import { ConfigurationVersion } from '../entities/index.ts';
import { finalisedReach, lockConfigurationScope } from '../repositories/configuration-rows.ts';
import { performanceAdminRoles } from '../resolvers/access.ts';
import { actorOf, assertAdminOfInstansi } from './command-input.ts';

interface Scope {
  instansiId?: string | null;
  effectiveFrom: string;
}

/** The national default needs a national admin-kepegawaian; an instansi's own version an admin of its region. */
async function assertMayConfigure(tx: EntityManager, viewer: Viewer, instansiId: string | null): Promise<void> {
  if (!hasRole(viewer, ...performanceAdminRoles)) throw forbidden('Aturan hanya dapat diubah oleh admin-kepegawaian', 'missing_role');
  if (instansiId === null) {
    if (!isNationalViewer(viewer)) throw forbidden('Aturan nasional (bawaan) hanya dapat diubah oleh admin-kepegawaian nasional', 'national_admin_required');
    return;
  }
  await assertAdminOfInstansi(tx, viewer, instansiId);
}

function scopeOf(input: Scope): { instansiId: string | null; effectiveFrom: string } {
  const instansiId = input.instansiId?.trim() || null;
  const effectiveFrom = input.effectiveFrom.trim();
  if (!isIsoDate(effectiveFrom) || effectiveFrom < '2022-01-01') {
    throw badUserInput('Tanggal berlaku harus berformat YYYY-MM-DD, paling awal 2022-01-01 (PermenPANRB 6/2022)', 'invalid_date', { field: 'effectiveFrom' });
  }
  return { instansiId, effectiveFrom };
}

async function appendVersion(em: EntityManager, viewer: Viewer, kind: ConfigurationKind, scope: { instansiId: string | null; effectiveFrom: string }, value: Record<string, unknown>): Promise<string> {
  return em.transactional(async (tx) => {
    await assertMayConfigure(tx, viewer, scope.instansiId);
    const existing = await lockConfigurationScope(tx, kind, scope.instansiId);
    const problem = configurationChangeProblem(kind, scope.effectiveFrom, existing, await finalisedReach(tx, scope.instansiId));
    if (problem !== null) throw problem.code === 'CONFLICT' ? conflict(problem.message, problem.reason) : badUserInput(problem.message, problem.reason, { field: 'effectiveFrom' });
    const id = randomUUID();
    tx.create(ConfigurationVersion, { id, kind, instansiId: scope.instansiId, effectiveFrom: scope.effectiveFrom, value, createdBy: actorOf(viewer) });
    return id;
  });
}

export function setPredikatMatrix(em: EntityManager, viewer: Viewer, input: Scope & { cells: readonly { hasilKerja: string; perilakuKerja: string; predikat: string }[] }): Promise<string> {
  const scope = scopeOf(input);
  const problems = validateMatrixCells(input.cells);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  const cells = input.cells.map(({ hasilKerja, perilakuKerja, predikat }) => ({ hasilKerja, perilakuKerja, predikat }));
  return appendVersion(em, viewer, 'PREDIKAT_MATRIX', scope, { cells });
}

export interface DistributionLimitInput extends DistributionLimit {
  unitPredikat: UnitPredikat;
}

export function setDistributionLimits(em: EntityManager, viewer: Viewer, input: Scope & { limits: readonly DistributionLimitInput[] }): Promise<string> {
  const scope = scopeOf(input);
  const limits: Record<string, DistributionLimit[]> = {};
  for (const { unitPredikat, predikat, bound, value } of input.limits) (limits[unitPredikat] ??= []).push({ predikat: [...predikat], bound, value });
  const problems = validateLimitTable(limits);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  return appendVersion(em, viewer, 'DISTRIBUTION_LIMITS', scope, { limits });
}

export function setPeriodScheme(em: EntityManager, viewer: Viewer, input: Scope & { kind: string; deadlineDays: number; annualDeadlineDays: number }): Promise<string> {
  const scope = scopeOf(input);
  const problems = validatePeriodScheme(input);
  if (problems.length > 0) throw badUserInput(problems.join('; '), 'invalid_period_scheme', { problems });
  return appendVersion(em, viewer, 'PERIOD_SCHEME', scope, { kind: input.kind, deadlineDays: input.deadlineDays, annualDeadlineDays: input.annualDeadlineDays });
}

export function setMultiRaterRule(em: EntityManager, viewer: Viewer, input: Scope & { minResponses: number }): Promise<string> {
  const scope = scopeOf(input);
  const [problem] = multiRaterRuleProblems(input);
  if (problem !== undefined) throw badUserInput(problem.message, problem.reason, { field: 'minResponses' });
  return appendVersion(em, viewer, 'MULTI_RATER', scope, { minResponses: input.minResponses });
}

export function setPublicFeedbackRule(em: EntityManager, viewer: Viewer, input: Scope & { tokenTtlMinutes: number; perClientPerHour: number; perCodePerHour: number }): Promise<string> {
  const scope = scopeOf(input);
  const problems = publicFeedbackRuleProblems(input);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  const { tokenTtlMinutes, perClientPerHour, perCodePerHour } = input;
  return appendVersion(em, viewer, 'PUBLIC_FEEDBACK', scope, { tokenTtlMinutes, perClientPerHour, perCodePerHour });
}
