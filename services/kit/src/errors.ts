// Every error a client may see is one of these codes, with a Bahasa Indonesia message for people
// and a stable English snake_case `reason` for programs and tests (docs/conventions.md "Errors").
import { GraphQLError } from 'graphql';

export const clientErrorCodes = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];

/**
 * Codes whose message is written for the caller: ours, and Apollo's request-level codes, which describe
 * the client's query, never our internals. Subgraphs and the gateway pass these on and mask the rest.
 */
export const clientVisibleCodes: ReadonlySet<string> = new Set<string>([
  ...clientErrorCodes,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // The service's database cannot be reached right now (databaseUnavailable below): the caller may retry.
  'SERVICE_UNAVAILABLE',
]);

function clientError(code: ClientErrorCode, message: string, reason: string, extra?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code, reason } });
}

export const unauthenticated = (message: string, reason: string): GraphQLError =>
  clientError('UNAUTHENTICATED', message, reason);
export const forbidden = (message: string, reason: string): GraphQLError => clientError('FORBIDDEN', message, reason);
export const badUserInput = (message: string, reason: string, extra?: Record<string, unknown>): GraphQLError =>
  clientError('BAD_USER_INPUT', message, reason, extra);
export const notFound = (message: string, reason: string): GraphQLError => clientError('NOT_FOUND', message, reason);
export const conflict = (message: string, reason: string): GraphQLError => clientError('CONFLICT', message, reason);
/** A rate limit refused the call; `retryAfterSeconds` says when the caller may try again. */
export const tooManyRequests = (message: string, reason: string, retryAfterSeconds: number): GraphQLError =>
  clientError('TOO_MANY_REQUESTS', message, reason, { retryAfterSeconds });

export function errorCode(error: unknown): string | undefined {
  if (error instanceof GraphQLError) {
    const code = error.extensions['code'];
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

// PostgreSQL SQLSTATEs of a lost or refused connection (class 08) and of a server shutting down or
// starting (57P01–57P03), and the socket errors of a server that is gone: a restart or failover, not a
// bug, so the client is told to retry instead of getting an internal error.
const unavailableSqlStates = /^(08...|57P0[123])$/;
const unavailableSocketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const unavailableMessages = /Connection terminated|connection error|Client was closed|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

/** True when `error` (or what it wraps) says the database could not be reached, rather than refused the statement. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown; originalError?: unknown; cause?: unknown; previous?: unknown };
  if (candidate.name === 'ConnectionException') return true;
  if (typeof candidate.code === 'string' && (unavailableSqlStates.test(candidate.code) || unavailableSocketCodes.has(candidate.code))) return true;
  if (typeof candidate.message === 'string' && unavailableMessages.test(candidate.message)) return true;
  return [candidate.originalError, candidate.cause, candidate.previous].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

export const databaseUnavailableMessage =
  'Basis data layanan sedang tidak dapat dihubungi (dimulai ulang atau dialihkan); perubahan ini mungkin belum tersimpan, periksa lalu coba lagi sebentar lagi';
