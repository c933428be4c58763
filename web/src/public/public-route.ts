// The public satisfaction page is the one page opened without signing in (a citizen scanning a QR code):
// main.ts checks the hash before starting the Keycloak session.

const publicFeedbackRoute = /^#\/umpan-balik\/([A-Za-z0-9]{4,32})\/?$/;

/** The feedback code of a `#/umpan-balik/<code>` hash (upper-cased), or null for any other page. */
export function publicFeedbackCode(hash: string): string | null {
  const match = publicFeedbackRoute.exec(hash);
  return match ? match[1]!.toUpperCase() : null;
}

/** The message for a refused public request: the server's reason when the page knows it. */
export function publicFeedbackError(error: { graphQLErrors: readonly { extensions?: Readonly<Record<string, unknown>> }[] } | null | undefined, byReason: Readonly<Record<string, string>>, fallback: string): string | null {
  if (!error) return null;
  for (const graphqlError of error.graphQLErrors) {
    const reason = graphqlError.extensions?.['reason'];
    if (typeof reason === 'string' && byReason[reason]) return byReason[reason]!;
  }
  return fallback;
}
