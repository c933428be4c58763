// The workbench's saved examples must run: they parse and validate against the composed supergraph.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { viewerFromClaims } from '../src/auth/viewer.ts';
import { exampleOperations } from '../src/workbench/examples.ts';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const supergraphPath = process.env['KINERJA_SUPERGRAPH'] ?? join(webRoot, '..', 'gateway', 'supergraph.graphql');

const viewers = {
  'nasional.analis': viewerFromClaims({ preferred_username: 'nasional.analis', realm_access: { roles: ['analis'] }, region_code: 'ID' }),
  'jabar.admin': viewerFromClaims({ preferred_username: 'jabar.admin', realm_access: { roles: ['admin-kepegawaian'] }, region_code: '32' }),
  'karawang.asesor': viewerFromClaims({ preferred_username: 'karawang.asesor', realm_access: { roles: ['asesor'] }, region_code: '32.15' }),
  'banten.analis': viewerFromClaims({ preferred_username: 'banten.analis', realm_access: { roles: ['analis'] }, region_code: '36' }),
};

describe('workbench examples', () => {
  it.each(Object.entries(viewers))('%s gets a dashboard, training needs and a profile only when the role may read them', (username, viewer) => {
    const titles = exampleOperations(viewer).map((example) => example.title);
    expect(titles).toEqual(
      username === 'karawang.asesor' ? ['Dasbor wilayah'] : ['Dasbor wilayah', 'Kebutuhan diklat kabupaten', 'Profil pegawai'],
    );
  });

  it('points each example at the viewer’s own region', () => {
    const [dashboard, training] = exampleOperations(viewers['banten.analis']);
    expect(dashboard?.variables).toEqual({ code: '36', childLevel: 'REGENCY', parentCode: '36' });
    expect(training?.variables).toEqual({ regionCode: '36.03' });
  });

  describe.skipIf(!existsSync(supergraphPath))('against the supergraph', () => {
    const schema = existsSync(supergraphPath) ? buildSchema(readFileSync(supergraphPath, 'utf8')) : null;
    it.each(exampleOperations(viewers['nasional.analis']).map((example) => [example.title, example.query]))('%s validates', (_title, query) => {
      expect(schema ? validate(schema, parse(query)).map((error) => error.message) : []).toEqual([]);
    });
  });
});
