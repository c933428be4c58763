// Bearer tokens from Keycloak realm `asn` are verified here (DESIGN.md "Identity and scoping"): signature
// via the realm's JWKS, issuer, audience, RS256 only, expiry. The gateway verifies too, but a subgraph
// never trusts a header it cannot verify itself.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { forbidden, unauthenticated } from './errors.ts';

export const roles = [
  'pegawai',
  'atasan',
  'admin-kepegawaian',
  'analis',
  'perencana-diklat',
  'pimpinan',
  'auditor',
  'asesor',
] as const;
export type Role = (typeof roles)[number];

export interface Viewer {
  subject: string;
  username: string;
  nip: string | null;
  roles: ReadonlySet<Role>;
  /** Kemendagri region code the viewer is scoped to; '' means national (the token says `ID`). */
  regionCode: string;
}

export interface TokenVerifierOptions {
  issuer: string;
  jwksUrl: string;
  audience: string;
}

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<Viewer>;

const roleSet: ReadonlySet<string> = new Set(roles);
const isRole = (value: unknown): value is Role => typeof value === 'string' && roleSet.has(value);

/** `ID` and '' both mean national; anything else is kept as the Kemendagri code. */
export function normalizeRegionCode(code: string | null | undefined): string {
  const trimmed = (code ?? '').trim();
  return trimmed === 'ID' ? '' : trimmed;
}

export function viewerFromClaims(claims: JWTPayload): Viewer {
  const realmAccess = claims['realm_access'] as { roles?: unknown } | undefined;
  const tokenRoles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.filter(isRole) : [];
  const nip = claims['nip'];
  const region = claims['region_code'];
  const username = claims['preferred_username'];
  return {
    subject: claims.sub ?? '',
    username: typeof username === 'string' ? username : (claims.sub ?? ''),
    nip: typeof nip === 'string' && nip !== '' ? nip : null,
    roles: new Set(tokenRoles),
    regionCode: normalizeRegionCode(typeof region === 'string' ? region : null),
  };
}

export function createTokenVerifier({ issuer, jwksUrl, audience }: TokenVerifierOptions): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(jwksUrl));
  return async (authorizationHeader) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
    if (!match?.[1]) throw unauthenticated('Token akses tidak ada; silakan masuk terlebih dahulu', 'missing_token');
    try {
      const { payload } = await jwtVerify(match[1], jwks, { issuer, audience, algorithms: ['RS256'] });
      if (!payload.sub) throw unauthenticated('Token akses tidak memiliki subjek', 'invalid_token');
      return viewerFromClaims(payload);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Token akses sudah kedaluwarsa', 'token_expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw unauthenticated('Token akses bukan untuk layanan ini', `invalid_${error.claim}`);
      }
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('Token akses tidak sah', 'invalid_token');
      throw error;
    }
  };
}

export function hasRole(viewer: Viewer, ...wanted: Role[]): boolean {
  return wanted.some((role) => viewer.roles.has(role));
}

export function assertRole(viewer: Viewer, ...wanted: Role[]): void {
  if (!hasRole(viewer, ...wanted)) {
    throw forbidden(`Akses ini memerlukan peran ${wanted.join(' atau ')}`, 'missing_role');
  }
}

/**
 * Prefix match on whole segments: national ('') sees all, '32' sees '32' and '32.15' but not '320'.
 */
export function isInRegion(viewerRegionCode: string, regionCode: string): boolean {
  const scope = normalizeRegionCode(viewerRegionCode);
  const code = normalizeRegionCode(regionCode);
  if (scope === '') return true;
  return code === scope || code.startsWith(`${scope}.`);
}

export function assertRegion(viewer: Viewer, regionCode: string): void {
  if (!isInRegion(viewer.regionCode, regionCode)) {
    throw forbidden(`Wilayah ${regionCode || 'nasional'} di luar cakupan Anda`, 'region_out_of_scope');
  }
}

/** Parameters for `region_code = ? OR region_code LIKE ?`; null for a national viewer (no restriction). */
export function regionSqlPattern(viewer: Pick<Viewer, 'regionCode'>): { exact: string; like: string } | null {
  const scope = normalizeRegionCode(viewer.regionCode);
  if (scope === '') return null;
  return { exact: scope, like: `${scope.replace(/[\\%_]/g, (c) => `\\${c}`)}.%` };
}

/** A ready SQL fragment with positional `?` parameters restricting `column` to the viewer's region. */
export function regionSqlFilter(viewer: Pick<Viewer, 'regionCode'>, column = 'region_code'): { sql: string; params: string[] } {
  const pattern = regionSqlPattern(viewer);
  if (!pattern) return { sql: 'true', params: [] };
  return { sql: `(${column} = ? or ${column} like ?)`, params: [pattern.exact, pattern.like] };
}
