import { describe, expect, it } from 'vitest';
import { envReadsInSource, importsInSource, isRead, type EnvUsage } from '../src/env-usage.ts';

describe('envReadsInSource finds the variables a source text reads', () => {
  it.each([
    ['process.env member', 'const url = process.env.DATABASE_URL;', ['DATABASE_URL']],
    ['env parameter member', 'export const f = (env = process.env) => env.KAFKA_BROKERS;', ['KAFKA_BROKERS']],
    ['optional member', 'const x = env?.LOG_LEVEL;', ['LOG_LEVEL']],
    ['bracket access', 'const y = process.env[\'AUTH_ISSUER\'] ?? env["PORT"];', ['AUTH_ISSUER', 'PORT']],
    ['vite build-time variable', 'const u = import.meta.env.VITE_GRAPHQL_URL;', ['VITE_GRAPHQL_URL']],
    [
      'destructuring',
      "const { KEYCLOAK_URL, KEYCLOAK_REALM = 'asn', LOG_LEVEL: level } = process.env;",
      ['KEYCLOAK_URL', 'KEYCLOAK_REALM', 'LOG_LEVEL'],
    ],
    [
      'zod shape keys',
      "import { z } from 'zod';\nconst url = z.string();\nconst shape = {\n  PORT: z.coerce.number(),\n  'AUTH_AUDIENCE': z.string().default('kinerja-api'),\n  DATABASE_URL: url,\n  KAFKA_BROKERS: z\n    .string(),\n};",
      ['PORT', 'AUTH_AUDIENCE', 'DATABASE_URL', 'KAFKA_BROKERS'],
    ],
    [
      'upper-case keys without zod are data, not variables',
      'export const quota = { PNS: limit, PPPK: z.max };',
      [],
    ],
    ['commented-out reads do not count', '// process.env.OLD_VAR\n/* env.GONE */ const a = 1;', []],
    ['lower-case properties are not variables', 'const b = config.env.port; const c = process.envelope;', []],
  ])('%s', (_case, source, expected) => {
    expect(envReadsInSource(source).names.sort()).toEqual([...expected].sort());
  });

  it('reads a name built from a template as a pattern', () => {
    const source = 'export const name = (s: string) => `SUBGRAPH_${s.toUpperCase()}_URL`;';
    expect(envReadsInSource(source).patterns).toEqual([{ prefix: 'SUBGRAPH_', suffix: '_URL' }]);
  });

  it('matches names against exact reads and patterns', () => {
    const usage: EnvUsage = {
      names: new Map([['PORT', ['a.ts']]]),
      patterns: [{ prefix: 'SUBGRAPH_', suffix: '_URL', display: '', file: 'b.ts' }],
      files: [],
    };
    expect([
      isRead(usage, 'PORT'),
      isRead(usage, 'SUBGRAPH_PERSONNEL_URL'),
      isRead(usage, 'SUBGRAPH__URL'),
      isRead(usage, 'DATABASE_URL'),
    ]).toEqual([true, true, false, false]);
  });
});

describe('importsInSource lists runtime imports with the names used', () => {
  it.each([
    [
      'named',
      "import { loadServiceConfig } from '@kinerja/kit/config';",
      [{ specifier: '@kinerja/kit/config', names: ['loadServiceConfig'] }],
    ],
    ['type-only imports erase', "import type { Viewer } from '@kinerja/kit/auth';", []],
    [
      'inline type names are dropped',
      "import { type Viewer, hasRole } from '@kinerja/kit/auth';",
      [{ specifier: '@kinerja/kit/auth', names: ['hasRole'] }],
    ],
    ['namespace', "import * as kit from '@kinerja/kit';", [{ specifier: '@kinerja/kit', names: undefined }]],
    ['re-export all', "export * from './config.ts';", [{ specifier: './config.ts', names: undefined }]],
    [
      're-export named',
      "export { forbidden as deny } from './errors.ts';",
      [{ specifier: './errors.ts', names: ['forbidden'] }],
    ],
    ['side effect', "import './register.ts';", [{ specifier: './register.ts', names: undefined }]],
    ['dynamic', "const m = await import('./late.ts');", [{ specifier: './late.ts', names: undefined }]],
    [
      'a declaration before a re-export stays out of the clause',
      "export function f(): void {}\nexport { g } from './g.ts';",
      [{ specifier: './g.ts', names: ['g'] }],
    ],
  ])('%s', (_case, source, expected) => {
    expect(importsInSource(source)).toEqual(expected);
  });
});
