// What the end-to-end suites through the gateway share: waiting for an asynchronous effect (an event
// consumed, a run finished) and GraphQL calls as a demo user with a real Keycloak token.
import { passwordToken } from '@kinerja/kit/testing';

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Polls `probe` until it returns a value; fails after `timeoutMs` with what was awaited and the processes' logs. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, logs: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `call` answers whatever the gateway says; `ok` must succeed and fails with the errors and the logs. */
export function gatewayCalls(gatewayUrl: () => string, logs: () => string) {
  const tokens = new Map<string, Promise<string>>();
  async function call<T>(username: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLBody<T>> {
    let token = tokens.get(username);
    if (!token) tokens.set(username, (token = passwordToken(username)));
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLBody<T>;
  }
  async function ok<T>(username: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await call<T>(username, query, variables);
    if (body.errors || !body.data) throw new Error(`${username}: ${JSON.stringify(body.errors)}\n${logs()}`);
    return body.data;
  }
  return { call, ok };
}
