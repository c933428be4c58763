// Plain HTTP GraphQL calls with a bearer token, for warm-up, direct-step variables and SQL probes.

export interface GraphqlAnswer {
  status: number;
  data: unknown;
  errors: unknown[] | undefined;
  bytes: number;
}

export async function postGraphql(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: unknown[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: text.slice(0, 200) }] };
  }
  return { status: response.status, data: body.data ?? null, errors: body.errors, bytes: Buffer.byteLength(text) };
}

/** Access token for a demo user: password grant on client kinerja-cli (development and tests only). */
export async function passwordToken(keycloakUrl: string, realm: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${keycloakUrl.replace(/\/+$/, '')}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'kinerja-cli', username, password, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`Keycloak menolak token untuk ${username}: ${response.status} ${body.error_description ?? ''}`);
  return body.access_token;
}
