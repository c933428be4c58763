// Public satisfaction feedback: an admin-kepegawaian or the unit head creates a code for a service unit (the
// QR code encodes the web page's URL with it); an anonymous citizen obtains a one-time token (rate limited
// per client address and per code) and submits a rating with it. Tokens are stored only as SHA-256 hashes,
// client addresses only as an HMAC under the database's own secret (a bare hash of an IPv4 address is
// reversed by trying all 2^32). The SKP owner may take a month's average as an indicator's realisation.
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, forbidden, notFound, tooManyRequests } from '@kinerja/kit/errors';
import { LockMode } from '@mikro-orm/core';
import { findPeriod, todayWib } from '../domain/periods.ts';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  isFeedbackCode,
  isMonth,
  MAX_CODES_PER_UNIT,
  monthWib,
  monthWithin,
  rateLimitRefusal,
  ratingProblems,
  satisfactionAverage,
  serviceNameProblem,
  tokenRefusal,
} from '../domain/public-feedback.ts';
import { PublicFeedbackCode, PublicFeedbackResponse, PublicFeedbackToken } from '../entities/index.ts';
import { configurationInForce } from '../repositories/configuration-rows.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { clientKeySecret, findFeedbackCode, findFeedbackCodesOfUnit, tokensIssuedLastHour, unitSatisfaction } from '../repositories/public-feedback-rows.ts';
import { findRhk } from '../repositories/skp-rows.ts';
import { actorOf, assertUnitHeadOrAdmin, requireUuid, trimmedNote } from './command-input.ts';
import { addRealisation } from './evaluation-commands.ts';
import { periodsWithState } from './period-context.ts';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export async function createPublicFeedbackCode(em: EntityManager, viewer: Viewer, unitIdInput: string, serviceName: string): Promise<string> {
  const unitId = unitIdInput.trim();
  const problem = serviceNameProblem(serviceName);
  if (problem !== null) throw badUserInput(problem.message, problem.reason, { field: 'serviceName' });
  return em.transactional(async (tx) => {
    const regions = await assertUnitHeadOrAdmin(tx, viewer, unitId, 'Kode umpan balik publik dibuat oleh admin-kepegawaian wilayahnya atau kepala unit');
    if ((await findFeedbackCodesOfUnit(tx, unitId)).length >= MAX_CODES_PER_UNIT) throw conflict(`Satu unit paling banyak ${MAX_CODES_PER_UNIT} kode umpan balik`, 'too_many_codes');
    const [instansi] = await tx.execute<{ instansiId: string | null }[]>('select instansi_id as "instansiId" from employee where unit_id = ? or ? = any(unit_path) limit 1', [unitId, unitId]);
    const code = newCode();
    // A region code of the unit: the longest (the most specific) of its employees' regions.
    const regionCode = [...regions].sort((a, b) => b.length - a.length)[0]!;
    tx.create(PublicFeedbackCode, { code, unitId, instansiId: instansi?.instansiId ?? null, regionCode, serviceName: serviceName.trim(), active: true, createdBy: actorOf(viewer) });
    return code;
  });
}

function activeCodeOrThrow<T extends { active: boolean } | null>(found: T): asserts found is NonNullable<T> {
  if (found === null || !found.active) throw notFound('Kode umpan balik tidak dikenal atau sudah tidak aktif', 'code_not_found');
}

/** A one-time token for the code, within the rate limits in force for the code's instansi. */
export async function startPublicFeedback(em: EntityManager, clientIp: string, codeInput: string): Promise<{ token: string; expiresAt: Date }> {
  const code = codeInput.trim().toUpperCase();
  if (!isFeedbackCode(code)) throw notFound('Kode umpan balik tidak dikenal atau sudah tidak aktif', 'code_not_found');
  return em.transactional(async (tx) => {
    // One issuer at a time per code, so a burst cannot slip past the counts.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`public-feedback:${code}`]);
    const found = await findFeedbackCode(tx, code);
    activeCodeOrThrow(found);
    const rule = await configurationInForce(tx, 'PUBLIC_FEEDBACK', found.instansiId, todayWib());
    const clientKey = createHmac('sha256', await clientKeySecret(tx)).update(clientIp).digest('hex');
    const refusal = rateLimitRefusal(await tokensIssuedLastHour(tx, clientKey, code), rule);
    if (refusal !== null) throw tooManyRequests(refusal.message, refusal.reason, 3600);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + rule.tokenTtlMinutes * 60_000);
    tx.create(PublicFeedbackToken, { tokenHash: sha256(token), code, clientKey, expiresAt, usedAt: null });
    return { token, expiresAt };
  });
}

