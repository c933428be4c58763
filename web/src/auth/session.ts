// Keycloak login (authorization code + PKCE) and a token kept fresh before it expires.
import Keycloak from 'keycloak-js';
import { minValiditySeconds, refreshDelayMs, retryDelayMs } from './token-refresh.ts';
import { viewerFromClaims } from './viewer.ts';
import type { AccessTokenClaims, Viewer } from './viewer.ts';

export interface Session {
  readonly viewer: Viewer;
  /** A token valid for at least `minValiditySeconds`, refreshed first when needed. */
  accessToken(): Promise<string>;
  signOut(): Promise<void>;
}

export const keycloakUrl: string = import.meta.env.VITE_KEYCLOAK_URL ?? 'http://localhost:8180';

export async function startSession(onExpired: () => void): Promise<Session> {
  const keycloak = new Keycloak({ url: keycloakUrl, realm: 'asn', clientId: 'kinerja-web' });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    locale: 'id',
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs?: number) => {
    clearTimeout(timer);
    const exp = keycloak.tokenParsed?.exp;
    if (exp === undefined) return;
    const delay = delayMs ?? refreshDelayMs({ expiresAt: exp, nowMs: Date.now(), timeSkew: keycloak.timeSkew });
    timer = setTimeout(() => {
      keycloak
        .updateToken(minValiditySeconds)
        .then(() => schedule())
        .catch(() => {
          // A refresh token that is itself expired or revoked cannot recover: send the user to login.
          if (keycloak.isTokenExpired()) onExpired();
          else schedule(retryDelayMs);
        });
    }, delay);
  };
  schedule();

  return {
    viewer: viewerFromClaims((keycloak.tokenParsed ?? {}) as AccessTokenClaims),
    async accessToken() {
      // updateToken resolves at once while the token is still valid long enough. A failed refresh
      // of a still-valid token (Keycloak briefly unreachable) keeps using it; only an expired one
      // needs a new login.
      await keycloak.updateToken(minValiditySeconds).catch(() => {
        if (keycloak.isTokenExpired()) onExpired();
      });
      return keycloak.token ?? '';
    },
    async signOut() {
      clearTimeout(timer);
      await keycloak.logout({ redirectUri: window.location.origin + window.location.pathname });
    },
  };
}
