// A GraphQL POST with a bound on the wait: a chaos scenario must see a refused or hung server as an
// answer (an error to count), never as a test that hangs.
export interface GraphqlAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

export type PostOutcome<T> = { kind: 'answer'; answer: GraphqlAnswer<T>; elapsedMs: number } | { kind: 'no-answer'; error: string; elapsedMs: number };

export async function postGraphql<T = Record<string, unknown>>(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<PostOutcome<T>> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: Omit<GraphqlAnswer<T>, 'status'>;
    try {
      body = JSON.parse(text) as Omit<GraphqlAnswer<T>, 'status'>;
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
    return { kind: 'answer', answer: { status: response.status, ...body }, elapsedMs: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: 'no-answer', error: cause ?? (error as Error).name, elapsedMs: performance.now() - started };
  }
}

/** The answer's data, or throws with its errors: for the set-up steps, which must work. */
export async function mustQuery<T>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const outcome = await postGraphql<T>(url, token, query, variables);
  if (outcome.kind === 'no-answer') throw new Error(`${url}: no answer (${outcome.error})`);
  if (outcome.answer.errors?.length || !outcome.answer.data) throw new Error(`${url}: ${JSON.stringify(outcome.answer.errors ?? outcome.answer)}`);
  return outcome.answer.data;
}
