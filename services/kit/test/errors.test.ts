import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badUserInput, conflict, errorCode, forbidden, isDatabaseUnavailable, notFound, unauthenticated } from '../src/errors.ts';
import { maskError } from '../src/server.ts';

describe('error factories', () => {
  it.each([
    [unauthenticated('m', 'missing_token'), 'UNAUTHENTICATED', 'missing_token'],
    [forbidden('m', 'region_out_of_scope'), 'FORBIDDEN', 'region_out_of_scope'],
    [badUserInput('m', 'invalid_nip'), 'BAD_USER_INPUT', 'invalid_nip'],
    [notFound('m', 'employee_not_found'), 'NOT_FOUND', 'employee_not_found'],
    [conflict('m', 'nip_taken'), 'CONFLICT', 'nip_taken'],
  ])('builds a GraphQLError with code and reason', (error, code, reason) => {
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toMatchObject({ code, reason });
    expect(errorCode(error)).toBe(code);
  });

  it('keeps extra fields but never lets them override code or reason', () => {
    const error = badUserInput('NIP salah', 'invalid_nip', { field: 'nip', code: 'X', reason: 'y' });
    expect(error.extensions).toEqual({ field: 'nip', code: 'BAD_USER_INPUT', reason: 'invalid_nip' });
  });

  it('has no code for plain errors', () => {
    expect(errorCode(new Error('x'))).toBeUndefined();
  });
});

describe('a database that cannot be reached is a retryable error, not an internal one (issue 14, chaos)', () => {
  const wrapped = (inner: unknown) => new GraphQLError('x', { originalError: Object.assign(new Error('driver'), { cause: inner }) });
  it.each([
    ['SQLSTATE 57P01 (admin shutdown, a restart)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['SQLSTATE 57P03 (starting up)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['SQLSTATE 08006 (connection failure)', Object.assign(new Error('x'), { code: '08006' })],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection ended under a query', new Error('Connection terminated unexpectedly')],
    ["MikroORM's ConnectionException", Object.assign(new Error('x'), { name: 'ConnectionException' })],
  ])('recognises %s, also wrapped in a resolver error', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    expect(maskError({ message: 'raw driver text', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped(error))).toEqual({
      message: expect.stringMatching(/^Basis data layanan sedang tidak dapat dihubungi/),
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'database_unavailable' },
    });
  });

  it.each([
    ['a unique violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error (42601)', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('still masks %s as an internal error', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(maskError({ message: 'raw', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped(error)).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
