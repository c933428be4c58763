// What a client may see of an error (DESIGN.md "Style", docs/conventions.md "Errors"): errors the caller
// can act on keep their code, message and reason; everything else (a subgraph crash, SQL, a network
// failure, a stack trace) becomes INTERNAL_SERVER_ERROR, and the request id lets support find the log.
import { clientVisibleCodes } from '@kinerja/kit/errors';
import type { GraphQLFormattedError } from 'graphql';
import { limitRefusal } from '@kinerja/kit/limits/armor';
import { subgraphFailureCodes } from '../subgraphs/resilience.ts';


/**
 * Details a subgraph may add to an error the caller can act on, passed through as they are: the distance
 * of a refused check-in (attendance's checkIn; the Presensi page states it in its own words).
 */
export const clientDetailExtensions = ['distanceMeters'] as const;

function clientDetails(extensions: Record<string, unknown>): Record<string, string | number> {
  const details: Record<string, string | number> = {};
  for (const key of clientDetailExtensions) {
    const value = extensions[key];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) details[key] = value;
  }
  return details;
}

export const internalErrorMessage =
  'Terjadi kesalahan internal pada server; sebutkan requestId kepada admin bila berulang';

function withoutUndefined(error: GraphQLFormattedError): GraphQLFormattedError {
  return Object.fromEntries(
    Object.entries(error).filter(([, value]) => value !== undefined),
  ) as GraphQLFormattedError;
}

export function maskError(error: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  const reason = typeof extensions['reason'] === 'string' ? extensions['reason'] : undefined;
  const { locations, path } = error;

  const refusal = limitRefusal(error);
  if (refusal) return refusal;
  // A subgraph that timed out or is unreachable: the rest of the answer stands, and the client learns
  // which part is missing (the subgraph's name, never its URL).
  if (code && subgraphFailureCodes.has(code)) {
    const subgraph = extensions['subgraph'];
    return withoutUndefined({
      message: error.message,
      locations,
      path,
      extensions: { code, reason, subgraph },
    });
  }
  if (code && clientVisibleCodes.has(code)) {
    return withoutUndefined({
      message: error.message,
      locations,
      path,
      extensions: reason ? { code, reason, ...clientDetails(extensions) } : { code, ...clientDetails(extensions) },
    });
  }
  return withoutUndefined({
    message: internalErrorMessage,
    locations,
    path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' },
  });
}
