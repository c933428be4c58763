// Bearer tokens from Keycloak realm `asn` are verified here (DESIGN.md "Identity and scoping"): signature
// via the realm's JWKS, issuer, audience, RS256 only, expiry. The gateway verifies too, but a subgraph
// never trusts a header it cannot verify itself.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { forbidden, unauthenticated } from './errors.ts';
import { hasRegionWideRole, isRegionCode } from './scoping.ts';

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
  /**
   * Kemendagri region code the viewer is scoped to (`ID` = national), from the token's `region_code`.
   * null only for a viewer with no region-wide role whose token names no valid region (a pegawai or
   * atasan sees by NIP, not by region); a region-wide role without a valid code is refused.
   */
  regionCode: string | null;
}

export interface TokenVerifierOptions {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /**
   * Verified tokens remembered until they expire, so a client sending the same token with every request
   * (the web app, a dashboard polling) costs one RSA verification per token instead of one per request.
   * Entries at most; 0 turns the cache off. Default 10,000 (a few MB).
   */
  cacheEntries?: number;
}

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<Viewer>;

const roleSet: ReadonlySet<string> = new Set(roles);
const isRole = (value: unknown): value is Role => typeof value === 'string' && roleSet.has(value);

export function viewerFromClaims(claims: JWTPayload): Viewer {
  const realmAccess = claims['realm_access'] as { roles?: unknown } | undefined;
  const tokenRoles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.filter(isRole) : [];
  const nip = claims['nip'];
  const region = claims['region_code'];
  const username = claims['preferred_username'];
  const viewerRoles = new Set(tokenRoles);
  const regionCode = isRegionCode(region) ? region : null;
  // An account imported without the attribute (or with a typo) must not be read as national: refuse it
  // for every role that sees a whole region, before any data is read.
  if (regionCode === null && hasRegionWideRole(viewerRoles)) {
    throw unauthenticated(
      `Akun ini tidak memiliki kode wilayah (region_code) yang sah untuk peran ${[...viewerRoles].join(', ')}; hubungi administrator Keycloak`,
      'invalid_region_code',
    );
  }
  return {
    subject: claims.sub ?? '',
    username: typeof username === 'string' ? username : (claims.sub ?? ''),
    nip: typeof nip === 'string' && nip !== '' ? nip : null,
    roles: viewerRoles,
    regionCode,
  };
}

export function createTokenVerifier({ issuer, jwksUrl, audience, cacheEntries = 10_000 }: TokenVerifierOptions): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(jwksUrl));
  // Keyed by the whole token: a cached viewer is exactly what verifying that token gave. An entry is used
  // only before the token's own `exp`, so caching never extends a token's life.
  const verified = cacheEntries > 0 ? new LRUCache<string, { viewer: Viewer; expiresAtMs: number }>({ max: cacheEntries }) : null;
  return async (authorizationHeader) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
    if (!match?.[1]) throw unauthenticated('Token akses tidak ada; silakan masuk terlebih dahulu', 'missing_token');
    const token = match[1];
    const cached = verified?.get(token);
    if (cached) {
      if (Date.now() < cached.expiresAtMs) return cached.viewer;
      verified?.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience, algorithms: ['RS256'] });
      if (!payload.sub) throw unauthenticated('Token akses tidak memiliki subjek', 'invalid_token');
      const viewer = viewerFromClaims(payload);
      if (verified && typeof payload.exp === 'number') verified.set(token, { viewer, expiresAtMs: payload.exp * 1000 });
      return viewer;
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
