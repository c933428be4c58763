// Requests that are wrong before any GraphQL is read: broken JSON, wrong shapes, wrong content types,
// odd methods, oversized or deeply nested bodies, and tokens that are garbage, unsigned, forged or
// truncated. A server must answer each with a 4xx (or a GraphQL error), never a 5xx, and keep running.
import fc from 'fast-check';

export interface RawRequest {
  label: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const base64url = (value: string) => Buffer.from(value).toString('base64url');

/** Tokens built from a real one: its header and payload kept, the signature or algorithm broken. */
export function brokenTokens(valid: string): string[] {
  const [header = '', payload = '', signature = ''] = valid.split('.');
  const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1) ?? ''}`;
  return [
    'garbage',
    'a.b.c',
    `${header}.${payload}`,
    `${header}.${payload}.${flipped}`,
    `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`,
    `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${payload}.${signature}`,
    `${header}.${base64url(JSON.stringify({ sub: 'x', exp: 1 }))}.${signature}`,
    valid.slice(0, valid.length / 2),
    `${valid}${valid}`,
  ];
}

export function malformedRequestArbitrary(validToken: string): fc.Arbitrary<RawRequest> {
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${validToken}` };
  const bodies = fc.oneof(
    fc.string({ maxLength: 200 }).map((body) => ({ label: 'random text', body })),
    fc.constantFrom('{', '{"query":', 'null', '[]', '{}', '"query"', '{"query": 42}', '{"query": null}', '{"query": "{", "variables": 3}', '{"query": "{ __typename }", "variables": "x"}', '{"query": "{ __typename }", "operationName": 7}', '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]').map((body) => ({ label: 'broken JSON or shape', body })),
    fc.integer({ min: 50, max: 3000 }).map((depth) => ({ label: `nesting ${depth}`, body: JSON.stringify({ query: `{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }` }) })),
    fc.integer({ min: 100, max: 2000 }).map((n) => ({ label: `${n} aliases`, body: JSON.stringify({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }` }) })),
    fc.constant({ label: '2 MB body', body: JSON.stringify({ query: `{ __typename }`, variables: { x: 'x'.repeat(2_000_000) } }) }),
    fc.string({ maxLength: 300 }).map((query) => ({ label: 'random query text', body: JSON.stringify({ query }) })),
  );
  const headerSets = fc.oneof(
    fc.constant({ label: 'valid token', headers: { ...json, ...auth } }),
    fc.constantFrom(...brokenTokens(validToken)).map((token) => ({ label: 'broken token', headers: { ...json, authorization: `Bearer ${token}` } })),
    fc.constantFrom('', 'Bearer', 'Basic dXNlcjpwYXNz', 'bearer  ', `Token ${validToken}`).map((value) => ({ label: 'odd authorization', headers: { ...json, authorization: value } })),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', '').map((type) => ({ label: `content-type ${type || 'none'}`, headers: { ...auth, 'content-type': type } })),
  );
  return fc.tuple(fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'), bodies, headerSets).map(([method, body, headers]) => ({
    label: `${method} ${body.label}, ${headers.label}`,
    method,
    headers: headers.headers,
    ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: body.body }),
  }));
}
