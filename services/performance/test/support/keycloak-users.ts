// The test-only unit head above karawang.atasan (who rates the atasan, approves their SKP and records
// goals), created idempotently in the shared running Keycloak by the kit's ensureRealmUser.
import { ensureRealmUser } from '@kinerja/kit/testing-keycloak';

export const KEPALA_USER = 'test.performance.kepala';

export function ensureKepalaUser(nip: string): Promise<void> {
  return ensureRealmUser({ username: KEPALA_USER, firstName: 'Kepala', lastName: 'Uji', roles: ['atasan', 'pegawai'], attributes: { region_code: ['32.15'], nip: [nip] } });
}

/** A test-only admin-kepegawaian of Bekasi (32.16): an admin of a region that does not cover Karawang. */
export const BEKASI_ADMIN_USER = 'test.performance.bekasi.admin';

export function ensureBekasiAdminUser(): Promise<void> {
  return ensureRealmUser({ username: BEKASI_ADMIN_USER, firstName: 'Admin', lastName: 'Bekasi Uji', roles: ['admin-kepegawaian'], attributes: { region_code: ['32.16'] } });
}

/** Test-only employees' accounts (role pegawai) for the 360° raters, by NIP. */
export function ensureEmployeeUser(username: string, nip: string, regionCode: string): Promise<void> {
  return ensureRealmUser({ username, firstName: 'Pegawai', lastName: 'Uji', roles: ['pegawai'], attributes: { region_code: [regionCode], nip: [nip] } });
}
