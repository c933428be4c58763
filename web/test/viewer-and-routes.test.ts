import { describe, expect, it } from 'vitest';
import { viewerFromClaims } from '../src/auth/viewer.ts';
import { defaultRoute, resolveRoute, routeFromHash, visibleRoutes } from '../src/navigation/routes.ts';

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
    expect(visibleRoutes(karawangPegawai)).toEqual(['pegawai', 'profil', 'skp', 'tpp', 'simulasi-tpp', 'presensi', 'kehadiran', 'cuti']);
    expect(visibleRoutes(jabarAnalis)).toEqual(['dasbor', 'pegawai', 'diklat', 'workbench', 'simulasi-tpp']);
  });

  it('hides training needs (missing_role) and the empty employee list (personnel shows an asesor without NIP nobody) from an asesor', () => {
    const asesor = viewerFromClaims({ preferred_username: 'karawang.asesor', realm_access: { roles: ['asesor'] }, region_code: '32.15' });
    expect(visibleRoutes(asesor)).toEqual(['dasbor', 'workbench']);
  });

  it('offers the TPP compute page only to admin-kepegawaian, the slip to employees and the simulation to HR and employees', () => {
    const admin = viewerFromClaims({ preferred_username: 'karawang.admin', realm_access: { roles: ['admin-kepegawaian'] }, region_code: '32.15' });
    const pimpinan = viewerFromClaims({ preferred_username: 'nasional.pimpinan', realm_access: { roles: ['pimpinan'] }, region_code: 'ID' });
    expect(visibleRoutes(admin)).toEqual(['dasbor', 'pegawai', 'diklat', 'workbench', 'kalibrasi', 'kaskade', 'hitung-tpp', 'simulasi-tpp', 'siasn', 'rekap']);
    expect(visibleRoutes(atasan)).toEqual(['pegawai', 'profil', 'skp', 'tim', 'kalibrasi', 'kaskade', 'tpp', 'simulasi-tpp', 'presensi', 'kehadiran', 'cuti', 'persetujuan', 'rekap']);
    expect(visibleRoutes(pimpinan)).not.toContain('simulasi-tpp');
    expect(resolveRoute('#/hitung-tpp', karawangPegawai)).toMatchObject({ route: 'pegawai', refused: 'hitung-tpp' });
    expect(resolveRoute('#/tpp?bulan=2026-10', karawangPegawai).params.get('bulan')).toBe('2026-10');
  });

  it('offers the SIASN import (personnel importSiasn: admin-kepegawaian) only to an admin', () => {
    const admin = viewerFromClaims({ preferred_username: 'karawang.admin', realm_access: { roles: ['admin-kepegawaian'] }, region_code: '32.15' });
    expect(visibleRoutes(admin)).toContain('siasn');
    expect(resolveRoute('#/siasn', jabarAnalis)).toMatchObject({ route: 'dasbor', refused: 'siasn' });
  });

  it('opens attendance pages by NIP and role: approvals for an atasan, the unit recap for an atasan or the region admin', () => {
    expect(visibleRoutes(atasan)).toContain('persetujuan');
    const admin = viewerFromClaims({ preferred_username: 'karawang.admin', realm_access: { roles: ['admin-kepegawaian'] }, region_code: '32.15' });
    expect(visibleRoutes(admin)).toContain('rekap');
    expect(visibleRoutes(admin)).not.toContain('persetujuan');
    expect(resolveRoute('#/persetujuan', karawangPegawai)).toMatchObject({ route: 'pegawai', refused: 'persetujuan' });
    expect(resolveRoute('#/presensi', jabarAnalis)).toMatchObject({ route: 'dasbor', refused: 'presensi' });
    expect(resolveRoute('#/kehadiran?bulan=2026-10', karawangPegawai).params.get('bulan')).toBe('2026-10');
  });

  it.each([
    ['#/dasbor', 'pegawai', 'dasbor'],
    ['#/workbench', 'pegawai', 'workbench'],
    ['#/profil', 'profil', null],
    ['#/tidak-ada', 'pegawai', null],
  ])('pegawai asking for %s gets %s, refused %s', (hash, route, refused) => {
    expect(resolveRoute(hash, karawangPegawai)).toMatchObject({ route, refused });
  });

  it('reads the /workbench path the gateway redirects to, and the query of a hash', () => {
    expect(resolveRoute('', jabarAnalis, '/workbench').route).toBe('workbench');
    expect(resolveRoute('#/dasbor?wilayah=32.15', jabarAnalis).params.get('wilayah')).toBe('32.15');
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
