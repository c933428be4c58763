// A token issuer for unit tests of the gateway's own auth path: an RSA key and its JWKS served over HTTP,
// so the kit's verifier runs exactly as in production. Integration tests use the real Keycloak instead.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  sign(
    claims?: JWTPayload,
    options?: { expiresIn?: string | number; audience?: string; key?: CryptoKey; issuer?: string },
  ): Promise<string>;
  /** A key the JWKS does not publish, for "signed by another key". */
  foreignKey: CryptoKey;
  close(): Promise<void>;
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/realms/test`;
  const audience = 'kinerja-api';
  return {
    issuer,
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    audience,
    foreignKey: foreign.privateKey,
    async sign(claims = {}, options = {}) {
      return new SignJWT({
        realm_access: { roles: ['analis'] },
        region_code: '32',
        preferred_username: 'uji.analis',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject('subject-1')
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
