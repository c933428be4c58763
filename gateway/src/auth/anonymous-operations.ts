// The one exception to "every request carries a token" (DESIGN.md "Identity and scoping"): the public
// satisfaction survey (survei kepuasan masyarakat) a citizen fills in from a QR code without an account.
// A request WITHOUT an Authorization header passes the gateway only when its document is one operation
// whose root fields are all in this list (@kinerja/kit/anonymous isAnonymousOperation); any other
// operation without a token is still 401 before parsing or planning. The owning subgraph keeps the same
// list (performance: src/resolvers/public-feedback-types.ts) and checks again. The fields return plain
// types with no entity in them (test/anonymous.test.ts walks the supergraph), so nothing else is reachable.
// A request WITH an Authorization header is verified as always, even for these fields.
export const anonymousRootFields: ReadonlySet<string> = new Set([
  // performance: the public form of a feedback code, a one-time token, and the rating with that token.
  'publicFeedbackForm',
  'startPublicFeedback',
  'submitPublicFeedback',
]);
