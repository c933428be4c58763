// Every error a client may see is one of these five codes, with a Bahasa Indonesia message for people
// and a stable English snake_case `reason` for programs and tests (docs/conventions.md "Errors").
import { GraphQLError } from 'graphql';

export const clientErrorCodes = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'] as const;
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

export function errorCode(error: unknown): string | undefined {
  if (error instanceof GraphQLError) {
    const code = error.extensions['code'];
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
