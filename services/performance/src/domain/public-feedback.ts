// Public satisfaction feedback (survei kepuasan masyarakat; PermenPANRB 14/2017 on the survey of public
// satisfaction with a service unit; DOMAIN.md "Performance": it can be an indicator's realisation). A service
// unit prints a QR code; a citizen opens the public page without an account, receives a one-time token and
// leaves a rating 1–5 with an optional comment. Tokens are single use and expire; issuing them is rate
// limited per client address and per code. Every number here is configurable data per instansi.
import type { Versioned } from './configuration-in-force.ts';
import type { Problem } from './skp-plan.ts';

export interface PublicFeedbackRule extends Versioned {
  /** Minutes a one-time token stays valid after it is issued. */
  readonly tokenTtlMinutes: number;
  /** Tokens one client address may obtain in an hour (across codes). */
  readonly perClientPerHour: number;
  /** Tokens one code may hand out in an hour (a flood against one counter). */
  readonly perCodePerHour: number;
}

export const defaultPublicFeedbackRule: PublicFeedbackRule = { instansiId: null, effectiveFrom: '2022-01-01', tokenTtlMinutes: 30, perClientPerHour: 20, perCodePerHour: 300 };

/** Bounds of a configured rule: a token lives 5 minutes to a day; limits are positive whole numbers. */
export function publicFeedbackRuleProblems(rule: { tokenTtlMinutes: number; perClientPerHour: number; perCodePerHour: number }): Problem[] {
  const problems: Problem[] = [];
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(rule.tokenTtlMinutes, 5, 1440)) problems.push({ reason: 'invalid_token_ttl', message: 'Masa berlaku token harus 5–1440 menit' });
  if (!whole(rule.perClientPerHour, 1, 1000)) problems.push({ reason: 'invalid_rate_limit', message: 'Batas per perangkat harus 1–1000 permintaan per jam' });
  if (!whole(rule.perCodePerHour, 1, 100_000)) problems.push({ reason: 'invalid_rate_limit', message: 'Batas per kode harus 1–100.000 permintaan per jam' });
  return problems;
}

export const MIN_RATING = 1;
export const MAX_RATING = 5;
export const MAX_PUBLIC_COMMENT = 1000;
export const MAX_SERVICE_NAME = 200;
/** A counter prints a few codes; the cap bounds OrgUnit.publicFeedbackCodes. */
export const MAX_CODES_PER_UNIT = 20;
/** Codes are typed from paper too: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

export function serviceNameProblem(name: string): Problem | null {
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > MAX_SERVICE_NAME) return { reason: 'invalid_service_name', message: `Nama layanan harus 3–${MAX_SERVICE_NAME} karakter` };
  return null;
}

export function isFeedbackCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

export function ratingProblems(rating: number, comment: string | null): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(rating) || rating < MIN_RATING || rating > MAX_RATING) problems.push({ reason: 'invalid_rating', message: `Penilaian harus bintang ${MIN_RATING} sampai ${MAX_RATING}` });
  if (comment !== null && comment.length > MAX_PUBLIC_COMMENT) problems.push({ reason: 'comment_too_long', message: `Komentar paling banyak ${MAX_PUBLIC_COMMENT} karakter` });
  return problems;
}

export interface TokenState {
  usedAt: Date | null;
  expiresAt: Date;
}

/** Why a token cannot be used now (null: it can): unknown, already used, or expired. */
export function tokenRefusal(token: TokenState | null, now: Date): Problem | null {
  if (token === null) return { reason: 'feedback_token_invalid', message: 'Tautan umpan balik tidak dikenal; pindai ulang kode QR' };
  if (token.usedAt !== null) return { reason: 'feedback_token_used', message: 'Umpan balik dengan token ini sudah dikirim; terima kasih' };
  if (token.expiresAt.getTime() <= now.getTime()) return { reason: 'feedback_token_expired', message: 'Waktu pengisian habis; pindai ulang kode QR untuk mencoba lagi' };
  return null;
}

/** Whether another token may be issued given the tokens of the last hour (per client address and per code). */
export function rateLimitRefusal(issuedLastHour: { client: number; code: number }, rule: PublicFeedbackRule): Problem | null {
  if (issuedLastHour.client >= rule.perClientPerHour) return { reason: 'rate_limited_client', message: 'Terlalu banyak permintaan dari perangkat atau jaringan Anda; coba lagi nanti' };
  if (issuedLastHour.code >= rule.perCodePerHour) return { reason: 'rate_limited_code', message: 'Terlalu banyak permintaan untuk layanan ini; coba lagi nanti' };
  return null;
}

/** The calendar month (WIB) a response counts in, YYYY-MM. */
export function monthWib(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

export function isMonth(value: string): boolean {
  return /^(20[2-9]\d)-(0[1-9]|1[0-2])$/.test(value);
}

/** The average as it becomes an indicator's realisation: two decimals. */
export function satisfactionAverage(sum: number, responses: number): number | null {
  return responses === 0 ? null : Math.round((sum / responses) * 100) / 100;
}

/** Whether a month (YYYY-MM) lies within a period (start and end YYYY-MM-DD). */
export function monthWithin(month: string, period: { start: string; end: string }): boolean {
  return month >= period.start.slice(0, 7) && month <= period.end.slice(0, 7);
}
