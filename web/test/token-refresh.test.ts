import { describe, expect, it } from 'vitest';
import { minValiditySeconds, refreshDelayMs, secondsOfValidityLeft, shouldRefreshToken } from '../src/auth/token-refresh.ts';

const now = Date.UTC(2026, 0, 1, 8, 0, 0);
const nowSeconds = now / 1000;

describe('token refresh timing', () => {
  it.each([
    // [seconds until exp, timeSkew, refresh now?, delay ms]
    [300, 0, false, (300 - minValiditySeconds) * 1000],
    [31, 0, false, 1000],
    [30, 0, false, 0],
    [29, 0, true, 0],
    [0, 0, true, 0],
    [-60, 0, true, 0],
    // local clock 100 s ahead of Keycloak (timeSkew = +100): the token lives 100 s longer locally
    [-50, 100, false, 20_000],
    // local clock behind Keycloak: the token expires sooner on the local clock
    [60, -40, true, 0],
    [300, null, false, 270_000],
  ])('exp in %is, skew %s: refresh now %s, delay %i ms', (expiresIn, timeSkew, refreshNow, delay) => {
    const clock = { expiresAt: nowSeconds + expiresIn, nowMs: now, timeSkew };
    expect(shouldRefreshToken(clock)).toBe(refreshNow);
    expect(refreshDelayMs(clock)).toBe(delay);
  });

  it('uses the same arithmetic as keycloak-js isTokenExpired (exp − now + timeSkew)', () => {
    expect(secondsOfValidityLeft({ expiresAt: nowSeconds + 120, nowMs: now, timeSkew: 5 })).toBe(125);
  });

  it('accepts a custom margin', () => {
    const clock = { expiresAt: nowSeconds + 90, nowMs: now, timeSkew: 0 };
    expect(shouldRefreshToken(clock, 120)).toBe(true);
    expect(refreshDelayMs(clock, 60)).toBe(30_000);
  });
});
