// Which documents may run without a token: one operation, no fragments, only allow-listed root fields.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_MAX_TOKENS, isAnonymousOperation } from '../src/anonymous.ts';

const allowed = new Set(['publicFeedbackForm', 'startPublicFeedback']);

describe('isAnonymousOperation', () => {
  it.each([
    { query: '{ publicFeedbackForm(code: "ABC") { serviceName } }', anonymous: true },
    { query: 'query Form($c: String!) { form: publicFeedbackForm(code: $c) { serviceName } }', anonymous: true },
    { query: 'mutation { startPublicFeedback(code: "ABC") { token } }', anonymous: true },
    { query: '{ publicFeedbackForm(code: "A") { serviceName } startPublicFeedback(code: "A") { token } }', anonymous: true },
    { query: '{ employees { totalCount } }', anonymous: false },
    { query: '{ publicFeedbackForm(code: "A") { serviceName } employees { totalCount } }', anonymous: false },
    { query: '{ ...F } fragment F on Query { publicFeedbackForm(code: "A") { serviceName } }', anonymous: false },
    { query: '{ ... on Query { publicFeedbackForm(code: "A") { serviceName } } }', anonymous: false },
    { query: 'query A { publicFeedbackForm(code: "A") { serviceName } } query B { employees { totalCount } }', anonymous: false },
    { query: '{ publicFeedbackForm(code: "A") @skip(if: false) { serviceName } }', anonymous: false },
    { query: 'subscription { startPublicFeedback(code: "A") { token } }', anonymous: false },
    { query: '{ __schema { types { name } } }', anonymous: false },
    { query: '{ publicFeedbackForm(code: "A") { serviceName ', anonymous: false },
    { query: `{ publicFeedbackForm(code: "A") { ${'serviceName '.repeat(ANONYMOUS_MAX_TOKENS)} } }`, anonymous: false },
  ])('$query → $anonymous', ({ query, anonymous }) => {
    expect(isAnonymousOperation({ query }, allowed)).toBe(anonymous);
  });

  it('refuses a body without a query and an empty allow-list', () => {
    expect(isAnonymousOperation({}, allowed)).toBe(false);
    expect(isAnonymousOperation(null, allowed)).toBe(false);
    expect(isAnonymousOperation({ query: 42 }, allowed)).toBe(false);
    expect(isAnonymousOperation({ query: '{ publicFeedbackForm(code: "A") { serviceName } }' }, new Set())).toBe(false);
  });
});
