// Every GraphQL document the web app sends must at least parse, and, once the gateway has composed
// the supergraph (gateway/supergraph.graphql, a build output; KINERJA_SUPERGRAPH names another
// file), must validate against it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import type { DocumentNode } from 'graphql';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const sourceRoot = join(webRoot, 'src');
const supergraphPath = process.env['KINERJA_SUPERGRAPH'] ?? join(webRoot, '..', 'gateway', 'supergraph.graphql');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(entry.name) ? [path] : [];
  });
}

// gql`…` or gql<Data, Variables>`…`; documents in this app never interpolate.
const gqlLiteral = /\bgql(?:<[^`]*?>)?`([^`]*)`/g;

const documents = sourceFiles(sourceRoot).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(gqlLiteral)].map((match, index) => ({
    name: `${relative(webRoot, file)}#${index + 1}`,
    text: match[1] ?? '',
  })),
);

describe('GraphQL documents in web/src', () => {
  it('finds the documents of every page', () => {
    expect(documents.length).toBeGreaterThanOrEqual(5);
  });

  it.each(documents)('$name parses', ({ text }) => {
    expect(() => parse(text)).not.toThrow();
  });

  it('uses unique operation names', () => {
    const names = documents.flatMap(({ text }) =>
      parse(text).definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : [])),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  describe.skipIf(!existsSync(supergraphPath))(`against ${relative(webRoot, supergraphPath)}`, () => {
    const schema = existsSync(supergraphPath) ? buildSchema(readFileSync(supergraphPath, 'utf8')) : null;

    it.each(documents)('$name validates', ({ text }) => {
      const document: DocumentNode = parse(text);
      const errors = schema ? validate(schema, document).map((e) => e.message) : [];
      expect(errors).toEqual([]);
    });
  });
});