export async function submitPublicFeedback(em: EntityManager, input: { token: string; rating: number; comment?: string | null }): Promise<{ serviceName: string }> {
  const comment = trimmedNote(input.comment);
  const problems = ratingProblems(input.rating, comment);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  return em.transactional(async (tx) => {
    const token = await tx.findOne(PublicFeedbackToken, { tokenHash: sha256(input.token.trim()) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = new Date();
    const refusal = tokenRefusal(token === null ? null : { usedAt: token.usedAt ?? null, expiresAt: token.expiresAt }, now);
    if (refusal !== null) throw refusal.reason === 'feedback_token_invalid' ? notFound(refusal.message, refusal.reason) : conflict(refusal.message, refusal.reason);
    const code = await findFeedbackCode(tx, token!.code);
    activeCodeOrThrow(code);
    token!.usedAt = now;
    tx.create(PublicFeedbackResponse, { id: randomUUID(), code: code.code, unitId: code.unitId, month: monthWib(now), rating: input.rating, comment });
    return { serviceName: code.serviceName };
  });
}

/**
 * The SKP owner records a unit's monthly satisfaction average as the realisation of an indicator for a period
 * that contains the month; the unit is the owner's own unit or one above it.
 */
export async function useSatisfactionAsRealisation(
  em: EntityManager,
  viewer: Viewer,
  input: { indicatorId: string; period: string; unitId: string; month: string },
): Promise<string> {
  const indicatorId = requireUuid(input.indicatorId, 'indicatorId');
  const month = input.month.trim();
  if (!isMonth(month)) throw badUserInput('Bulan harus berformat YYYY-MM', 'invalid_month', { field: 'month' });
  const unitId = input.unitId.trim();
  return em.transactional(async (tx) => {
    const [rhkId] = (await tx.execute<{ rhkId: string }[]>('select rhk_id as "rhkId" from indicator where id = ?', [indicatorId])).map((r) => r.rhkId);
    if (rhkId === undefined) throw notFound('Indikator tidak ditemukan', 'indicator_not_found');
    const [rhk] = await findRhk(tx, [rhkId]);
    const [skp] = await tx.execute<{ employeeId: string; instansiId: string | null; year: number }[]>('select employee_id as "employeeId", instansi_id as "instansiId", year from skp where id = ?', [rhk!.skpId]);
    const [owner] = await findEmployees(tx, [skp!.employeeId]);
    if (owner === undefined || !(owner.unitId === unitId || owner.unitPath.includes(unitId))) {
      throw forbidden('Survei kepuasan hanya dapat dipakai dari unit pegawai sendiri atau unit di atasnya', 'unit_not_related');
    }
    const period = findPeriod(await periodsWithState(tx, skp!.instansiId, skp!.year), input.period.trim().toUpperCase());
    if (period !== null && !monthWithin(month, period)) throw badUserInput(`Bulan ${month} di luar periode ${period.code}`, 'month_outside_period', { field: 'month' });
    const { responses, sum } = await unitSatisfaction(tx, unitId, month);
    const average = satisfactionAverage(sum, responses);
    if (average === null) throw conflict(`Belum ada tanggapan survei kepuasan untuk bulan ${month}`, 'no_satisfaction_responses');
    const note = `Rata-rata survei kepuasan masyarakat ${month}: ${average.toLocaleString('id-ID')} dari ${responses} tanggapan (skala 1–5)`;
    return addRealisation(tx, viewer, indicatorId, input.period, { value: average, evidenceUrl: null, note });
  });
}
