// Public satisfaction feedback (PermenPANRB 14/2017, survei kepuasan masyarakat; DOMAIN.md "Performance"):
// ratings 1–5, one-time expiring tokens, rate limits per client and per code as data.
import { describe, expect, it } from 'vitest';
import { defaultPublicFeedbackRule, isFeedbackCode, publicFeedbackRuleProblems, isMonth, monthWib, monthWithin, rateLimitRefusal, ratingProblems, satisfactionAverage, serviceNameProblem, tokenRefusal } from '../../src/domain/public-feedback.ts';

describe('ratings', () => {
  it.each([
    { rating: 1, comment: null, reasons: [] },
    { rating: 5, comment: 'Pelayanan cepat', reasons: [] },
    { rating: 0, comment: null, reasons: ['invalid_rating'] },
    { rating: 6, comment: null, reasons: ['invalid_rating'] },
    { rating: 4.5, comment: null, reasons: ['invalid_rating'] },
    { rating: 3, comment: 'x'.repeat(1001), reasons: ['comment_too_long'] },
  ])('$rating stars → $reasons', ({ rating, comment, reasons }) => {
    expect(ratingProblems(rating, comment).map((p) => p.reason)).toEqual(reasons);
  });
});

describe('one-time tokens', () => {
  const now = new Date('2026-11-29T03:00:00Z');
  it.each([
    { token: null, reason: 'feedback_token_invalid' },
    { token: { usedAt: new Date('2026-11-29T02:59:00Z'), expiresAt: new Date('2026-11-29T03:20:00Z') }, reason: 'feedback_token_used' },
    { token: { usedAt: null, expiresAt: now }, reason: 'feedback_token_expired' },
    { token: { usedAt: null, expiresAt: new Date('2026-11-29T03:00:01Z') }, reason: null },
  ])('$token → $reason', ({ token, reason }) => {
    expect(tokenRefusal(token, now)?.reason ?? null).toBe(reason);
  });
});

describe('rate limits (defaults: 20 per client, 300 per code an hour)', () => {
  it.each([
    { client: 19, code: 299, reason: null },
    { client: 20, code: 0, reason: 'rate_limited_client' },
    { client: 0, code: 300, reason: 'rate_limited_code' },
  ])('$client from the client, $code for the code → $reason', ({ client, code, reason }) => {
    expect(rateLimitRefusal({ client, code }, defaultPublicFeedbackRule)?.reason ?? null).toBe(reason);
  });
  it('follows a configured rule', () => {
    expect(rateLimitRefusal({ client: 2, code: 2 }, { ...defaultPublicFeedbackRule, perClientPerHour: 2 })?.reason).toBe('rate_limited_client');
  });
});

describe('codes, months and averages', () => {
  it('accepts codes from the unambiguous alphabet only', () => {
    expect(isFeedbackCode('ABCDEFGH23')).toBe(true);
    expect(isFeedbackCode('ABCDEFGH10')).toBe(false);
    expect(isFeedbackCode('ABC')).toBe(false);
  });
  it('counts a response in its WIB month', () => {
    expect(monthWib(new Date('2026-11-30T18:00:00Z'))).toBe('2026-12');
    expect(monthWib(new Date('2026-11-30T16:00:00Z'))).toBe('2026-11');
  });
  it('checks months and periods', () => {
    expect(isMonth('2026-02')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(monthWithin('2026-02', { start: '2026-01-01', end: '2026-03-31' })).toBe(true);
    expect(monthWithin('2026-04', { start: '2026-01-01', end: '2026-03-31' })).toBe(false);
  });
  it('averages to two decimals, nothing without responses', () => {
    expect(satisfactionAverage(13, 3)).toBe(4.33);
    expect(satisfactionAverage(0, 0)).toBeNull();
  });
  it('names a service in 3–200 characters', () => {
    expect(serviceNameProblem('  ')?.reason).toBe('invalid_service_name');
    expect(serviceNameProblem('Layanan kenaikan pangkat')).toBeNull();
  });
});

describe('a configured public feedback rule', () => {
  it.each([
    { rule: { tokenTtlMinutes: 30, perClientPerHour: 20, perCodePerHour: 300 }, reasons: [] },
    { rule: { tokenTtlMinutes: 4, perClientPerHour: 20, perCodePerHour: 300 }, reasons: ['invalid_token_ttl'] },
    { rule: { tokenTtlMinutes: 30, perClientPerHour: 0, perCodePerHour: 300 }, reasons: ['invalid_rate_limit'] },
    { rule: { tokenTtlMinutes: 30, perClientPerHour: 20, perCodePerHour: 100_001 }, reasons: ['invalid_rate_limit'] },
  ])('$rule → $reasons', ({ rule, reasons }) => {
    expect(publicFeedbackRuleProblems(rule).map((p) => p.reason)).toEqual(reasons);
  });
});
