// docs/conventions.md "Shared vocabulary": the enums this schema shares with other subgraphs come from
// @kinerja/kit/vocabulary; this fails when schema.graphql drifts from the kit (issue 9).
import { readFileSync } from 'node:fs';
import { sharedEnumDrift, sharedEnumsIn } from '@kinerja/kit/vocabulary-drift';
import { describe, expect, it } from 'vitest';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('shared vocabulary in schema.graphql', () => {
  it('declares the shared enums it uses', () => {
    expect([...sharedEnumsIn(sdl).keys()].sort()).toEqual(['EmploymentType', 'JenisJabatan']);
  });

  it('lists exactly the kit vocabulary in each of them', () => {
    expect(sharedEnumDrift(sdl)).toEqual([]);
  });
});
