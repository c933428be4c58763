// When to refresh the access token. keycloak-js measures its clock skew as
// `timeSkew = local seconds − token iat` at login, so the token's remaining life on the local clock is
// `exp − now + timeSkew` (the same formula as keycloak-js `isTokenExpired`).

/** Refresh when fewer than this many seconds of validity remain (also the `updateToken` argument). */
export const minValiditySeconds = 30;

/** After a failed refresh, try again after this delay instead of in a tight loop. */
export const retryDelayMs = 10_000;

export interface TokenClock {
  /** The token's `exp` claim, in seconds since the epoch. */
  readonly expiresAt: number;
  /** Local time in milliseconds since the epoch. */
  readonly nowMs: number;
  /** keycloak-js `timeSkew` in seconds (null before it is known: treated as 0). */
  readonly timeSkew: number | null;
}

export function secondsOfValidityLeft(clock: TokenClock): number {
  return clock.expiresAt - clock.nowMs / 1000 + (clock.timeSkew ?? 0);
}

export function shouldRefreshToken(clock: TokenClock, minValidity = minValiditySeconds): boolean {
  return secondsOfValidityLeft(clock) < minValidity;
}

/** Milliseconds to wait before refreshing, so the refresh happens `minValidity` seconds before expiry. */
export function refreshDelayMs(clock: TokenClock, minValidity = minValiditySeconds): number {
  const seconds = secondsOfValidityLeft(clock) - minValidity;
  return seconds <= 0 ? 0 : Math.floor(seconds * 1000);
}
