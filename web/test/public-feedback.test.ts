// The public satisfaction page: which hashes open it without signing in, and which message a refusal shows.
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.ts';
import { publicFeedbackCode, publicFeedbackError } from '../src/public/public-route.ts';

describe('the public feedback route', () => {
  it.each([
    ['#/umpan-balik/ABCDEFGH23', 'ABCDEFGH23'],
    ['#/umpan-balik/abcdefgh23/', 'ABCDEFGH23'],
    ['#/umpan-balik/', null],
    ['#/umpan-balik/AB CD', null],
    ['#/dasbor', null],
    ['', null],
  ])('%s → %s', (hash, code) => {
    expect(publicFeedbackCode(hash)).toBe(code);
  });
});

describe('a refused public request', () => {
  const text = messages.publicFeedback;
  it('shows the message of a known reason in Bahasa Indonesia', () => {
    expect(publicFeedbackError({ graphQLErrors: [{ extensions: { code: 'CONFLICT', reason: 'feedback_token_used' } }] }, text.byReason, text.failed)).toBe(text.byReason['feedback_token_used']);
    expect(publicFeedbackError({ graphQLErrors: [{ extensions: { code: 'TOO_MANY_REQUESTS', reason: 'rate_limited_client' } }] }, text.byReason, text.failed)).toContain('Terlalu banyak permintaan');
  });
  it('falls back to a general message, and shows nothing without an error', () => {
    expect(publicFeedbackError({ graphQLErrors: [] }, text.byReason, text.failed)).toBe(text.failed);
    expect(publicFeedbackError(null, text.byReason, text.failed)).toBeNull();
  });
});
