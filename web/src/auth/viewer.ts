// The signed-in user as the web app sees them, read from the access token's claims
// (docs/conventions.md: `realm_access.roles`, `region_code`, `nip`, `preferred_username`).
export const knownRoles = [
  'pegawai',
  'atasan',
  'admin-kepegawaian',
  'analis',
  'perencana-diklat',
  'pimpinan',
  'auditor',
  'asesor',
] as const;

export type Role = (typeof knownRoles)[number];

export interface Viewer {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** `ID` for national scope. */
  readonly regionCode: string;
  readonly nip: string | null;
}

export interface AccessTokenClaims {
  readonly name?: unknown;
  readonly preferred_username?: unknown;
  readonly realm_access?: { readonly roles?: unknown } | undefined;
  readonly region_code?: unknown;
  readonly nip?: unknown;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (knownRoles as readonly string[]).includes(value);
}

export function viewerFromClaims(claims: AccessTokenClaims): Viewer {
  const username = text(claims.preferred_username) ?? '';
  const rawRoles = claims.realm_access?.roles;
  // Keycloak adds technical roles (offline_access, default-roles-asn, …) that mean nothing to a user.
  const roles = Array.isArray(rawRoles) ? knownRoles.filter((role) => rawRoles.some((r) => r === role && isRole(r))) : [];
  return {
    username,
    displayName: text(claims.name) ?? username,
    roles,
    regionCode: text(claims.region_code) ?? 'ID',
    nip: text(claims.nip),
  };
}

export function hasAnyRole(viewer: Viewer, roles: readonly Role[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}

/** Roles that read regional aggregates and lists; a plain `pegawai`/`atasan` only sees people. */
export const regionalRoles: readonly Role[] = [
  'admin-kepegawaian',
  'analis',
  'perencana-diklat',
  'pimpinan',
  'auditor',
  'asesor',
];

/** Roles that may read training needs (competency's trainingNeeds/trainingNeedsSummary); not the asesor. */
export const trainingRoles: readonly Role[] = ['perencana-diklat', 'admin-kepegawaian', 'analis', 'pimpinan', 'auditor'];

/** Roles that open a unit's calibration and cascade: the atasan inside the unit, the region's admin-kepegawaian. */
export const performanceUnitRoles: readonly Role[] = ['atasan', 'admin-kepegawaian'];

/**
 * Whether personnel shows this viewer any employee: region-wide roles (the training roles) see their
 * region, anyone with a NIP sees self and their atasan; an asesor without a NIP sees nobody
 * (services/personnel/src/domain/visibility.ts).
 */
export function seesEmployees(viewer: Viewer): boolean {
  return viewer.nip !== null || hasAnyRole(viewer, trainingRoles);
}

/** Roles that read a unit's attendance recap: the region's admin and an atasan (their subordinates). */
export const attendanceRecapRoles: readonly Role[] = ['admin-kepegawaian', 'atasan'];
