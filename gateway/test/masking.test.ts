import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { internalErrorMessage, maskError } from '../src/errors/masking.ts';

const path = ['employees', 'edges', 0];

describe('maskError', () => {
  it.each<[string, GraphQLFormattedError, GraphQLFormattedError]>([
    [
      'keeps a FORBIDDEN from a subgraph, dropping its serviceName',
      {
        message: 'Wilayah 36 di luar cakupan Anda',
        path,
        extensions: { code: 'FORBIDDEN', reason: 'region_out_of_scope', serviceName: 'personnel' },
      },
      {
        message: 'Wilayah 36 di luar cakupan Anda',
        path,
        extensions: { code: 'FORBIDDEN', reason: 'region_out_of_scope' },
      },
    ],
    [
      'keeps the distance of a refused check-in, and no other detail',
      {
        message: 'Lokasi Anda 1112 m dari Halaman kantor, di luar radius 50 m',
        path: ['checkIn'],
        extensions: { code: 'BAD_USER_INPUT', reason: 'outside_geofence', distanceMeters: 1112, serviceName: 'attendance', field: 'x' },
      },
      {
        message: 'Lokasi Anda 1112 m dari Halaman kantor, di luar radius 50 m',
        path: ['checkIn'],
        extensions: { code: 'BAD_USER_INPUT', reason: 'outside_geofence', distanceMeters: 1112 },
      },
    ],
    [
      'keeps BAD_USER_INPUT',
      { message: 'NIP tidak valid', extensions: { code: 'BAD_USER_INPUT', reason: 'invalid_nip' } },
      { message: 'NIP tidak valid', extensions: { code: 'BAD_USER_INPUT', reason: 'invalid_nip' } },
    ],
    [
      'keeps GraphQL validation errors',
      {
        message: 'Cannot query field "x" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      {
        message: 'Cannot query field "x" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ],
    [
      'turns a limit rejection into BAD_USER_INPUT',
      {
        message: 'Kueri terlalu dalam; batasnya 12 tingkat',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'query_too_deep' },
      },
      {
        message: 'Kueri terlalu dalam; batasnya 12 tingkat',
        extensions: { code: 'BAD_USER_INPUT', reason: 'query_too_deep' },
      },
    ],
    [
      'turns the parser token limit into BAD_USER_INPUT',
      {
        message: 'Syntax Error: Document contains more than 2000 tokens. Parsing aborted.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
      {
        message: 'Kueri terlalu panjang; kurangi jumlah field atau argumen',
        extensions: { code: 'BAD_USER_INPUT', reason: 'query_too_many_tokens' },
      },
    ],
    [
      'hides SQL and stack traces behind INTERNAL_SERVER_ERROR',
      {
        message: 'relation "employee" does not exist: SELECT * FROM employee',
        path,
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          serviceName: 'personnel',
          exception: { stacktrace: ['at Pool.query'] },
        },
      },
      {
        message: internalErrorMessage,
        path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' },
      },
    ],
    [
      'hides an error without a code',
      { message: 'connect ECONNREFUSED 10.0.0.7:4001' },
      {
        message: internalErrorMessage,
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' },
      },
    ],
    [
      'hides an unknown code such as DOWNSTREAM_SERVICE_ERROR',
      {
        message: 'socket hang up',
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'personnel' },
      },
      {
        message: internalErrorMessage,
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' },
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(maskError(input)).toEqual(expected);
  });
});
