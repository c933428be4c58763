// Anonymous operations (DESIGN.md "Identity and scoping": every request carries a token, with this one
// exception): a citizen leaving public satisfaction feedback has no account. The gateway and the subgraph
// admit a request WITHOUT an Authorization header only when its document is one operation whose root fields
// all belong to an explicit allow-list, so any other operation without a token is still 401. What those
// root fields return is the owning subgraph's responsibility: types with scalars only, no entity to reach.
import { Kind, parse, type DocumentNode } from 'graphql';
import type { Role, Viewer } from './auth.ts';

/** The viewer of an anonymous operation: no roles, no region, no NIP. */
export const anonymousViewer: Viewer = Object.freeze({ subject: 'anonymous', username: 'anonymous', nip: null, roles: new Set<Role>(), regionCode: null });

/**
 * The caller's address as the gateway saw it, forwarded to subgraphs (which are never published, so only the
 * gateway can set it; the gateway overwrites whatever a caller sends). Public rate limits key on it.
 */
export const CLIENT_IP_HEADER = 'x-kinerja-client-ip';

/** Anonymous documents are tiny forms; a bound keeps parsing an unauthenticated body cheap. */
export const ANONYMOUS_MAX_TOKENS = 200;

function parseSmall(query: string): DocumentNode | null {
  try {
    return parse(query, { maxTokens: ANONYMOUS_MAX_TOKENS, noLocation: true });
  } catch {
    return null;
  }
}

/**
 * True when `body` (a parsed GraphQL-over-HTTP JSON body) holds exactly one operation, no fragments, and
 * every root selection is a plain field (aliases allowed) named in `allowed`.
 */
export function isAnonymousOperation(body: unknown, allowed: ReadonlySet<string>): boolean {
  if (allowed.size === 0 || body === null || typeof body !== 'object') return false;
  const query = (body as { query?: unknown }).query;
  if (typeof query !== 'string') return false;
  const document = parseSmall(query);
  if (document === null || document.definitions.length !== 1) return false;
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation === 'subscription') return false;
  const selections = operation.selectionSet.selections;
  return selections.length > 0 && selections.every((s) => s.kind === Kind.FIELD && allowed.has(s.name.value) && (s.directives?.length ?? 0) === 0);
}
