import { describe, expect, it } from 'vitest';
import { viewerFromClaims } from '../src/auth/viewer.ts';
import { defaultRoute, routeFromHash, visibleRoutes } from '../src/navigation/routes.ts';

// Claims as the realm `asn` issues them (docs/conventions.md, demo users).
const karawangPegawai = viewerFromClaims({
  preferred_username: 'karawang.pegawai',
  name: 'Siti Rahmawati',
  realm_access: { roles: ['pegawai', 'offline_access', 'default-roles-asn', 'uma_authorization'] },
  region_code: '32.15',
  nip: '199001152015032001',
});
const jabarAnalis = viewerFromClaims({
  preferred_username: 'jabar.analis',
  realm_access: { roles: ['analis'] },
  region_code: '32',
});
const atasan = viewerFromClaims({
  preferred_username: 'karawang.atasan',
  realm_access: { roles: ['atasan', 'pegawai'] },
  region_code: '32.15',
  nip: '197805122003121003',
});

describe('viewer from token claims', () => {
  it('keeps only the application roles, in a stable order', () => {
    expect(karawangPegawai.roles).toEqual(['pegawai']);
    expect(atasan.roles).toEqual(['pegawai', 'atasan']);
  });

  it('uses the full name when present, else the username', () => {
    expect(karawangPegawai.displayName).toBe('Siti Rahmawati');
    expect(jabarAnalis.displayName).toBe('jabar.analis');
  });

  it('reads region and nip; no nip for non-employee accounts', () => {
    expect(karawangPegawai.regionCode).toBe('32.15');
    expect(karawangPegawai.nip).toBe('199001152015032001');
    expect(jabarAnalis.nip).toBeNull();
  });

  it('treats a token without region_code as national and ignores malformed roles', () => {
    const viewer = viewerFromClaims({ preferred_username: 'x', realm_access: { roles: 'analis' }, region_code: '' });
    expect(viewer.regionCode).toBe('ID');
    expect(viewer.roles).toEqual([]);
  });
});

describe('hash routes', () => {
  it('shows regional pages only to regional roles and the profile only to employees', () => {
    expect(visibleRoutes(karawangPegawai)).toEqual(['pegawai', 'profil']);
    expect(visibleRoutes(jabarAnalis)).toEqual(['dasbor', 'pegawai', 'diklat']);
  });

  it.each([
    ['#/pegawai', 'pegawai'],
    ['#pegawai', 'pegawai'],
    ['#/diklat?kompetensi=M.1', 'diklat'],
    ['', 'dasbor'],
    ['#/tidak-ada', 'dasbor'],
    ['#/profil', 'dasbor'],
  ])('analis: %s opens %s', (hash, route) => {
    expect(routeFromHash(hash, jabarAnalis)).toBe(route);
  });

  it('sends a plain pegawai to a page they may open', () => {
    expect(defaultRoute(karawangPegawai)).toBe('pegawai');
    expect(routeFromHash('#/dasbor', karawangPegawai)).toBe('pegawai');
    expect(routeFromHash('#/profil', karawangPegawai)).toBe('profil');
  });
});
