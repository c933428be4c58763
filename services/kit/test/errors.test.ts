import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badUserInput, conflict, errorCode, forbidden, notFound, unauthenticated } from '../src/errors.ts';

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
