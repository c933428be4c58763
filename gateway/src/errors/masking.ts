// What a client may see of an error (DESIGN.md "Style", docs/conventions.md "Errors"): errors the caller
// can act on keep their code, message and reason; everything else (a subgraph crash, SQL, a network
// failure, a stack trace) becomes INTERNAL_SERVER_ERROR, and the request id lets support find the log.
import { clientVisibleCodes } from '@kinerja/kit/errors';
import type { GraphQLFormattedError } from 'graphql';
import { limitReasonSet, limitReasons, tooManyTokensPattern } from '../limits/armor.ts';


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

  if (code === 'GRAPHQL_PARSE_FAILED' && tooManyTokensPattern.test(error.message)) {
    return withoutUndefined({
      message: 'Kueri terlalu panjang; kurangi jumlah field atau argumen',
      locations,
      extensions: { code: 'BAD_USER_INPUT', reason: limitReasons.tokens },
    });
  }
  // Limits are checked as validation rules (so Apollo labels them GRAPHQL_VALIDATION_FAILED), but the
  // caller's fix is to send a smaller query: the same code as any other bad input.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && reason && limitReasonSet.has(reason)) {
    return withoutUndefined({
      message: error.message,
      locations,
      extensions: { code: 'BAD_USER_INPUT', reason },
    });
  }
  if (code && clientVisibleCodes.has(code)) {
    return withoutUndefined({
      message: error.message,
      locations,
      path,
      extensions: reason ? { code, reason } : { code },
    });
  }
  return withoutUndefined({
    message: internalErrorMessage,
    locations,
    path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' },
  });
}
