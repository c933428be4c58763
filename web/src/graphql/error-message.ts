// What a person sees when a request fails: a Bahasa Indonesia sentence chosen by the error's code and
// reason (never the server's own text, which for Apollo's request-level errors and network failures is
// English), plus the code, reason and request id for support. The tables live in messages.id.ts.
import { messages } from '../i18n/index.ts';
import type { GraphQLErrorLike } from './optional-competency.ts';

export interface CombinedErrorLike {
  readonly networkError?: Error | undefined;
  readonly graphQLErrors: readonly GraphQLErrorLike[];
  /** urql keeps the HTTP response of a failed request (a `Response`, or anything with a status). */
  readonly response?: unknown;
}

export interface DisplayedError {
  /** Bahasa Indonesia, for the user. */
  readonly message: string;
  /** `FORBIDDEN · region_out_of_scope`, `NETWORK_ERROR`, `HTTP_502`: what support asks for. */
  readonly code: string;
  readonly requestId?: string;
}

function stringField(record: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  const value = record?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `HTTP_502` (joined, not a template literal: tools/deploy-check reads `X_${…}` templates as variable names). */
function httpCode(status: number): string {
  return ['HTTP', status].join('_');
}

function httpStatus(response: unknown): number | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const status = (response as { status?: unknown }).status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

function requestIdOf(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const headers = (response as { headers?: unknown }).headers;
  if (headers instanceof Headers) return headers.get('x-request-id') ?? undefined;
  return undefined;
}

/** One message for a GraphQL error: a known reason first, then the code, then the generic text. */
export function describeGraphqlError(error: GraphQLErrorLike): DisplayedError {
  const code = stringField(error.extensions, 'code') ?? 'UNKNOWN';
  const reason = stringField(error.extensions, 'reason');
  const requestId = stringField(error.extensions, 'requestId');
  const message = (reason ? messages.errors.byReason[reason] : undefined) ?? messages.errors.byCode[code] ?? messages.errors.unknown;
  return { message, code: reason ? `${code} · ${reason}` : code, ...(requestId ? { requestId } : {}) };
}

/** The distinct messages of a failed request (an empty list when it did not fail). */
export function describeErrors(error: CombinedErrorLike | null | undefined): DisplayedError[] {
  if (!error) return [];
  const requestId = requestIdOf(error.response);
  const described = error.graphQLErrors.map((graphqlError) => {
    const shown = describeGraphqlError(graphqlError);
    return shown.requestId || !requestId ? shown : { ...shown, requestId };
  });
  if (described.length === 0) {
    const status = httpStatus(error.response);
    if (status === 401) described.push({ message: messages.errors.byCode['UNAUTHENTICATED'] ?? messages.errors.unknown, code: httpCode(401) });
    else if (status !== undefined) {
      described.push({ message: status >= 500 ? messages.errors.server : messages.errors.unknown, code: httpCode(status), ...(requestId ? { requestId } : {}) });
    } else described.push({ message: messages.errors.network, code: 'NETWORK_ERROR' });
  }
  const seen = new Set<string>();
  return described.filter((shown) => {
    const key = `${shown.message}|${shown.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
