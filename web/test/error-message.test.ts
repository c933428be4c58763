// The user reads Bahasa Indonesia chosen by code and reason, never the server's (often English) text,
// and support gets the code, reason and request id.
import { describe, expect, it } from 'vitest';
import { describeErrors } from '../src/graphql/error-message.ts';
import { messages } from '../src/i18n/index.ts';

const csrfText =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header";

describe('describeErrors', () => {
  it.each([
    ['CSRF refusal (Apollo, English)', { message: csrfText, extensions: { code: 'BAD_REQUEST' } }, messages.errors.byCode['BAD_REQUEST'], 'BAD_REQUEST'],
    [
      'region outside the scope',
      { message: 'Wilayah 36 di luar cakupan Anda', extensions: { code: 'FORBIDDEN', reason: 'region_out_of_scope' } },
      messages.errors.byReason['region_out_of_scope'],
      'FORBIDDEN · region_out_of_scope',
    ],
    [
      'unknown reason falls back to the code',
      { message: 'x', extensions: { code: 'NOT_FOUND', reason: 'unit_not_found' } },
      messages.errors.byCode['NOT_FOUND'],
      'NOT_FOUND · unit_not_found',
    ],
    [
      'validation failure (English from graphql-js)',
      { message: 'Cannot query field "foo" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      messages.errors.byCode['GRAPHQL_VALIDATION_FAILED'],
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['no code at all', { message: 'Something broke' }, messages.errors.unknown, 'UNKNOWN'],
    ['a code nobody mapped', { message: 'Rate limited', extensions: { code: 'RATE_LIMITED' } }, messages.errors.unknown, 'RATE_LIMITED'],
  ])('%s', (_name, graphqlError, expectedMessage, expectedCode) => {
    const [shown, ...rest] = describeErrors({ graphQLErrors: [graphqlError] });
    expect(rest).toEqual([]);
    expect(shown?.message).toBe(expectedMessage);
    expect(shown?.code).toBe(expectedCode);
    expect(shown?.message).not.toContain(graphqlError.message);
  });

  it('keeps the request id the server put into the error', () => {
    const [shown] = describeErrors({
      graphQLErrors: [{ message: 'internal', extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error', requestId: 'req-42' } }],
    });
    expect(shown).toEqual({ message: messages.errors.byCode['INTERNAL_SERVER_ERROR'], code: 'INTERNAL_SERVER_ERROR · internal_error', requestId: 'req-42' });
  });

  it('reads the request id from the response header when the error has none', () => {
    const response = new Response('{}', { status: 401, headers: { 'x-request-id': 'req-7' } });
    const [shown] = describeErrors({ graphQLErrors: [{ message: 'Token akses sudah kedaluwarsa', extensions: { code: 'UNAUTHENTICATED', reason: 'token_expired' } }], response });
    expect(shown).toEqual({ message: messages.errors.byReason['token_expired'], code: 'UNAUTHENTICATED · token_expired', requestId: 'req-7' });
  });

  it.each([
    ['a refused connection', undefined, messages.errors.network, 'NETWORK_ERROR'],
    ['a 401 without a GraphQL body', new Response('', { status: 401 }), messages.errors.byCode['UNAUTHENTICATED'], 'HTTP_401'],
    ['a 502 from a proxy', new Response('<html>Bad Gateway</html>', { status: 502 }), messages.errors.server, 'HTTP_502'],
  ])('explains %s in Indonesian', (_name, response, expectedMessage, expectedCode) => {
    const [shown] = describeErrors({ networkError: new Error('Failed to fetch'), graphQLErrors: [], response });
    expect(shown?.message).toBe(expectedMessage);
    expect(shown?.code).toBe(expectedCode);
  });

  it('shows one line for repeated errors and nothing without an error', () => {
    const repeated = { message: 'a', extensions: { code: 'FORBIDDEN', reason: 'missing_role' } };
    expect(describeErrors({ graphQLErrors: [repeated, repeated] })).toHaveLength(1);
    expect(describeErrors(undefined)).toEqual([]);
  });
});
